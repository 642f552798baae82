/**
 * Command handlers of RegisterEntry (context car-linkage): the business logic. Yours: msa-gen
 * wrote this file once and never overwrites it; when the model gains a command, a later run adds
 * its handler here, delegating to the generated default.
 */

import { registerEntryDefaults, type RegisterEntryHandlers } from '../generated/handlers.ts';

export const registerEntryHandlers: RegisterEntryHandlers = {
  /**
   * ReportCarRegistration — triggered by policy ReportRegistrationWhenCertificateIssued (on
   * CarRegistrationCertificateIssued). Emits CarRegistrationReported.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits CarRegistrationReported. It creates a
   * RegisterEntry: ctx.key is the key the runtime assigned (or the caller gave).
   */
  ReportCarRegistration: (command, ctx) => registerEntryDefaults.ReportCarRegistration(command, ctx),
};
