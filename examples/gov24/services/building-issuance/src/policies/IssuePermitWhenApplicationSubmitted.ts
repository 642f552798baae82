/**
 * Policy IssuePermitWhenApplicationSubmitted (context building-issuance): whenever
 * BuildingApplicationSubmitted (from building-application), then IssueBuildingPermit. Yours:
 * msa-gen wrote this file once and never overwrites it.
 */

import {
  policyDefaults,
  type IssuePermitWhenApplicationSubmittedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.IssuePermitWhenApplicationSubmitted;

export const issuePermitWhenApplicationSubmitted: IssuePermitWhenApplicationSubmittedPolicy = {
  /**
   * Business check before IssueBuildingPermit runs, in the same transaction: return false to
   * skip the event. The default skips an event whose BuildingPermit exists already. The inbox
   * already drops a record delivered twice, and the idempotency key applicationId a second event
   * with the same value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The IssueBuildingPermit input for the event. The default picks the command's fields from the
   * event by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
