/**
 * Policy CancelApplicationWhenRegistrationRefused (context car-application): whenever
 * CarRegistrationRefused (from car-issuance), then CancelCarApplication. Yours: msa-gen wrote
 * this file once and never overwrites it.
 */

import {
  policyDefaults,
  type CancelApplicationWhenRegistrationRefusedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.CancelApplicationWhenRegistrationRefused;

export const cancelApplicationWhenRegistrationRefused: CancelApplicationWhenRegistrationRefusedPolicy = {
  /**
   * Business check before CancelCarApplication runs, in the same transaction: return false to
   * skip the event. The default skips an event whose RegistrationApplication does not exist. The
   * inbox already drops a record delivered twice, and the idempotency key applicationId a second
   * event with the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The CancelCarApplication input for the event. The default picks the command's fields from
   * the event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
