/**
 * Command handlers of LicenseCard: your business logic. msa-gen wrote this file once and never
 * overwrites it; when the model gains a command, a later run adds its handler here, delegating
 * to the generated default. What triggers each command, what it may emit and what its default
 * does: LicenseCardHandlers in src/generated/handlers.ts, which follows the model.
 *
 * To give a command business rules, replace its delegation with a function (command, ctx) => …:
 * check the command against ctx.state; decide the new state and the events to emit, or call the
 * default and adjust its decision. How to refuse a command depends on what triggers it, as its
 * doc there says: over HTTP, throw a CommandError (from @dmv/runtime) for a 400; from an event
 * (a policy, a compensation), a throw is retried and then dead-lettered, so return the command's
 * failure event instead.
 */

import { licenseCardDefaults, type LicenseCardHandlers } from '../generated/handlers.ts';

/** A renewed license is valid for eight years from its issue. */
export function expiryOf(issued: Date): string {
  const d = new Date(issued);
  d.setUTCFullYear(d.getUTCFullYear() + 8);
  return d.toISOString().slice(0, 10);
}

export const licenseCardHandlers: LicenseCardHandlers = {
  IssueLicenseCard(command, ctx) {
    const issued = { ...command, expiresOn: expiryOf(ctx.now) };
    return licenseCardDefaults.IssueLicenseCard(issued, ctx);
  },
  DispatchLicenseCard(command, ctx) {
    // A card sent by mail gets the carrier's tracking number; an office pickup has none.
    const mailed = ctx.state?.deliveryMethod === 'Mail';
    const trackingNumber = mailed ? `9400${command.cardId.replace(/\D/g, '').padEnd(18, '0').slice(0, 18)}` : undefined;
    return licenseCardDefaults.DispatchLicenseCard({ ...command, ...(trackingNumber ? { trackingNumber } : {}) }, ctx);
  },
};
