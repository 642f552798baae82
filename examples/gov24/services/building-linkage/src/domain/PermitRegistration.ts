/**
 * Command handlers of PermitRegistration (context building-linkage): the business logic. Yours:
 * msa-gen wrote this file once and never overwrites it; when the model gains a command, a later
 * run adds its handler here, delegating to the generated default.
 */

import {
  permitRegistrationDefaults,
  type PermitRegistrationHandlers,
} from '../generated/handlers.ts';

export const permitRegistrationHandlers: PermitRegistrationHandlers = {
  /**
   * RegisterBuildingPermit — triggered by policy RegisterPermitWhenIssued (on BuildingPermitIssued).
   * Emits BuildingPermitRegistered.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits BuildingPermitRegistered. It creates a
   * PermitRegistration: ctx.key is the key the runtime assigned (or the caller gave).
   */
  RegisterBuildingPermit: (command, ctx) =>
    permitRegistrationDefaults.RegisterBuildingPermit(command, ctx),
};
