/**
 * Starter test of the tracking service: it runs in-process on PGlite (PostgreSQL in WebAssembly,
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

describe('tracking service', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'tracking' });
  });

  it('answers 404 for an unknown RenewalSummary', async () => {
    // A service identity: it may read every record.
    const authorization = `Bearer ${await devToken({ service: 'starter-test' })}`;
    const res = await fetch(`${running.url}/renewals/${randomUUID()}/status`, { headers: { authorization } });
    expect(res.status).toBe(404);
  });

  it('refuses a lookup without a token (401)', async () => {
    const res = await fetch(`${running.url}/renewals/${randomUUID()}/status`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
