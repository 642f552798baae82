/**
 * Command handlers of Renewal: your business logic. msa-gen wrote this file once and never
 * overwrites it; when the model gains a command, a later run adds its handler here, delegating
 * to the generated default. What triggers each command, what it may emit and what its default
 * does: RenewalHandlers in src/generated/handlers.ts, which follows the model.
 *
 * To give a command business rules, replace its delegation with a function (command, ctx) => …:
 * check the command against ctx.state; decide the new state and the events to emit, or call the
 * default and adjust its decision. How to refuse a command depends on what triggers it, as its
 * doc there says: over HTTP, throw a CommandError (from @dmv/runtime) for a 400; from an event
 * (a policy, a compensation), a throw is retried and then dead-lettered, so return the command's
 * failure event instead.
 */

import { CommandError } from '@dmv/runtime';
import { renewalDefaults, type RenewalHandlers } from '../generated/handlers.ts';

/** The renewal fee in US dollars (one fee schedule for mail and office pickup). */
export const RENEWAL_FEE = 38;

export const renewalHandlers: RenewalHandlers = {
  SubmitRenewal(command, ctx) {
    if (command.deliveryMethod === 'OfficePickup' && !command.officeCode) {
      throw new CommandError('an office pickup needs the officeCode of a DMV office');
    }
    const submitted = { ...command, fee: RENEWAL_FEE, status: 'Submitted' };
    return renewalDefaults.SubmitRenewal(submitted, ctx);
  },
  // Compensation, the last one the orchestrator runs: the reason is the failed step's when it gave one.
  RejectRenewal(command, ctx) {
    const rejected = { ...command, rejectionReason: command.rejectionReason || 'the renewal could not be completed', status: 'Rejected' };
    return renewalDefaults.RejectRenewal(rejected, ctx);
  },
  CompleteRenewal(command, ctx) {
    const completed = { ...command, status: 'Completed' };
    return renewalDefaults.CompleteRenewal(completed, ctx);
  },
};
