/**
 * Command handlers of AgencyTransmission (context linkage): the business logic. Yours: msa-gen
 * wrote this file once and never overwrites it; when the model gains a command, a later run adds
 * its handler here, delegating to the generated default.
 */

import {
  agencyTransmissionDefaults,
  type AgencyTransmissionHandlers,
} from '../generated/handlers.ts';

export const agencyTransmissionHandlers: AgencyTransmissionHandlers = {
  /**
   * ShareIssuedDocument — triggered by policy ShareDocumentWhenIssued (on GeneralDocumentIssued).
   * Emits IssuedDocumentShared.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits IssuedDocumentShared. It creates an
   * AgencyTransmission: ctx.key is the key the runtime assigned (or the caller gave).
   */
  ShareIssuedDocument: (command, ctx) =>
    agencyTransmissionDefaults.ShareIssuedDocument(command, ctx),
};
