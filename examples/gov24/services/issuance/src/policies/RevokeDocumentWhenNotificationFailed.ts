/**
 * Policy RevokeDocumentWhenNotificationFailed (context issuance): whenever
 * CitizenNotificationFailed (from citizen), then RevokeGeneralDocument. Yours: msa-gen wrote
 * this file once and never overwrites it.
 */

import {
  policyDefaults,
  type RevokeDocumentWhenNotificationFailedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.RevokeDocumentWhenNotificationFailed;

export const revokeDocumentWhenNotificationFailed: RevokeDocumentWhenNotificationFailedPolicy = {
  /**
   * Business check before RevokeGeneralDocument runs, in the same transaction: return false to
   * skip the event. The default skips an event whose Document does not exist. The inbox already
   * drops a record delivered twice, and the idempotency key documentId a second event with the
   * same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The RevokeGeneralDocument input for the event. The default picks the command's fields from
   * the event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
