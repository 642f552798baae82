/**
 * Starter test of the payment service: it runs in-process on PGlite (PostgreSQL in WebAssembly,
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

describe('payment service', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'payment' });
  });

  it('accepts CapturePayment (POST /payments/capture-payment)', async () => {
    const body = {
      renewalId: '3f8e2b1c-6d4a-4e5f-9a7b-0c1d2e3f4a5b',
      fee: 10,
      cardToken: 'example-cardToken',
    };
    const res = await fetch(`${running.url}/payments/capture-payment`, {
      method: 'POST',
      headers: { authorization: await authorization(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { key: string; events: { type: string }[] };
    expect(reply.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/); // assigned by the runtime
    expect(reply.events.map((e) => e.type)).toEqual(['gov.dmv.renewal.PaymentCaptured.v1']);
  });

  it("answers the gateway's declining test card with PaymentDeclined, and a second try charges nothing", async () => {
    const body = { renewalId: 'b2c4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f', fee: 38, cardToken: 'tok_chargeDeclined' };
    const send = async () =>
      fetch(`${running.url}/payments/capture-payment`, { method: 'POST', headers: { authorization: await authorization(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const res = await send();
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { key: string; events: { type: string; data: Record<string, unknown> }[] };
    expect(reply.events.map((e) => e.type)).toEqual(['gov.dmv.renewal.PaymentDeclined.v1']);
    const again = await fetch(`${running.url}/payments/capture-payment`, {
      method: 'POST',
      headers: { authorization: await authorization(), 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, paymentId: reply.key, cardToken: 'tok_visa' }),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { events: unknown[] }).events).toEqual([]);
  });
});
