/**
 * Scenario 1 — the five-step LicenseRenewal orchestration runs to completion, every record
 * delivered twice.
 *
 * SubmitRenewal (renewal) → ValidatePhoto (photo) → VerifyAddress (address) → CapturePayment
 * (payment) → IssueLicenseCard (fulfillment), each step's command sent by the orchestrator in
 * `renewal` with its idempotency key `<saga>/<id>/<step>/<attempt>`. The bus delivers every record
 * twice: the orchestrator moves on once per outcome, each step's command runs once, one card is
 * issued and dispatched, and the renewal completes once.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
  s = await startScenario({ deliveries: 2, env: { MSA_DEV_PLACEHOLDERS: '0' } });
  figures['db'] = s.dbKind;
});

afterAll(async () => {
  await s?.stop();
  report('dmv scenario 1 (completes)', figures);
});

describe('dmv scenario 1: the five-step orchestration runs to completion', () => {
  it('runs each step once, in order, and completes the renewal once', async () => {
    const started = performance.now();
    const submitted = await post<{ key: string }>(`${s.url('renewal')}/renewals`, renewalRequest());
    expect(submitted.status).toBe(200);
    const id = submitted.body.key;

    const saga = await sagaReaching(s.url('renewal'), id, ['completed', 'compensating', 'compensated', 'failed']);
    const completedMs = since(started);
    await s.settle();
    expect(saga.status).toBe('completed');
    expect(saga.step).toBe(5);
    expect(saga.sendPending).toBe(false);
    expect(saga.dueAt).toBeNull();
    // Each step sent once (attempt 1) and answered once, in model order.
    expect(saga.history.map((h) => h.what)).toEqual([
      'RenewalSubmitted',
      'sent ValidatePhoto',
      'PhotoValidated',
      'sent VerifyAddress',
      'AddressVerified',
      'sent CapturePayment',
      'PaymentCaptured',
      'sent IssueLicenseCard',
      'LicenseCardIssued',
    ]);

    // Every step's command ran exactly once under its key; no compensation ran.
    expect(await executions(s.db, id)).toEqual({ ValidatePhoto: 1, VerifyAddress: 1, CapturePayment: 1, IssueLicenseCard: 1 });
    for (const event of ['RenewalSubmitted', 'PhotoValidated', 'AddressVerified', 'PaymentCaptured', 'LicenseCardIssued', 'LicenseCardDispatched', 'RenewalCompleted']) {
      expect(eventsOf(s.bus, event, id), event).toHaveLength(1);
    }
    for (const event of ['PhotoDiscarded', 'AddressRestored', 'PaymentRefunded', 'RenewalRejected']) {
      expect(eventsOf(s.bus, event, id), event).toHaveLength(0);
    }
    // Every record was delivered twice: the second deliveries were dropped, not acted on.
    const duplicates = duplicatesSuppressed(s.platform);
    expect(duplicates).toBeGreaterThanOrEqual(7);

    // The fee the renewal set is the fee charged, to the driver's card.
    const [captured] = eventsOf(s.bus, 'PaymentCaptured', id);
    expect(JSON.parse(captured!.value)).toMatchObject({ renewalId: id, fee: 38 });
    expect(metric(s.platform, 'renewal', 'msa_compensations_total')).toBe(0);

    const status = await get(`${s.url('tracking')}/renewals/${id}/status`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ renewalId: id, status: 'Completed' });
    // The lookup above went as the driver who submitted it (support.ts): their own record, without
    // personal data. A clerk sees it with personal data; another driver gets 404, as for a renewal
    // that does not exist; no token gets 401; the saga's state is for operators only.
    expect(status.body).not.toHaveProperty('driverName');
    const asClerk = await get(`${s.url('tracking')}/renewals/${id}/status`, { actor: 'Clerk', sub: 'dmv-clerk' });
    expect(asClerk.status).toBe(200);
    expect(asClerk.body).toMatchObject({ renewalId: id, driverName: 'Jordan Rivera' });
    expect((await get(`${s.url('tracking')}/renewals/${id}/status`, { actor: 'Driver', sub: 'D-SOMEONE-ELSE' })).status).toBe(404);
    expect((await get(`${s.url('tracking')}/renewals/${id}/status`, 'anonymous')).status).toBe(401);
    expect((await get(`${s.url('renewal')}/admin/sagas/LicenseRenewal/${id}`, { actor: 'Clerk', sub: 'dmv-clerk' })).status).toBe(403);
    // A step's command is internal: a driver cannot charge a card by calling the payment service.
    expect((await post(`${s.url('payment')}/payments/capture-payment`, { renewalId: id, fee: 1, cardToken: 'tok_visa' }, { actor: 'Driver', sub: 'D-SOMEONE-ELSE' })).status).toBe(403);

    Object.assign(figures, {
      steps: 5,
      attempts: saga.history.filter((h) => h.what.startsWith('sent ')).length,
      submit_to_completed: `${completedMs}ms`,
      duplicates_suppressed: duplicates,
      cards_issued: eventsOf(s.bus, 'LicenseCardIssued', id).length,
      charges: eventsOf(s.bus, 'PaymentCaptured', id).length,
    });
  });
});
