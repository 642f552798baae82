/**
 * Command handlers of Document (context issuance): the business logic. Yours: msa-gen wrote this
 * file once and never overwrites it; when the model gains a command, a later run adds its
 * handler here, delegating to the generated default.
 */

import { documentDefaults, type DocumentHandlers } from '../generated/handlers.ts';

export const documentHandlers: DocumentHandlers = {
  /**
   * IssueGeneralDocument — triggered by policy IssueDocumentWhenApplicationSubmitted (on
   * GeneralApplicationSubmitted). Emits GeneralDocumentIssued, GeneralIssuanceFailed (failure).
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits GeneralDocumentIssued. It creates a
   * Document: ctx.key is the key the runtime assigned (or the caller gave).
   */
  IssueGeneralDocument: (command, ctx) => documentDefaults.IssueGeneralDocument(command, ctx),
  /**
   * RevokeGeneralDocument — triggered by policy RevokeDocumentWhenNotificationFailed (on
   * CitizenNotificationFailed); compensation of IssueGeneralDocument in saga
   * GeneralComplaintProcessing. Emits GeneralDocumentRevoked.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits GeneralDocumentRevoked.
   */
  RevokeGeneralDocument: (command, ctx) => documentDefaults.RevokeGeneralDocument(command, ctx),
};
