/**
 * Policy RegisterPermitWhenIssued (context building-linkage): whenever BuildingPermitIssued
 * (from building-issuance), then RegisterBuildingPermit. Yours: msa-gen wrote this file once and
 * never overwrites it.
 */

import { policyDefaults, type RegisterPermitWhenIssuedPolicy } from '../generated/policies.ts';

const defaults = policyDefaults.RegisterPermitWhenIssued;

export const registerPermitWhenIssued: RegisterPermitWhenIssuedPolicy = {
  /**
   * Business check before RegisterBuildingPermit runs, in the same transaction: return false to
   * skip the event. The default skips an event whose PermitRegistration exists already. The
   * inbox already drops a record delivered twice, and the idempotency key permitId a second
   * event with the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The RegisterBuildingPermit input for the event. The default picks the command's fields from
   * the event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
