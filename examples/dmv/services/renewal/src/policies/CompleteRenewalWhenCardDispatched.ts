/**
 * Policy CompleteRenewalWhenCardDispatched: your business check and command mapping. msa-gen
 * wrote this file once and never overwrites it. When it runs, what it issues and what the
 * defaults do: CompleteRenewalWhenCardDispatchedPolicy in src/generated/policies.ts, which
 * follows the model. To change a step, replace its delegation with a function.
 */

import {
  policyDefaults,
  type CompleteRenewalWhenCardDispatchedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.CompleteRenewalWhenCardDispatched;

export const completeRenewalWhenCardDispatched: CompleteRenewalWhenCardDispatchedPolicy = {
  shouldHandle: defaults.shouldHandle,
  toCommand: defaults.toCommand,
};
