/**
 * Command handlers of AddressVerification: your business logic. msa-gen wrote this file once and
 * never overwrites it; when the model gains a command, a later run adds its handler here,
 * delegating to the generated default. What triggers each command, what it may emit and what its
 * default does: AddressVerificationHandlers in src/generated/handlers.ts, which follows the
 * model.
 *
 * To give a command business rules, replace its delegation with a function (command, ctx) => …:
 * check the command against ctx.state; decide the new state and the events to emit, or call the
 * default and adjust its decision. How to refuse a command depends on what triggers it, as its
 * doc there says: over HTTP, throw a CommandError (from @dmv/runtime) for a 400; from an event
 * (a policy, a compensation), a throw is retried and then dead-lettered, so return the command's
 * failure event instead.
 */

import { addressVerificationDefaults, type AddressVerificationHandlers } from '../generated/handlers.ts';

/**
 * Stands in for PostalAddressDatabase.ValidateMailingAddress until the integration exists: an
 * address with a five-digit ZIP code is matched and standardized (upper case, single spaces); one
 * without has no match.
 */
export function standardize(mailingAddress: string): string | undefined {
  if (!/\b\d{5}(-\d{4})?\b/.test(mailingAddress)) return undefined;
  return mailingAddress.trim().replace(/\s+/g, ' ').toUpperCase();
}

export const addressVerificationHandlers: AddressVerificationHandlers = {
  VerifyAddress(command, ctx) {
    if (ctx.state !== undefined) return {}; // verified already: a repeated step changes nothing
    const standardizedAddress = standardize(command.mailingAddress);
    if (standardizedAddress === undefined) {
      // No match in the postal database: a clerk reviews the address by hand, and the outcome
      // comes when they decide. Nothing is emitted now; the saga's step deadline bounds the wait.
      return { state: { verificationId: ctx.key, renewalId: command.renewalId, mailingAddress: command.mailingAddress } };
    }
    const verified = { ...command, standardizedAddress };
    return addressVerificationDefaults.VerifyAddress(verified, ctx);
  },
  RestorePreviousAddress: addressVerificationDefaults.RestorePreviousAddress,
};
