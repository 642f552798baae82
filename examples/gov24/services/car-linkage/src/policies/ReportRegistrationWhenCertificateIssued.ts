/**
 * Policy ReportRegistrationWhenCertificateIssued (context car-linkage): whenever
 * CarRegistrationCertificateIssued (from car-issuance), then ReportCarRegistration. Yours:
 * msa-gen wrote this file once and never overwrites it.
 */

import {
  policyDefaults,
  type ReportRegistrationWhenCertificateIssuedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.ReportRegistrationWhenCertificateIssued;

export const reportRegistrationWhenCertificateIssued: ReportRegistrationWhenCertificateIssuedPolicy = {
  /**
   * Business check before ReportCarRegistration runs, in the same transaction: return false to
   * skip the event. The default skips an event whose RegisterEntry exists already. The inbox
   * already drops a record delivered twice, and the idempotency key certificateId a second event
   * with the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The ReportCarRegistration input for the event. The default picks the command's fields from
   * the event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
