/**
 * Policy ShareDocumentWhenIssued (context linkage): whenever GeneralDocumentIssued (from
 * issuance), then ShareIssuedDocument. Yours: msa-gen wrote this file once and never overwrites
 * it.
 */

import { policyDefaults, type ShareDocumentWhenIssuedPolicy } from '../generated/policies.ts';

const defaults = policyDefaults.ShareDocumentWhenIssued;

export const shareDocumentWhenIssued: ShareDocumentWhenIssuedPolicy = {
  /**
   * Business check before ShareIssuedDocument runs, in the same transaction: return false to
   * skip the event. The default skips an event whose AgencyTransmission exists already. The
   * inbox already drops a record delivered twice, and the idempotency key documentId a second
   * event with the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The ShareIssuedDocument input for the event. The default picks the command's fields from the
   * event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
