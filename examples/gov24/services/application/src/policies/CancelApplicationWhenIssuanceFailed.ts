/**
 * Policy CancelApplicationWhenIssuanceFailed (context application): whenever
 * GeneralIssuanceFailed (from issuance), then CancelApplication. Yours: msa-gen wrote this file
 * once and never overwrites it.
 */

import {
  policyDefaults,
  type CancelApplicationWhenIssuanceFailedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.CancelApplicationWhenIssuanceFailed;

export const cancelApplicationWhenIssuanceFailed: CancelApplicationWhenIssuanceFailedPolicy = {
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
