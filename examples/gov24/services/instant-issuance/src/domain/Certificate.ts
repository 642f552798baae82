/**
 * Command handlers of Certificate (context instant-issuance): the business logic. Yours: msa-gen
 * wrote this file once and never overwrites it; when the model gains a command, a later run adds
 * its handler here, delegating to the generated default.
 */

import { certificateDefaults, type CertificateHandlers } from '../generated/handlers.ts';

export const certificateHandlers: CertificateHandlers = {
  /**
   * IssueInstantCertificate — triggered by POST /instant-issuances (actor: Citizen). Emits
   * GeneralCertificateIssued.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits GeneralCertificateIssued. It creates a
   * Certificate: ctx.key is the key the runtime assigned (or the caller gave).
   */
  IssueInstantCertificate: (command, ctx) =>
    certificateDefaults.IssueInstantCertificate(command, ctx),
};
