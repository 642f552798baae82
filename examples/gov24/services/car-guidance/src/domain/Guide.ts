/**
 * Command handlers of Guide (context car-guidance): the business logic. Yours: msa-gen wrote
 * this file once and never overwrites it; when the model gains a command, a later run adds its
 * handler here, delegating to the generated default.
 */

import { guideDefaults, type GuideHandlers } from '../generated/handlers.ts';

export const guideHandlers: GuideHandlers = {
  /**
   * CheckCarRequirements — triggered by POST /car/guides/requirements-checks; calls from
   * car-application. Emits no event.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits nothing. It creates a Guide: ctx.key is
   * the key the runtime assigned (or the caller gave).
   */
  CheckCarRequirements: (command, ctx) => guideDefaults.CheckCarRequirements(command, ctx),
  /**
   * PublishCarGuide — triggered by POST /car/guides (actor: Administrator). Emits CarGuidePublished.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits CarGuidePublished.
   */
  PublishCarGuide: (command, ctx) => guideDefaults.PublishCarGuide(command, ctx),
};
