/**
 * End-to-end starter test of the gov24 platform: every service in this process (startPlatform),
 * sharing one PGlite database (a schema per service) and one in-memory bus, each on a free port,
 * their synchronous calls wired to each other. Yours: msa-gen wrote this file once and never
 * overwrites it.
 */

import { randomUUID } from 'node:crypto';
import { startPlatform } from '@gov24/platform';
import { createLogger, MemoryBus, openDatabase, type Db, type Platform } from '@gov24/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: Db;
let bus: MemoryBus;
let platform: Platform;

beforeAll(async () => {
  db = await openDatabase();
  bus = new MemoryBus();
  platform = await startPlatform({ db, bus, logger: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  await platform?.stop();
  await bus?.close();
  await db?.close();
});

describe('gov24 platform', () => {
  it('starts every service', async () => {
    for (const name of [
      'guidance',
      'instant-issuance',
      'application',
      'issuance',
      'citizen',
      'result',
      'linkage',
      'building-guidance',
      'building-application',
      'building-issuance',
      'building-linkage',
      'car-guidance',
      'car-application',
      'car-issuance',
      'car-linkage',
    ]) {
      const res = await fetch(`${platform.service(name).url}/healthz`);
      expect(res.status, name).toBe(200);
    }
  });

  it('runs GeneralComplaintProcessing: SubmitGeneralApplication → GeneralApplicationSubmitted → GeneralDocumentIssued → CitizenNotified', async () => {
    const body = {
      citizenId: 'example-citizenId',
      complaintType: 'example-complaintType',
      attachmentUrl: 'https://example.org/attachmentUrl',
    };
    const authorization = `Bearer ${await platform.token({ actor: 'Citizen', sub: String(body.citizenId) })}`;
    const res = await fetch(`${platform.service('application').url}/applications/general`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);

    // Let every consumer catch up and every outbox publish.
    await platform.settle();

    // Each step published its event once, carrying the flow's correlation id: the Application key the runtime assigned.
    const { key: correlationId } = (await res.json()) as { key: string };
    const recordsOf = (topic: string, type: string) =>
      bus.records(topic).filter((r) => r.headers['ce_correlationid'] === correlationId && r.headers['ce_type'] === type);
    for (const step of [
      {
        event: 'GeneralApplicationSubmitted',
        topic: 'GeneralApplicationSubmitted',
        type: 'kr.go.gov24.GeneralApplicationSubmitted.v1',
      },
      {
        event: 'GeneralDocumentIssued',
        topic: 'GeneralDocumentIssued',
        type: 'kr.go.gov24.GeneralDocumentIssued.v1',
      },
      { event: 'CitizenNotified', topic: 'CitizenNotified', type: 'kr.go.gov24.CitizenNotified.v1' },
    ]) {
      expect(recordsOf(step.topic, step.type), step.event).toHaveLength(1);
    }

    // The read model ApplicationResult (context result) shows the flow.
    const [record] = recordsOf('GeneralApplicationSubmitted', 'kr.go.gov24.GeneralApplicationSubmitted.v1');
    const viewKey = String((JSON.parse(record!.value) as Record<string, unknown>)['applicationId']);
    const reader = `Bearer ${await platform.token({ service: 'starter-test' })}`; // a service identity reads every record
    const view = await fetch(`${platform.service('result').url}/application-results/${encodeURIComponent(viewKey)}`, { headers: { authorization: reader } });
    expect(view.status).toBe(200);
    const found = (await view.json()) as Record<string, unknown>;
    expect(found['applicationId']).toBe(viewKey);
    expect(['Received', 'Issued', 'Completed', 'Revoked', 'Cancelled']).toContain(found['status']);
  });
});
