/**
 * Starter test of the renewal service: it runs in-process on PGlite (PostgreSQL in WebAssembly,
 * in memory) and the in-memory bus, on a free port, with a stand-in for each service it calls.
 * Yours: msa-gen wrote this file once and never overwrites it; grow it with your business rules.
 */

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
/** Requests the stand-in for the called services received. */
const received: Array<{ method: string; url: string; body: unknown }> = [];
let stub: Server;

beforeAll(async () => {
  stub = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ key: 'stub', state: null, events: [] }));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  db = await openDatabase();
  bus = new MemoryBus();
  running = await startService(service, {
    env: {},
    db,
    bus,
    logger: createLogger({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
    urls: Object.fromEntries(service.calls.map((call) => [call.service, stubUrl])),
  });
});

afterAll(async () => {
  await running?.stop();
  await bus?.close();
  await db?.close();
  await new Promise<void>((resolve) => (stub ? stub.close(() => resolve()) : resolve()));
});

describe('renewal service', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'renewal' });
  });

  it('accepts SubmitRenewal (POST /renewals)', async () => {
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
    // A real bearer token (signed with AUTH_DEV_SECRET, set by vitest.config.ts) of a caller allowed to run it.
    const authorization = `Bearer ${await devToken({ actor: 'Driver', sub: String(body.licenseNumber), actors: service.actors })}`;
    const res = await fetch(`${running.url}/renewals`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { key: string; events: { type: string }[] };
    expect(reply.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/); // assigned by the runtime
    expect(reply.events.map((e) => e.type)).toEqual(['gov.dmv.renewal.RenewalSubmitted.v1']);
  });
});
