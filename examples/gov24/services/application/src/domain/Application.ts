/**
 * Command handlers of Application (context application): the business logic. Yours: msa-gen
 * wrote this file once and never overwrites it; when the model gains a command, a later run adds
 * its handler here, delegating to the generated default.
 */

import { applicationDefaults, type ApplicationHandlers } from '../generated/handlers.ts';

export const applicationHandlers: ApplicationHandlers = {
  /**
   * SubmitGeneralApplication — triggered by POST /applications/general (actor: Citizen). Emits
   * GeneralApplicationSubmitted.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits GeneralApplicationSubmitted. It creates an
   * Application: ctx.key is the key the runtime assigned (or the caller gave).
   */
  SubmitGeneralApplication: (command, ctx) =>
    applicationDefaults.SubmitGeneralApplication(command, ctx),
  /**
   * CancelApplication — triggered by policy CancelApplicationWhenIssuanceFailed (on
   * GeneralIssuanceFailed); policy CancelApplicationWhenDocumentRevoked (on GeneralDocumentRevoked);
   * compensation of SubmitGeneralApplication in saga GeneralComplaintProcessing. Emits
   * ApplicationCancelled.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits ApplicationCancelled.
   */
  CancelApplication: (command, ctx) => applicationDefaults.CancelApplication(command, ctx),
  /**
   * RecordIssuanceResult — triggered by POST /applications/{applicationId}/issuance-result; calls
   * from instant-issuance. Emits IssuanceResultRecorded.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits IssuanceResultRecorded.
   */
  RecordIssuanceResult: (command, ctx) => applicationDefaults.RecordIssuanceResult(command, ctx),
};
