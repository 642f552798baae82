/**
 * Policy IssueDocumentWhenApplicationSubmitted (context issuance): whenever
 * GeneralApplicationSubmitted (from application), then IssueGeneralDocument. Yours: msa-gen
 * wrote this file once and never overwrites it.
 */

import {
  policyDefaults,
  type IssueDocumentWhenApplicationSubmittedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.IssueDocumentWhenApplicationSubmitted;

export const issueDocumentWhenApplicationSubmitted: IssueDocumentWhenApplicationSubmittedPolicy = {
  /**
   * Business check before IssueGeneralDocument runs, in the same transaction: return false to
   * skip the event. The default skips an event whose Document exists already. The inbox already
   * drops a record delivered twice, and the idempotency key applicationId a second event with
   * the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The IssueGeneralDocument input for the event. The default picks the command's fields from
   * the event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
