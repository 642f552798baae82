/**
 * Scenario 2 — at-least-once delivery, idempotent consumers.
 *
 * The bus delivers EVERY record twice to every consumer group (MemoryBus { deliveries: 2 }), as a
 * Kafka consumer does after a rebalance or a crash before committing its offset. The inbox (keyed
 * by ce_source, ce_id and consumer group, written in the same transaction as the business change)
 * drops the second copy: one issuance, one notification, one linkage share per application.
 *
 * Then the same application is published AGAIN as a new event (a new ce_id, the same
 * applicationId), which the inbox cannot recognise: the business key (the policy's
 * idempotencyKey, applicationId, claimed under a unique constraint) drops it — "an application
 * already issued is not issued again".
 *
 * Finally the seed's own example of a duplicate REQUEST: the citizen's client retries the
 * submission of an application that is already completed (same applicationId, e.g. after a
 * timeout). "The system detects it and does not perform additional actions": no second
 * GeneralApplicationSubmitted, nothing issued or notified again, and the lookup still Completed.
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dataOf,
  eventsOf,
  generalApplication,
  getJson,
  metric,
  postJson,
  since,
  startScenario,
  type Scenario,
} from './support.ts';

let s: Scenario;
const fileStart = performance.now();
/** The measured figures, printed as one summary line when the file ends (pass or fail). */
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  s = await startScenario({ deliveries: 2 });
  figures['db'] = s.dbKind;
  figures['deliveries'] = 2;
});

