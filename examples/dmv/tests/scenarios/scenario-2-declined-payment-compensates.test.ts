/**
 * Scenario 2 — a rejected step compensates the completed steps in reverse order.
 *
 * The driver pays with the gateway's declining test card: CapturePayment (step 4) answers
 * PaymentDeclined, a `failure: true` outcome. The orchestrator stops there and runs the
 * compensations of steps 3, 2 and 1 in that order — RestorePreviousAddress, DiscardPhoto,
 * RejectRenewal — each once under its key `<saga>/<id>/<step>/compensate`. Nothing is refunded
 * (nothing was charged) and no card is issued.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compensationsOf,
  duplicatesSuppressed,
  eventsOf,
  executions,
  get,
  metric,
  post,
  renewalRequest,
  report,
  sagaReaching,
  since,
  startScenario,
  type Scenario,
} from './support.ts';

let s: Scenario;
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  s = await startScenario({ env: { MSA_DEV_PLACEHOLDERS: '0' } });
  figures['db'] = s.dbKind;
});

afterAll(async () => {
  await s?.stop();
  report('dmv scenario 2 (declined payment)', figures);
});

describe('dmv scenario 2: a rejected step compensates in reverse order', () => {
  it('compensates address, photo and renewal, in that order, once each', async () => {
    const started = performance.now();
    const submitted = await post<{ key: string }>(`${s.url('renewal')}/renewals`, renewalRequest({ cardToken: 'tok_chargeDeclined' }));
    expect(submitted.status).toBe(200);
    const id = submitted.body.key;

    const saga = await sagaReaching(s.url('renewal'), id, ['completed', 'compensated', 'failed']);
    const compensatedMs = since(started);
    await s.settle();
    expect(saga.status).toBe('compensated');
    expect(saga.step).toBe(4);
    expect(saga.history.slice(0, 7).map((h) => h.what)).toEqual([
      'RenewalSubmitted',
      'sent ValidatePhoto',
      'PhotoValidated',
      'sent VerifyAddress',
      'AddressVerified',
      'sent CapturePayment',
      'PaymentDeclined',
    ]);
    // Reverse order of the completed steps: 3, 2, 1.
    expect(compensationsOf(saga)).toEqual(['RestorePreviousAddress', 'DiscardPhoto', 'RejectRenewal']);
    expect(saga.history.filter((h) => h.what.startsWith('compensated by ')).map((h) => h.step)).toEqual([2, 1, 0]);

    // The events of the compensations were committed in that order too.
    const times = ['AddressRestored', 'PhotoDiscarded', 'RenewalRejected'].map((event) => {
      const records = eventsOf(s.bus, event, id);
      expect(records, event).toHaveLength(1);
      return Date.parse(String(records[0]!.headers['ce_time']));
    });
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Each step and each compensation ran once; nothing was refunded or issued.
    expect(await executions(s.db, id)).toEqual({
      ValidatePhoto: 1,
      VerifyAddress: 1,
      CapturePayment: 1,
      RestorePreviousAddress: 1,
      DiscardPhoto: 1,
      RejectRenewal: 1,
    });
    expect(eventsOf(s.bus, 'PaymentCaptured', id)).toHaveLength(0);
    expect(eventsOf(s.bus, 'PaymentRefunded', id)).toHaveLength(0);
    expect(eventsOf(s.bus, 'LicenseCardIssued', id)).toHaveLength(0);
    const [declined] = eventsOf(s.bus, 'PaymentDeclined', id);
    expect(JSON.parse(declined!.value)).toMatchObject({ renewalId: id, declineReason: 'card declined by the issuer' });
    expect(metric(s.platform, 'renewal', 'msa_compensations_total')).toBe(3);
    const declinedAt = Date.parse(String(declined!.headers['ce_time']));

    const status = await get(`${s.url('tracking')}/renewals/${id}/status`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ renewalId: id, status: 'Rejected' });

    Object.assign(figures, {
      failed_step: 'CapturePayment(4)',
      attempts: saga.history.filter((h) => h.what.startsWith('sent ')).length,
      compensations: compensationsOf(saga).join('>'),
      decline_to_last_compensation: `${times[2]! - declinedAt}ms`,
      submit_to_compensated: `${compensatedMs}ms`,
      duplicates_suppressed: duplicatesSuppressed(s.platform),
    });
  });
});
