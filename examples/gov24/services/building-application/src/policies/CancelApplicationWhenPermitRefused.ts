/**
 * Policy CancelApplicationWhenPermitRefused (context building-application): whenever
 * BuildingPermitRefused (from building-issuance), then CancelBuildingApplication. Yours: msa-gen
 * wrote this file once and never overwrites it.
 */

import {
  policyDefaults,
  type CancelApplicationWhenPermitRefusedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.CancelApplicationWhenPermitRefused;

export const cancelApplicationWhenPermitRefused: CancelApplicationWhenPermitRefusedPolicy = {
  /**
   * Business check before CancelBuildingApplication runs, in the same transaction: return false
   * to skip the event. The default skips an event whose PermitApplication does not exist. The
   * inbox already drops a record delivered twice, and the idempotency key applicationId a second
   * event with the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The CancelBuildingApplication input for the event. The default picks the command's fields
   * from the event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
