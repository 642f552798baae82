/**
 * Scenario 3 — retry, then a per-event DLQ, then the saga's compensation or an operator's replay.
 *
 * Issuance fails for one application (fault injected into IssueGeneralDocument). The consumer
 * runner tries maxAttempts = 4 times (the model's platform.kafka.retry: first try + 3 retries,
 * exponential backoff 500 → 1000 → 2000 ms), then sends the record to
 * GeneralApplicationSubmitted.DLQ with the headers an operator needs, and moves on. The
 * GeneralComplaintProcessing saga (choreography) schedules the compensation of the step before
 * (CancelApplication) after a grace period (SAGA_COMPENSATION_DELAY_MS): the application is
 * cancelled, and the citizen's lookup says so.
 *
 * A second application fails the same way, but the operator fixes the cause and replays the DLQ
 * record (issuance's admin route) within the grace period: the application completes, its
 * compensation is cancelled, the record is marked replayed. A record already compensated cannot
 * be replayed (409): the saga and the operator never both act on one failure.
 */

import type { CommandHandler } from '@gov24/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dlqRecordsOf,
  eventsOf,
  generalApplication,
  getJson,
  metric,
  postJson,
  since,
  sleep,
  startScenario,
  waitUntil,
  type Scenario,
} from './support.ts';

const GRACE_MS = 1500;
const MAX_ATTEMPTS = 4; // platform.kafka.retry.maxAttempts in the model
const ISSUANCE_GROUP = 'gov24.issuance.IssueDocumentWhenApplicationSubmitted';
const DLQ_TOPIC = 'GeneralApplicationSubmitted.DLQ';
const SAGA = { saga: 'GeneralComplaintProcessing', command: 'CancelApplication' };

/** The failure the issuance system reports (its name becomes dlq-exception-type). */
class DocumentPrintingUnavailable extends Error {
  override readonly name = 'DocumentPrintingUnavailable';
}

interface DlqEntry {
  recordId: string;
  dlqTopic: string;
  originalTopic: string;
  consumerGroup: string;
  key: string;
  exceptionType: string;
  exceptionMessage: string;
  attempts: number;
  status: string;
}

let s: Scenario;
const fileStart = performance.now();
const figures: Record<string, string | number> = {};
/** Applications whose issuance throws, and how often IssueGeneralDocument ran for each. */
const failing = new Set<string>();
const calls = new Map<string, number>();
let restore: () => void = () => undefined;

beforeAll(async () => {
  s = await startScenario({ env: { SAGA_COMPENSATION_DELAY_MS: String(GRACE_MS) } });
  figures['db'] = s.dbKind;
  restore = s.platform.service('issuance').runtime.overrideHandler('IssueGeneralDocument', (original: CommandHandler): CommandHandler => (cmd, ctx) => {
    const applicationId = String(cmd['applicationId']);
    calls.set(applicationId, (calls.get(applicationId) ?? 0) + 1);
    if (failing.has(applicationId)) {
      throw new DocumentPrintingUnavailable(`document printing system unavailable for application ${applicationId}`);
    }
    return original(cmd, ctx);
  });
});

