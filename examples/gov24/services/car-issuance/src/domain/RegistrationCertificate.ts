/**
 * Command handlers of RegistrationCertificate (context car-issuance): the business logic. Yours:
 * msa-gen wrote this file once and never overwrites it; when the model gains a command, a later
 * run adds its handler here, delegating to the generated default.
 */

import {
  registrationCertificateDefaults,
  type RegistrationCertificateHandlers,
} from '../generated/handlers.ts';

export const registrationCertificateHandlers: RegistrationCertificateHandlers = {
  /**
   * IssueCarRegistrationCertificate — triggered by policy IssueCertificateWhenApplicationSubmitted
   * (on CarApplicationSubmitted). Emits CarRegistrationCertificateIssued, CarRegistrationRefused
   * (failure).
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits CarRegistrationCertificateIssued. It
   * creates a RegistrationCertificate: ctx.key is the key the runtime assigned (or the caller
   * gave).
   */
  IssueCarRegistrationCertificate: (command, ctx) =>
    registrationCertificateDefaults.IssueCarRegistrationCertificate(command, ctx),
};
