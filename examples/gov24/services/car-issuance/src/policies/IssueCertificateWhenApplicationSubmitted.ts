/**
 * Policy IssueCertificateWhenApplicationSubmitted (context car-issuance): whenever
 * CarApplicationSubmitted (from car-application), then IssueCarRegistrationCertificate. Yours:
 * msa-gen wrote this file once and never overwrites it.
 */

import {
  policyDefaults,
  type IssueCertificateWhenApplicationSubmittedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.IssueCertificateWhenApplicationSubmitted;

export const issueCertificateWhenApplicationSubmitted: IssueCertificateWhenApplicationSubmittedPolicy = {
  /**
   * Business check before IssueCarRegistrationCertificate runs, in the same transaction: return
   * false to skip the event. The default skips an event whose RegistrationCertificate exists
   * already. The inbox already drops a record delivered twice, and the idempotency key
   * applicationId a second event with the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The IssueCarRegistrationCertificate input for the event. The default picks the command's
   * fields from the event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
