/**
 * Policy DispatchCardWhenIssued: your business check and command mapping. msa-gen wrote this
 * file once and never overwrites it. When it runs, what it issues and what the defaults do:
 * DispatchCardWhenIssuedPolicy in src/generated/policies.ts, which follows the model. To change
 * a step, replace its delegation with a function.
 */

import { policyDefaults, type DispatchCardWhenIssuedPolicy } from '../generated/policies.ts';

const defaults = policyDefaults.DispatchCardWhenIssued;

export const dispatchCardWhenIssued: DispatchCardWhenIssuedPolicy = {
  shouldHandle: defaults.shouldHandle,
  toCommand: defaults.toCommand,
};
