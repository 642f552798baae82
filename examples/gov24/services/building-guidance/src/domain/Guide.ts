/**
 * Command handlers of Guide (context building-guidance): the business logic. Yours: msa-gen
 * wrote this file once and never overwrites it; when the model gains a command, a later run adds
 * its handler here, delegating to the generated default.
 */

import { guideDefaults, type GuideHandlers } from '../generated/handlers.ts';

export const guideHandlers: GuideHandlers = {
  /**
   * CheckBuildingRequirements — triggered by POST /building/guides/requirements-checks; calls from
   * building-application. Emits no event.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits nothing. It creates a Guide: ctx.key is
   * the key the runtime assigned (or the caller gave).
   */
  CheckBuildingRequirements: (command, ctx) => guideDefaults.CheckBuildingRequirements(command, ctx),
  /**
   * PublishBuildingGuide — triggered by POST /building/guides (actor: Administrator). Emits
   * BuildingGuidePublished.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits BuildingGuidePublished.
   */
  PublishBuildingGuide: (command, ctx) => guideDefaults.PublishBuildingGuide(command, ctx),
};