afterAll(async () => {
  restore();
  await s?.stop();
  figures['file'] = `${since(fileStart)}ms`;
  console.log(`scenario 3: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
});

const dlqIndex = async () => {
  const res = await getJson<DlqEntry[]>(`${s.url('issuance')}/admin/dlq`);
  expect(res.status).toBe(200);
  return res.body;
};

const scheduleOf = async (recordId: string) => {
  const r = await s.db.query<{ status: string; grace_ms: number; ran_after_due: boolean }>(
    `SELECT status, (extract(epoch FROM due_at - updated_at) * 1000)::int AS grace_ms, updated_at >= due_at AS ran_after_due
     FROM application.saga_compensations WHERE record_id = $1`,
    [recordId],
  );
  return r.rows;
};

const submit = async (body: ReturnType<typeof generalApplication>) => {
  const res = await postJson(`${s.url('application')}/applications/general`, body);
  expect(res.status).toBe(200);
};

describe('scenario 3: issuance fails → retries → DLQ → compensation, or replay within the grace period', () => {
  let firstRecordId = '';

  it('dead-letters after exactly maxAttempts and the saga cancels the application after the grace period', async () => {
    const body = generalApplication();
    const id = body.applicationId;
    failing.add(id);
    const attemptsBefore = metric(s.platform, 'issuance', 'msa_consumer_attempts_total', { group: ISSUANCE_GROUP });
    const dlqBefore = metric(s.platform, 'issuance', 'msa_dlq_records_total', { group: ISSUANCE_GROUP });

    const t0 = performance.now();
    await submit(body);
    const dlq = await waitUntil('the DLQ record', () => dlqRecordsOf(s.bus, DLQ_TOPIC, id)[0], { timeoutMs: 15_000 });
    const toDlqMs = since(t0);
    const dlqSeen = performance.now();

    // Exactly maxAttempts attempts, then exactly one DLQ record.
    expect(calls.get(id)).toBe(MAX_ATTEMPTS);
    expect(metric(s.platform, 'issuance', 'msa_consumer_attempts_total', { group: ISSUANCE_GROUP }) - attemptsBefore).toBe(MAX_ATTEMPTS);
    expect(metric(s.platform, 'issuance', 'msa_dlq_records_total', { group: ISSUANCE_GROUP }) - dlqBefore).toBe(1);
    expect(dlqRecordsOf(s.bus, DLQ_TOPIC, id)).toHaveLength(1);
    // Backoff 500 + 1000 + 2000 ms between the four attempts.
    expect(toDlqMs).toBeGreaterThanOrEqual(3500);

    // The DLQ record: the original record, where it came from, why it failed.
    const [original] = eventsOf(s.bus, 'GeneralApplicationSubmitted', id);
    expect(original).toBeDefined();
    expect(dlq.key).toBe(original!.key);
    expect(dlq.value).toBe(original!.value);
    expect(dlq.headers).toMatchObject({
      'dlq-original-topic': 'GeneralApplicationSubmitted',
      'dlq-original-partition': String(original!.partition),
      'dlq-original-offset': original!.offset,
      'dlq-consumer-group': ISSUANCE_GROUP,
      'dlq-exception-type': 'DocumentPrintingUnavailable',
      'dlq-exception-message': `document printing system unavailable for application ${id}`,
      'dlq-attempts': String(MAX_ATTEMPTS),
    });
    const ceHeaders = Object.keys(original!.headers).filter((h) => h.startsWith('ce_'));
    expect(ceHeaders.sort()).toEqual(
      ['ce_correlationid', 'ce_id', 'ce_processingstage', 'ce_source', 'ce_specversion', 'ce_subject', 'ce_time', 'ce_type'],
    );
    for (const h of ceHeaders) expect(dlq.headers[h], h).toBe(original!.headers[h]);
    const recordId = dlq.headers['dlq-record-id']!;
    firstRecordId = recordId;

    // The reprocessor's index in issuance lists it as pending.
    const entry = (await dlqIndex()).find((e) => e.recordId === recordId);
    expect(entry).toMatchObject({
      dlqTopic: DLQ_TOPIC,
      originalTopic: 'GeneralApplicationSubmitted',
      consumerGroup: ISSUANCE_GROUP,
      key: id,
      exceptionType: 'DocumentPrintingUnavailable',
      attempts: MAX_ATTEMPTS,
      status: 'pending',
    });

    // The compensation is scheduled with the grace period, and only runs after it.
    const scheduled = await waitUntil('the compensation to be scheduled', async () => (await scheduleOf(recordId))[0]);
    expect(scheduled.grace_ms).toBe(GRACE_MS);
    expect(eventsOf(s.bus, 'GeneralDocumentIssued', id)).toHaveLength(0);

    const cancelled = await waitUntil('ApplicationCancelled', () => eventsOf(s.bus, 'ApplicationCancelled', id)[0], { timeoutMs: 10_000 });
    const compensateMs = since(dlqSeen);
    await s.settle();
    expect(cancelled.headers['ce_correlationid']).toBe(id);
    expect(eventsOf(s.bus, 'ApplicationCancelled', id)).toHaveLength(1);
    expect(metric(s.platform, 'application', 'msa_compensations_total', SAGA)).toBe(1);
    const [done] = await scheduleOf(recordId);
    expect(done).toMatchObject({ status: 'done', ran_after_due: true });

    // The citizen reads Cancelled; the operator's index says compensated.
    const view = await getJson(`${s.url('result')}/application-results/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ applicationId: id, status: 'Cancelled', lastEvent: 'ApplicationCancelled' });
    const compensatedEntry = await waitUntil('the DLQ record to be marked compensated', async () =>
      (await dlqIndex()).find((e) => e.recordId === recordId && e.status === 'compensated'),
    );
    expect(compensatedEntry.attempts).toBe(MAX_ATTEMPTS);
    // Nothing was issued or notified for it.
    expect(eventsOf(s.bus, 'GeneralDocumentIssued', id)).toHaveLength(0);
    expect(eventsOf(s.bus, 'CitizenNotified', id)).toHaveLength(0);

    Object.assign(figures, {
      attempts: calls.get(id)!,
      dlq: dlqRecordsOf(s.bus, DLQ_TOPIC, id).length,
      to_dlq: `${toDlqMs}ms`,
      grace: `${GRACE_MS}ms`,
      dlq_to_cancel: `${compensateMs}ms`,
      compensated: metric(s.platform, 'application', 'msa_compensations_total', SAGA),
      lookup: String(view.body['status']),
    });
  });

  it('a record replayed within the grace period completes its application and cancels the compensation', async () => {
    const body = generalApplication();
    const id = body.applicationId;
    failing.add(id);
    await submit(body);

    // The operator finds the record in issuance's DLQ index ...
    const entry = await waitUntil(
      'the second DLQ record in the index',
      async () => (await dlqIndex()).find((e) => e.key === id && e.status === 'pending'),
      { timeoutMs: 15_000, intervalMs: 10 },
    );
    const seen = performance.now();
    expect(calls.get(id)).toBe(MAX_ATTEMPTS);
    expect(entry).toMatchObject({ consumerGroup: ISSUANCE_GROUP, attempts: MAX_ATTEMPTS, exceptionType: 'DocumentPrintingUnavailable' });

    // ... fixes the cause and replays it, well within the grace period.
    failing.delete(id);
    const replay = await postJson(`${s.url('issuance')}/admin/dlq/${entry.recordId}/replay`);
    const replayMs = since(seen);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ outcome: 'processed', attempts: 1 });
    expect(replayMs).toBeLessThan(GRACE_MS);
    expect(calls.get(id)).toBe(MAX_ATTEMPTS + 1);

    await s.settle();
    const [schedule] = await waitUntil('the compensation to be cancelled', async () => {
      const rows = await scheduleOf(entry.recordId);
      return rows[0]?.status === 'cancelled' ? rows : undefined;
    });
    expect(schedule).toMatchObject({ status: 'cancelled' });

    // Past the grace period: still no compensation for it.
    await sleep(GRACE_MS + 500);
    await s.settle();
    expect(eventsOf(s.bus, 'ApplicationCancelled', id)).toHaveLength(0);
    expect(metric(s.platform, 'application', 'msa_compensations_total', SAGA)).toBe(1);
    expect(await scheduleOf(entry.recordId)).toEqual([expect.objectContaining({ status: 'cancelled' })]);

    // The application completed: issued once, notified once, Completed in the lookup.
    expect(eventsOf(s.bus, 'GeneralDocumentIssued', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'CitizenNotified', id)).toHaveLength(1);
    expect(dlqRecordsOf(s.bus, DLQ_TOPIC, id)).toHaveLength(1);
    const view = await getJson(`${s.url('result')}/application-results/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ applicationId: id, status: 'Completed', lastEvent: 'CitizenNotified' });
    const index = await dlqIndex();
    expect(index.find((e) => e.recordId === entry.recordId)?.status).toBe('replayed');

    // A replayed record is not replayed twice; a compensated one is refused as well.
    const again = await postJson(`${s.url('issuance')}/admin/dlq/${entry.recordId}/replay`);
    expect(again.status).toBe(409);
    const refused = await postJson(`${s.url('issuance')}/admin/dlq/${firstRecordId}/replay`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'command-rejected' });
    expect(String(refused.body['message'])).toMatch(/compensated/);
    expect(calls.get(id)).toBe(MAX_ATTEMPTS + 1);
    // The index: one compensated, one replayed, nothing pending.
    expect(index.map((e) => e.status).sort()).toEqual(['compensated', 'replayed']);

    Object.assign(figures, {
      attempts2: MAX_ATTEMPTS,
      replay_after: `${replayMs}ms`,
      replay_outcome: String(replay.body['outcome']),
      replayed: index.filter((e) => e.status === 'replayed').length,
      compensation2: schedule!.status,
      lookup2: String(view.body['status']),
      replay_compensated: refused.status,
      replay_replayed: again.status,
    });
  });
});
