/**
 * Command handlers of Payment: your business logic. msa-gen wrote this file once and never
 * overwrites it; when the model gains a command, a later run adds its handler here, delegating
 * to the generated default. What triggers each command, what it may emit and what its default
 * does: PaymentHandlers in src/generated/handlers.ts, which follows the model.
 *
 * To give a command business rules, replace its delegation with a function (command, ctx) => …:
 * check the command against ctx.state; decide the new state and the events to emit, or call the
 * default and adjust its decision. How to refuse a command depends on what triggers it, as its
 * doc there says: over HTTP, throw a CommandError (from @dmv/runtime) for a 400; from an event
 * (a policy, a compensation), a throw is retried and then dead-lettered, so return the command's
 * failure event instead.
 */

import { randomUUID } from 'node:crypto';
import { CommandError } from '@dmv/runtime';
import { paymentDefaults, type PaymentHandlers } from '../generated/handlers.ts';

/**
 * Stands in for PaymentGateway.CaptureCharge until the integration exists, with the gateway's
 * test tokens: `tok_chargeDeclined` is declined, any other token is charged.
 */
export function captureCharge(cardToken: string): { ok: true; reference: string } | { ok: false; reason: string } {
  if (cardToken === 'tok_chargeDeclined') return { ok: false, reason: 'card declined by the issuer' };
  return { ok: true, reference: `ch_${randomUUID().replace(/-/g, '').slice(0, 24)}` };
}

export const paymentHandlers: PaymentHandlers = {
  CapturePayment(command, ctx) {
    if (ctx.state !== undefined) return {}; // charged (or declined) already: never a second charge
    if (!(command.fee > 0)) throw new CommandError(`no fee to charge for renewal ${command.renewalId}`);
    const charge = captureCharge(command.cardToken);
    if (!charge.ok) {
      const declined = { paymentId: ctx.key, renewalId: command.renewalId, declineReason: charge.reason };
      return { state: { ...declined, fee: command.fee }, events: [{ event: 'PaymentDeclined', data: declined }] };
    }
    const captured = { ...command, gatewayReference: charge.reference };
    return paymentDefaults.CapturePayment(captured, ctx);
  },
  RefundPayment: paymentDefaults.RefundPayment,
};
