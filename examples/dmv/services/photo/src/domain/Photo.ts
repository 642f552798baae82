/**
 * Command handlers of Photo: your business logic. msa-gen wrote this file once and never
 * overwrites it; when the model gains a command, a later run adds its handler here, delegating
 * to the generated default. What triggers each command, what it may emit and what its default
 * does: PhotoHandlers in src/generated/handlers.ts, which follows the model.
 *
 * To give a command business rules, replace its delegation with a function (command, ctx) => …:
 * check the command against ctx.state; decide the new state and the events to emit, or call the
 * default and adjust its decision. How to refuse a command depends on what triggers it, as its
 * doc there says: over HTTP, throw a CommandError (from @dmv/runtime) for a 400; from an event
 * (a policy, a compensation), a throw is retried and then dead-lettered, so return the command's
 * failure event instead.
 */

import { photoDefaults, type PhotoHandlers } from '../generated/handlers.ts';

export const photoHandlers: PhotoHandlers = {
  ValidatePhoto: photoDefaults.ValidatePhoto,
  DiscardPhoto: photoDefaults.DiscardPhoto,
};
