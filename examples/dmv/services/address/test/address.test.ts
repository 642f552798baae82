/**
 * Starter test of the address service: it runs in-process on PGlite (PostgreSQL in WebAssembly,
 * in memory) and the in-memory bus, on a free port. Yours: msa-gen wrote this file once and
 * never overwrites it; grow it with your business rules.
 */

import { randomUUID } from 'node:crypto';
import {
  createLogger,
  devToken,
  MemoryBus,
  openDatabase,
  startService,
  type Db,
  type RunningService,
} from '@dmv/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/generated/service.ts';

/**
 * A real bearer token (signed with AUTH_DEV_SECRET, set by vitest.config.ts) of a caller allowed to
 * run this service's commands: they have no actor, so only a service of the platform may (the
 * orchestrator sends them as saga steps).
 */
const authorization = async () => `Bearer ${await devToken({ service: 'starter-test', actors: service.actors })}`;

let db: Db;
let bus: MemoryBus;
let running: RunningService;

beforeAll(async () => {
  db = await openDatabase();
  bus = new MemoryBus();
  running = await startService(service, {
    env: {},
    db,
    bus,
    logger: createLogger({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await running?.stop();
  await bus?.close();
  await db?.close();
});

describe('address service', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'address' });
  });

  it('accepts VerifyAddress (POST /address-verifications/verify-address)', async () => {
    const body = {
      renewalId: '3f8e2b1c-6d4a-4e5f-9a7b-0c1d2e3f4a5b',
      mailingAddress: '1120 N Street,  Sacramento, CA 95814',
    };
    const res = await fetch(`${running.url}/address-verifications/verify-address`, {
      method: 'POST',
      headers: { authorization: await authorization(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { key: string; events: { type: string }[] };
    expect(reply.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/); // assigned by the runtime
    expect(reply.events.map((e) => e.type)).toEqual(['gov.dmv.renewal.AddressVerified.v1']);
  });

  it('holds an address the postal database cannot match for a clerk: nothing emitted yet', async () => {
    const body = { renewalId: '7a1c9e52-0b3d-4f6e-8a2b-5c4d3e2f1a0b', mailingAddress: 'General Delivery, Lone Pine, CA' };
    const res = await fetch(`${running.url}/address-verifications/verify-address`, {
      method: 'POST',
      headers: { authorization: await authorization(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { key: string; events: { type: string }[] };
    expect(reply.events).toEqual([]);
  });
});
