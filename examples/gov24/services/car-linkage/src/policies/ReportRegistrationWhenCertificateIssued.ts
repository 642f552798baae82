/**
 * Policy ReportRegistrationWhenCertificateIssued: your business check and command mapping.
 * msa-gen wrote this file once and never overwrites it. When it runs, what it issues and what
 * the defaults do: ReportRegistrationWhenCertificateIssuedPolicy in src/generated/policies.ts,
 * which follows the model. To change a step, replace its delegation with a function.
 */

import {
  policyDefaults,
  type ReportRegistrationWhenCertificateIssuedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.ReportRegistrationWhenCertificateIssued;

export const reportRegistrationWhenCertificateIssued: ReportRegistrationWhenCertificateIssuedPolicy = {
  shouldHandle: defaults.shouldHandle,
  toCommand: defaults.toCommand,
};
