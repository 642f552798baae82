/**
 * Scenario 3 — a silent step times out and compensates.
 *
 * The postal database has no match for an address without a ZIP code: VerifyAddress (step 3)
 * puts it in a clerk's review queue and emits nothing. The step's deadline is persisted with the
 * saga (`due_at`, here SAGA_STEP_TIMEOUT_MS=5000: above what a step takes on a
 * busy machine, so only the silent one times out); the orchestrator's sweeper finds it past due,
 * fails the saga and compensates steps 2 and 1 in reverse order: DiscardPhoto, RejectRenewal.
 * The payment is never captured.
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
  sagaOf,
  sagaReaching,
  startScenario,
  waitUntil,
  type Scenario,
} from './support.ts';

const STEP_TIMEOUT_MS = 5000;

let s: Scenario;
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  s = await startScenario({ env: { MSA_DEV_PLACEHOLDERS: '0', SAGA_STEP_TIMEOUT_MS: String(STEP_TIMEOUT_MS) } });
  figures['db'] = s.dbKind;
});

afterAll(async () => {
  await s?.stop();
  report('dmv scenario 3 (silent step)', figures);
});

describe('dmv scenario 3: a silent step times out and compensates', () => {
  it('fails VerifyAddress at its deadline and compensates photo and renewal, in that order', async () => {
    const submitted = await post<{ key: string }>(`${s.url('renewal')}/renewals`, renewalRequest({ mailingAddress: 'General Delivery, Lone Pine, CA' }));
    expect(submitted.status).toBe(200);
    const id = submitted.body.key;

    // Step 3 is sent and waits, its deadline persisted with the saga.
    const waiting = await waitUntil(
      'VerifyAddress to be sent',
      async () => {
        const saga = await sagaOf(s.url('renewal'), id);
        if (saga && saga.status !== 'running') throw new Error(`the saga ended before step 3 was sent: ${JSON.stringify(saga.history)}`);
        return saga?.command === 'VerifyAddress' && !saga.sendPending ? saga : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(waiting.status).toBe('running');
    expect(waiting.step).toBe(3);
    expect(waiting.dueAt).not.toBeNull();
    const dueAt = Date.parse(waiting.dueAt!);
    expect(dueAt - Date.parse(waiting.updatedAt)).toBeGreaterThanOrEqual(STEP_TIMEOUT_MS - 50);
    expect(await executions(s.db, id)).toMatchObject({ VerifyAddress: 1 });
    expect(eventsOf(s.bus, 'AddressVerified', id)).toHaveLength(0);

    const saga = await sagaReaching(s.url('renewal'), id, ['completed', 'compensated', 'failed']);
    const compensatedAt = Date.parse(saga.updatedAt);
    await s.settle();
    expect(saga.status).toBe('compensated');
    expect(saga.step).toBe(3);
    expect(saga.history.map((h) => h.what)).toEqual([
      'RenewalSubmitted',
      'sent ValidatePhoto',
      'PhotoValidated',
      'sent VerifyAddress',
      'timed out',
      'compensated by DiscardPhoto',
      'compensated by RejectRenewal',
    ]);
    expect(compensationsOf(saga)).toEqual(['DiscardPhoto', 'RejectRenewal']);
    // Not before the deadline.
    expect(compensatedAt).toBeGreaterThanOrEqual(dueAt);

    expect(await executions(s.db, id)).toEqual({ ValidatePhoto: 1, VerifyAddress: 1, DiscardPhoto: 1, RejectRenewal: 1 });
    expect(eventsOf(s.bus, 'PhotoDiscarded', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'RenewalRejected', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'AddressRestored', id)).toHaveLength(0); // step 3 never completed
    expect(eventsOf(s.bus, 'PaymentCaptured', id)).toHaveLength(0);
    expect(metric(s.platform, 'renewal', 'msa_saga_timeouts_total', { command: 'VerifyAddress' })).toBe(1);
    expect(metric(s.platform, 'renewal', 'msa_compensations_total')).toBe(2);

    const status = await get(`${s.url('tracking')}/renewals/${id}/status`);
    expect(status.body).toMatchObject({ renewalId: id, status: 'Rejected' });

    Object.assign(figures, {
      silent_step: 'VerifyAddress(3)',
      step_timeout: `${STEP_TIMEOUT_MS}ms`,
      attempts: saga.history.filter((h) => h.what.startsWith('sent ')).length,
      deadline_to_compensated: `${compensatedAt - dueAt}ms`,
      compensations: compensationsOf(saga).join('>'),
      timeouts: metric(s.platform, 'renewal', 'msa_saga_timeouts_total'),
      duplicates_suppressed: duplicatesSuppressed(s.platform),
    });
  });
});
