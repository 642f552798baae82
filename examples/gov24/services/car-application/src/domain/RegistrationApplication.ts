/**
 * Command handlers of RegistrationApplication (context car-application): the business logic.
 * Yours: msa-gen wrote this file once and never overwrites it; when the model gains a command, a
 * later run adds its handler here, delegating to the generated default.
 */

import {
  registrationApplicationDefaults,
  type RegistrationApplicationHandlers,
} from '../generated/handlers.ts';

export const registrationApplicationHandlers: RegistrationApplicationHandlers = {
  /**
   * SubmitCarApplication — triggered by POST /car/applications (actor: Citizen). Emits
   * CarApplicationSubmitted.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits CarApplicationSubmitted. It creates a
   * RegistrationApplication: ctx.key is the key the runtime assigned (or the caller gave).
   */
  SubmitCarApplication: (command, ctx) =>
    registrationApplicationDefaults.SubmitCarApplication(command, ctx),
  /**
   * CancelCarApplication — triggered by policy CancelApplicationWhenRegistrationRefused (on
   * CarRegistrationRefused); compensation of SubmitCarApplication in saga CarRegistrationProcessing.
   * Emits CarApplicationCancelled.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits CarApplicationCancelled.
   */
  CancelCarApplication: (command, ctx) =>
    registrationApplicationDefaults.CancelCarApplication(command, ctx),
};
