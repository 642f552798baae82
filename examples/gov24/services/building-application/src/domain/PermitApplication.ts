/**
 * Command handlers of PermitApplication (context building-application): the business logic.
 * Yours: msa-gen wrote this file once and never overwrites it; when the model gains a command, a
 * later run adds its handler here, delegating to the generated default.
 */

import {
  permitApplicationDefaults,
  type PermitApplicationHandlers,
} from '../generated/handlers.ts';

export const permitApplicationHandlers: PermitApplicationHandlers = {
  /**
   * SubmitBuildingApplication — triggered by POST /building/applications (actor: Citizen). Emits
   * BuildingApplicationSubmitted.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits BuildingApplicationSubmitted. It creates a
   * PermitApplication: ctx.key is the key the runtime assigned (or the caller gave).
   */
  SubmitBuildingApplication: (command, ctx) =>
    permitApplicationDefaults.SubmitBuildingApplication(command, ctx),
  /**
   * CancelBuildingApplication — triggered by policy CancelApplicationWhenPermitRefused (on
   * BuildingPermitRefused); compensation of SubmitBuildingApplication in saga
   * BuildingPermitProcessing. Emits BuildingApplicationCancelled.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits BuildingApplicationCancelled.
   */
  CancelBuildingApplication: (command, ctx) =>
    permitApplicationDefaults.CancelBuildingApplication(command, ctx),
};
