/**
 * Scenario 1 — happy path of a general (organic / non-linked) complaint.
 *
 * The citizen submits over REST to `application` (which first checks the requirements in
 * `guidance`, synchronously), gets "received" at once, and the rest runs over events:
 * GeneralApplicationSubmitted → issuance → GeneralDocumentIssued → citizen → CitizenNotified, with
 * linkage sharing the issued document outside the saga. The CQRS lookup `result` shows the
 * status the model's status map gives the last step: Completed.
 */

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
  topicsOfFlow,
  type Scenario,
} from './support.ts';

let s: Scenario;
const fileStart = performance.now();
/** The measured figures, printed as one summary line when the file ends (pass or fail). */
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  s = await startScenario();
  figures['db'] = s.dbKind;
});

afterAll(async () => {
  await s?.stop();
  figures['file'] = `${since(fileStart)}ms`;
  console.log(`scenario 1: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
});

describe('scenario 1: happy path of a general complaint', () => {
  it('submits, issues, notifies once and shows Completed in the result lookup', async () => {
    const body = generalApplication();
    const id = body.applicationId;
    const guidanceChecks = metric(s.platform, 'guidance', 'msa_commands_total', { command: 'CheckRequirements' });

    const submitted = await postJson<{ key: string; events: { id: string; type: string }[] }>(
      `${s.url('application')}/applications/general`,
      body,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.key).toBe(id);
    expect(submitted.body.events.map((e) => e.type)).toEqual(['kr.go.gov24.GeneralApplicationSubmitted.v1']);
    // The general complaint checked its requirements in the shared guidance service, once.
    expect(metric(s.platform, 'guidance', 'msa_commands_total', { command: 'CheckRequirements' }) - guidanceChecks).toBe(1);

    const flowStart = performance.now();
    await s.settle();
    const flowMs = since(flowStart);

    // Every step published exactly once, in this flow (correlation id = the application id).
    const submittedRecs = eventsOf(s.bus, 'GeneralApplicationSubmitted', id);
    const issued = eventsOf(s.bus, 'GeneralDocumentIssued', id);
    const notified = eventsOf(s.bus, 'CitizenNotified', id);
    const shared = eventsOf(s.bus, 'IssuedDocumentShared', id);
    expect(submittedRecs).toHaveLength(1);
    expect(issued).toHaveLength(1);
    expect(notified).toHaveLength(1);
    expect(shared).toHaveLength(1);
    // Nothing failed, nothing was compensated.
    expect(eventsOf(s.bus, 'GeneralIssuanceFailed', id)).toHaveLength(0);
    expect(eventsOf(s.bus, 'ApplicationCancelled', id)).toHaveLength(0);
    expect(topicsOfFlow(s.bus, id)).toEqual(['CitizenNotified', 'GeneralApplicationSubmitted', 'GeneralDocumentIssued', 'IssuedDocumentShared']);

    // The envelope carries the seed's metadata: source service, stage, subject = aggregate key.
    const sub = submittedRecs[0]!;
    expect(sub.key).toBe(id);
    expect(sub.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_source: '/gov24/application',
      ce_subject: id,
      ce_correlationid: id,
    });
    expect(sub.headers['ce_processingstage']).toMatch(/GeneralApplicationSubmitted/);
    expect(dataOf(sub)).toMatchObject({ applicationId: id, citizenId: body.citizenId, complaintType: body.complaintType, attachmentUrl: body.attachmentUrl });
    const doc = dataOf(issued[0]!);
    expect(doc).toMatchObject({ applicationId: id, citizenId: body.citizenId, complaintType: body.complaintType });
    expect(issued[0]!.headers['ce_source']).toBe('/gov24/issuance');
    const note = dataOf(notified[0]!);
    expect(note).toMatchObject({ applicationId: id, documentId: doc['documentId'] });
    expect(notified[0]!.headers['ce_source']).toBe('/gov24/citizen');
    expect(dataOf(shared[0]!)).toMatchObject({ applicationId: id, documentId: doc['documentId'] });

    // The CQRS lookup shows the final status of the model's status map.
    const view = await getJson(`${s.url('result')}/application-results/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      applicationId: id,
      status: 'Completed',
      lastEvent: 'CitizenNotified',
      citizenId: body.citizenId,
      complaintType: body.complaintType,
      attachmentUrl: body.attachmentUrl,
      documentId: doc['documentId'],
      documentUrl: doc['documentUrl'],
      notificationId: note['notificationId'],
    });
    // An unknown application is a 404, not an empty 200.
    expect((await getJson(`${s.url('result')}/application-results/00000000-0000-4000-8000-000000000000`)).status).toBe(404);

    // No DLQ record anywhere.
    for (const name of ['issuance', 'citizen', 'linkage', 'result']) {
      expect(metric(s.platform, name, 'msa_dlq_records_total'), name).toBe(0);
    }

    Object.assign(figures, {
      submit: `${Math.round(submitted.ms)}ms`,
      flow: `${flowMs}ms`,
      submitted: submittedRecs.length,
      issued: issued.length,
      notified: notified.length,
      shared: shared.length,
      lookup: String(view.body['status']),
    });
  });
});
