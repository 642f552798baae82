/**
 * Scenario 4 — the process dies between the commit of a step's decision and its send, and a new
 * process on the same database completes the saga, each step executed once.
 *
 * The platform runs in a child process (as `npm run dev` does) on a PGlite directory, or on a
 * fresh PostgreSQL database in the PostgreSQL pass. It runs with the runtime's test-only fault
 * MSA_FAULT=exit-after-saga-commit:CapturePayment: when the orchestrator has committed "send
 * CapturePayment" (step 4) with the saga's state, the process SIGKILLs itself before sending it.
 * Steps 1–3 are done; the charge is decided and not sent. A second process on the same database,
 * without the fault, resumes at start-up: the sweeper re-sends the pending step, and the saga
 * completes. Each step's command ran exactly once (command_keys), one charge and one card exist
 * (the outboxes, which outlive both processes).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  executions,
  get,
  outboxCount,
  post,
  renewalRequest,
  report,
  SAGA,
  sagaReaching,
  scrape,
  since,
  spawnPlatform,
  type PlatformProcess,
  type TestDatabase,
} from './support.ts';

const SERVICES = ['renewal', 'photo', 'address', 'payment', 'fulfillment', 'tracking'];

let database: TestDatabase;
const running: PlatformProcess[] = [];
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  figures['db'] = database.kind;
});

afterAll(async () => {
  for (const p of running) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await p.exited;
  }
  await database?.drop();
  report('dmv scenario 4 (crash between commit and send)', figures);
});

/** The saga's row, read straight from the database (no process of the platform running). */
async function sagaRow(id: string) {
  const db = await database.open();
  try {
    const r = await db.query<{ step: number; status: string; attempt: number; send_pending: boolean }>(
      `SELECT step, status, attempt, send_pending FROM renewal.saga_instances WHERE saga = $1 AND id = $2`,
      [SAGA, id],
    );
    return { row: r.rows[0], executed: await executions(db, id) };
  } finally {
    await db.close();
  }
}

describe('dmv scenario 4: crash between commit and send', () => {
  it('resumes in a new process on the same database and completes, each step executed once', async () => {
    const env = { ...database.env, MSA_DEV_PLACEHOLDERS: '0' };

    // 1. The first process dies right after committing "send CapturePayment".
    const first = await spawnPlatform({ ...env, MSA_FAULT: 'exit-after-saga-commit:CapturePayment' }, SERVICES);
    running.push(first);
    const submitted = await post<{ key: string }>(`${first.urls['renewal']}/renewals`, renewalRequest());
    expect(submitted.status).toBe(200);
    const id = submitted.body.key;
    const death = await first.exited;
    expect(death.signal).toBe('SIGKILL');

    // Committed, not sent: step 4 pending, steps 2 and 3 executed, CapturePayment not.
    const crashed = await sagaRow(id);
    expect(crashed.row).toEqual({ step: 3, status: 'running', attempt: 1, send_pending: true });
    expect(crashed.executed).toEqual({ ValidatePhoto: 1, VerifyAddress: 1 });

    // 2. A new process on the same database, without the fault.
    const restartedAt = performance.now();
    const second = await spawnPlatform(env, SERVICES);
    running.push(second);
    const readyMs = since(restartedAt);
    const saga = await sagaReaching(second.urls['renewal']!, id, ['completed', 'compensating', 'compensated', 'failed'], 60_000);
    const resumeMs = since(restartedAt);
    expect(saga.status, JSON.stringify(saga.history)).toBe('completed');
    expect(saga.step).toBe(5);
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
    // The resume was logged and counted. In one process the renewal service (the orchestrator)
    // starts first: its start-up resend finds payment not yet listening, which leaves the step
    // pending (unavailable is not a refusal), and the periodic sweep sends it again.
    expect(second.output()).toContain('saga resumed: sending a step again');
    const renewalMetrics = await scrape(second.urls['renewal']!);
    const resends = renewalMetrics['msa_saga_resends_total'] ?? 0;
    expect(resends).toBeGreaterThanOrEqual(1);
    expect(saga.attempt).toBe(1); // every send under the same key: <saga>/<id>/3/1
    let suppressed = 0;
    for (const name of SERVICES) {
      const m = await scrape(second.urls[name]!);
      suppressed += (m['msa_commands_suppressed_total'] ?? 0) + (m['msa_consumer_duplicate_total'] ?? 0);
    }
    // The renewal completes (the dispatch policy, then CompleteRenewal), in the new process.
    const status = await trackingStatus(id, second.urls['tracking']!);

    // 3. Stop it; count from the database what ran, over both processes.
    process.kill(second.pid, 'SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    const db = await database.open();
    try {
      expect(await executions(db, id)).toEqual({ ValidatePhoto: 1, VerifyAddress: 1, CapturePayment: 1, IssueLicenseCard: 1 });
      expect(await outboxCount(db, 'payment', 'PaymentCaptured', id)).toBe(1);
      expect(await outboxCount(db, 'fulfillment', 'LicenseCardIssued', id)).toBe(1);
      expect(await outboxCount(db, 'fulfillment', 'LicenseCardDispatched', id)).toBe(1);
      expect(await outboxCount(db, 'renewal', 'RenewalCompleted', id)).toBe(1);
      expect(await outboxCount(db, 'payment', 'PaymentRefunded', id)).toBe(0);
      const unpublished = await db.query<{ n: string | number }>(
        `SELECT (SELECT count(*) FROM payment.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM fulfillment.outbox WHERE published_at IS NULL) AS n`,
      );
      expect(Number(unpublished.rows[0]!.n)).toBe(0);
    } finally {
      await db.close();
    }

    Object.assign(figures, {
      crash: 'SIGKILL after commit of "send CapturePayment"',
      attempts: saga.history.filter((h) => h.what.startsWith('sent ')).length,
      sends_of_resumed_step: resends,
      restart_to_ready: `${readyMs}ms`,
      restart_to_completed: `${resumeMs}ms`,
      ready_to_completed: `${resumeMs - readyMs}ms`,
      charges: 1,
      cards_issued: 1,
      duplicates_suppressed: suppressed,
      lookup: status,
    });
  }, 600_000); // two platform start-ups in child processes (slow on a busy machine)
});

/** The tracking lookup's status once it shows the renewal completed. */
async function trackingStatus(id: string, trackingUrl: string): Promise<string> {
  const deadline = performance.now() + 20_000;
  for (;;) {
    const res = await get<{ status?: string }>(`${trackingUrl}/renewals/${id}/status`);
    if (res.status === 200 && res.body.status === 'Completed') return res.body.status;
    if (performance.now() > deadline) return res.status === 200 ? String(res.body.status) : `http ${res.status}`;
    await new Promise((r) => setTimeout(r, 50));
  }
}
