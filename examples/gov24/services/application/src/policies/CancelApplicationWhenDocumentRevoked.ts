/**
 * Policy CancelApplicationWhenDocumentRevoked (context application): whenever
 * GeneralDocumentRevoked (from issuance), then CancelApplication. Yours: msa-gen wrote this file
 * once and never overwrites it.
 */

import {
  policyDefaults,
  type CancelApplicationWhenDocumentRevokedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.CancelApplicationWhenDocumentRevoked;

export const cancelApplicationWhenDocumentRevoked: CancelApplicationWhenDocumentRevokedPolicy = {
  /**
   * Business check before CancelApplication runs, in the same transaction: return false to skip
   * the event. The default skips an event whose Application does not exist. The inbox already
   * drops a record delivered twice, and the idempotency key applicationId a second event with
   * the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The CancelApplication input for the event. The default picks the command's fields from the
   * event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
