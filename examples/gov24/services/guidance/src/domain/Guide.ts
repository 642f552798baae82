/**
 * Command handlers of Guide (context guidance): the business logic. Yours: msa-gen wrote this
 * file once and never overwrites it; when the model gains a command, a later run adds its
 * handler here, delegating to the generated default.
 */

import { guideDefaults, type GuideHandlers } from '../generated/handlers.ts';

export const guideHandlers: GuideHandlers = {
  /**
   * CheckRequirements — triggered by POST /guides/requirements-checks; calls from application. Emits
   * no event.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits nothing. It creates a Guide: ctx.key is
   * the key the runtime assigned (or the caller gave).
   */
  CheckRequirements: (command, ctx) => guideDefaults.CheckRequirements(command, ctx),
  /**
   * PublishGuide — triggered by POST /guides (actor: Administrator). Emits GuidePublished.
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits GuidePublished.
   */
  PublishGuide: (command, ctx) => guideDefaults.PublishGuide(command, ctx),
};
