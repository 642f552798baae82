/**
 * Policy CancelApplicationWhenIssuanceFailed: your business check and command mapping. msa-gen
 * wrote this file once and never overwrites it. When it runs, what it issues and what the
 * defaults do: CancelApplicationWhenIssuanceFailedPolicy in src/generated/policies.ts, which
 * follows the model. To change a step, replace its delegation with a function.
 */

import {
  policyDefaults,
  type CancelApplicationWhenIssuanceFailedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.CancelApplicationWhenIssuanceFailed;

export const cancelApplicationWhenIssuanceFailed: CancelApplicationWhenIssuanceFailedPolicy = {
  shouldHandle: defaults.shouldHandle,
  toCommand: defaults.toCommand,
};
