/**
 * Command handlers of BuildingPermit (context building-issuance): the business logic. Yours:
 * msa-gen wrote this file once and never overwrites it; when the model gains a command, a later
 * run adds its handler here, delegating to the generated default.
 */

import { buildingPermitDefaults, type BuildingPermitHandlers } from '../generated/handlers.ts';

export const buildingPermitHandlers: BuildingPermitHandlers = {
  /**
   * IssueBuildingPermit — triggered by policy IssuePermitWhenApplicationSubmitted (on
   * BuildingApplicationSubmitted). Emits BuildingPermitIssued, BuildingPermitRefused (failure).
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits BuildingPermitIssued. It creates a
   * BuildingPermit: ctx.key is the key the runtime assigned (or the caller gave).
   */
  IssueBuildingPermit: (command, ctx) => buildingPermitDefaults.IssueBuildingPermit(command, ctx),
};
