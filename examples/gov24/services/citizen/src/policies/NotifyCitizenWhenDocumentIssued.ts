/**
 * Policy NotifyCitizenWhenDocumentIssued (context citizen): whenever GeneralDocumentIssued (from
 * issuance), then NotifyCitizen. Yours: msa-gen wrote this file once and never overwrites it.
 */

import {
  policyDefaults,
  type NotifyCitizenWhenDocumentIssuedPolicy,
} from '../generated/policies.ts';

const defaults = policyDefaults.NotifyCitizenWhenDocumentIssued;

export const notifyCitizenWhenDocumentIssued: NotifyCitizenWhenDocumentIssuedPolicy = {
  /**
   * Business check before NotifyCitizen runs, in the same transaction: return false to skip the
   * event. The default skips an event whose Notification exists already. The inbox already drops
   * a record delivered twice, and the idempotency key documentId a second event with the same
   * value.
   */
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
  /**
   * The NotifyCitizen input for the event. The default picks the command's fields from the event
   * by name.
   */
  toCommand: (event) => defaults.toCommand(event),
};
