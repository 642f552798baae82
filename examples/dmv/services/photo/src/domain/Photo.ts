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

/** The lowest similarity to the photo on file that validates a portrait. */
export const MATCH_THRESHOLD = 0.8;

/**
 * Stands in for FacialRecognitionService.CompareFaces until the integration exists: a portrait
 * whose file name says `mismatch` does not match the photo on file; any other matches.
 */
export function compareFaces(photoUrl: string): number {
  return /mismatch/i.test(new URL(photoUrl).pathname) ? 0.31 : 0.97;
}

export const photoHandlers: PhotoHandlers = {
  ValidatePhoto(command, ctx) {
    if (ctx.state !== undefined) return {}; // validated already: a repeated step changes nothing
    const matchScore = compareFaces(command.photoUrl);
    if (matchScore < MATCH_THRESHOLD) {
      const rejectionReason = `the portrait does not match the photo on file (similarity ${matchScore})`;
      return {
        state: { photoId: ctx.key, renewalId: command.renewalId, photoUrl: command.photoUrl, matchScore, rejectionReason },
        events: [{ event: 'PhotoRejected', data: { photoId: ctx.key, renewalId: command.renewalId, rejectionReason } }],
      };
    }
    const validated = { ...command, matchScore };
    return photoDefaults.ValidatePhoto(validated, ctx);
  },
  DiscardPhoto: photoDefaults.DiscardPhoto,
};
