/**
 * End-to-end starter test of the dmv platform: every service in this process (startPlatform),
 * sharing one PGlite database (a schema per service) and one in-memory bus, each on a free port,
 * their synchronous calls wired to each other. Yours: msa-gen wrote this file once and never
 * overwrites it.
 */

import { randomUUID } from 'node:crypto';
import { startPlatform } from '@dmv/platform';
import { createLogger, MemoryBus, openDatabase, type Db, type Platform } from '@dmv/runtime';
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

describe('dmv platform', () => {
  it('starts every service', async () => {
    for (const name of ['renewal', 'photo', 'address', 'payment', 'fulfillment', 'tracking']) {
      const res = await fetch(`${platform.service(name).url}/healthz`);
      expect(res.status, name).toBe(200);
    }
  });

  it('runs LicenseRenewal: SubmitRenewal → RenewalSubmitted', async () => {
    const body = {
      licenseNumber: 'example-licenseNumber',
      driverName: 'example-driverName',
      dateOfBirth: '2025-01-31',
      photoUrl: 'https://example.org/photoUrl',
      mailingAddress: 'example-mailingAddress',
      deliveryMethod: 'Mail',
      officeCode: 'example-officeCode',
      cardToken: 'example-cardToken',
    };
    const authorization = `Bearer ${await platform.token({ actor: 'Driver', sub: String(body.licenseNumber) })}`;
    const res = await fetch(`${platform.service('renewal').url}/renewals`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);

    // Let every consumer catch up and every outbox publish.
    await platform.settle();

    // Each step published its event once, carrying the flow's correlation id: the Renewal key the runtime assigned.
    const { key: correlationId } = (await res.json()) as { key: string };
    const recordsOf = (topic: string, type: string) =>
      bus.records(topic).filter((r) => r.headers['ce_correlationid'] === correlationId && r.headers['ce_type'] === type);
    for (const step of [
      {
        event: 'RenewalSubmitted',
        topic: 'RenewalSubmitted',
        type: 'gov.dmv.renewal.RenewalSubmitted.v1',
      },
    ]) {
      expect(recordsOf(step.topic, step.type), step.event).toHaveLength(1);
    }

    // The read model RenewalSummary (context tracking) shows the flow.
    const [record] = recordsOf('RenewalSubmitted', 'gov.dmv.renewal.RenewalSubmitted.v1');
    const viewKey = String((JSON.parse(record!.value) as Record<string, unknown>)['renewalId']);
    const reader = `Bearer ${await platform.token({ service: 'starter-test' })}`; // a service identity reads every record
    const view = await fetch(`${platform.service('tracking').url}/renewals/${encodeURIComponent(viewKey)}/status`, { headers: { authorization: reader } });
    expect(view.status).toBe(200);
    const found = (await view.json()) as Record<string, unknown>;
    expect(found['renewalId']).toBe(viewKey);
    expect([
      'Submitted',
      'PhotoApproved',
      'PhotoRejected',
      'AddressVerified',
      'AddressRejected',
      'Paid',
      'PaymentDeclined',
      'CardIssued',
      'CardIssuanceFailed',
      'CardDispatched',
      'Completed',
      'Refunded',
      'Cancelling',
      'Rejected',
    ]).toContain(found['status']);
  });
});