afterAll(async () => {
  await s?.stop();
  figures['file'] = `${since(fileStart)}ms`;
  console.log(`scenario 2: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
});

const DUP = 'msa_consumer_duplicate_total';
const PROCESSED = 'msa_consumer_processed_total';
const issuanceGroup = { group: 'gov24.issuance.IssueDocumentWhenApplicationSubmitted' };
const citizenGroup = { group: 'gov24.citizen.NotifyCitizenWhenDocumentIssued' };
const linkageGroup = { group: 'gov24.linkage.ShareDocumentWhenIssued' };
const resultGroup = { group: 'gov24.result.ApplicationResult' };

describe('scenario 2: every message delivered twice', () => {
  it('issues, notifies and shares exactly once per application; the inbox and the business key drop the copies', async () => {
    const before = {
      issuance: metric(s.platform, 'issuance', DUP, issuanceGroup),
      citizen: metric(s.platform, 'citizen', DUP, citizenGroup),
      linkage: metric(s.platform, 'linkage', DUP, linkageGroup),
      result: metric(s.platform, 'result', DUP, resultGroup),
      issuanceProcessed: metric(s.platform, 'issuance', PROCESSED, issuanceGroup),
      citizenProcessed: metric(s.platform, 'citizen', PROCESSED, citizenGroup),
    };

    const body = generalApplication();
    const id = body.applicationId;
    const res = await postJson(`${s.url('application')}/applications/general`, body);
    expect(res.status).toBe(200);
    await s.settle();

    // Exactly one of each, although every consumer received every record twice.
    const submitted = eventsOf(s.bus, 'GeneralApplicationSubmitted', id);
    const issued = eventsOf(s.bus, 'GeneralDocumentIssued', id);
    const notified = eventsOf(s.bus, 'CitizenNotified', id);
    const shared = eventsOf(s.bus, 'IssuedDocumentShared', id);
    expect(submitted).toHaveLength(1);
    expect(issued).toHaveLength(1);
    expect(notified).toHaveLength(1);
    expect(shared).toHaveLength(1);

    // Each consumer processed its record once and suppressed the second delivery as a duplicate.
    const dup = {
      issuance: metric(s.platform, 'issuance', DUP, issuanceGroup) - before.issuance,
      citizen: metric(s.platform, 'citizen', DUP, citizenGroup) - before.citizen,
      linkage: metric(s.platform, 'linkage', DUP, linkageGroup) - before.linkage,
      result: metric(s.platform, 'result', DUP, resultGroup) - before.result,
    };
    expect(metric(s.platform, 'issuance', PROCESSED, issuanceGroup) - before.issuanceProcessed).toBe(1);
    expect(metric(s.platform, 'citizen', PROCESSED, citizenGroup) - before.citizenProcessed).toBe(1);
    expect(dup.issuance).toBe(1);
    expect(dup.citizen).toBe(1);
    expect(dup.linkage).toBe(1);
    // The lookup read three events of this flow (submitted, issued, notified), each twice.
    expect(dup.result).toBe(3);

    // The inbox holds one row per (event, group), not two.
    const inbox = await s.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM issuance.inbox WHERE event_id = $1 AND consumer_group = $2`,
      [submitted[0]!.headers['ce_id'], issuanceGroup.group],
    );
    expect(inbox.rows[0]!.n).toBe(1);

    const view = await getJson(`${s.url('result')}/application-results/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ applicationId: id, status: 'Completed', documentId: dataOf(issued[0]!)['documentId'] });

    // The same application published again as a NEW event (new ce_id, same applicationId): the
    // inbox does not know it, the business key applicationId does.
    const original = submitted[0]!;
    const beforeAgain = metric(s.platform, 'issuance', DUP, issuanceGroup);
    await s.bus.publish([
      { topic: original.topic, key: original.key, value: original.value, headers: { ...original.headers, ce_id: randomUUID() } },
    ]);
    await s.settle();
    const businessDup = metric(s.platform, 'issuance', DUP, issuanceGroup) - beforeAgain;
    expect(eventsOf(s.bus, 'GeneralApplicationSubmitted', id)).toHaveLength(2);
    expect(eventsOf(s.bus, 'GeneralDocumentIssued', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'CitizenNotified', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'IssuedDocumentShared', id)).toHaveLength(1);
    // Both deliveries of the re-published event are dropped by the business key.
    expect(businessDup).toBe(2);
    const keys = await s.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM issuance.processed_keys WHERE consumer_group = $1 AND business_key = $2`,
      [issuanceGroup.group, id],
    );
    expect(keys.rows[0]!.n).toBe(1);
    for (const name of ['issuance', 'citizen', 'linkage', 'result']) {
      expect(metric(s.platform, name, 'msa_dlq_records_total'), name).toBe(0);
    }

    Object.assign(figures, {
      issued: issued.length,
      notified: notified.length,
      shared: shared.length,
      dup_issuance: dup.issuance,
      dup_citizen: dup.citizen,
      dup_linkage: dup.linkage,
      dup_result: dup.result,
      republished_dropped_by_business_key: businessDup,
    });
  });

  it('a duplicate submission of a completed application performs no additional action', async () => {
    const body = generalApplication();
    const id = body.applicationId;
    expect((await postJson(`${s.url('application')}/applications/general`, body)).status).toBe(200);
    await s.settle();
    expect((await getJson(`${s.url('result')}/application-results/${id}`)).body).toMatchObject({ status: 'Completed' });

    // The client retries the same submission (same applicationId).
    const beforeAgain = metric(s.platform, 'issuance', DUP, issuanceGroup);
    const retry = await postJson<{ key: string; events: unknown[] }>(`${s.url('application')}/applications/general`, body);
    await s.settle();
    const view = await getJson(`${s.url('result')}/application-results/${id}`);
    const submittedAgain = eventsOf(s.bus, 'GeneralApplicationSubmitted', id).length - 1;
    Object.assign(figures, {
      resubmit_status: retry.status,
      resubmit_events: retry.body.events?.length ?? 0,
      resubmit_submitted_again: submittedAgain,
      resubmit_dropped_by_business_key: metric(s.platform, 'issuance', DUP, issuanceGroup) - beforeAgain,
      resubmit_lookup: String(view.body['status']),
    });

    // Answered — an idempotent 200 or a 409 "already submitted" — and nothing was issued or
    // notified twice ...
    expect([200, 409]).toContain(retry.status);
    expect(eventsOf(s.bus, 'GeneralDocumentIssued', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'CitizenNotified', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'IssuedDocumentShared', id)).toHaveLength(1);
    // ... and no additional action at all: no second submission event, and the citizen still
    // reads Completed (not "Received" again).
    expect(eventsOf(s.bus, 'GeneralApplicationSubmitted', id)).toHaveLength(1);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ applicationId: id, status: 'Completed', lastEvent: 'CitizenNotified' });
  });
});
