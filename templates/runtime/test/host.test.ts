/**
 * startService wires what a generated service module declares: its routes to its handlers, and
 * its call targets to `ctx.clients` (one function per called command, path parameters filled
 * from the input). The runtime calls the service's handler itself, with the handlers object as
 * `this`: no wrapper sits between the route and the business code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import type { CommandHandler, ServiceDefinition } from '../src/definitions.ts';
import type { HandlerContext } from '../src/handlers.ts';
import { devToken } from '../src/auth.ts';
import { commandClients, startService, type CallTarget, type CommandCall, type RunningService, type ServiceModule } from '../src/host.ts';
import { MemoryBus } from '../src/memory-bus.ts';
import { eventDef, silent, testDatabase, uniqueSchema } from './support.ts';

type Clients = { readonly registry: { readonly checkPlate: CommandCall } };

const settings = {
  timeoutMs: 1000,
  retry: { maxAttempts: 1, backoffMs: 5, maxBackoffMs: 10 },
  circuitBreaker: { consecutiveFailures: 5, halfOpenAfterMs: 1000 },
};

const calls: CallTarget[] = [
  {
    service: 'car-registry',
    client: 'registry',
    urlEnv: 'CAR_REGISTRY_URL',
    defaultUrl: 'http://car-registry:8080',
    ...settings,
    commands: { checkPlate: { method: 'PUT', path: '/plates/{plate}/checks' } },
  },
];

const received: Array<{ method: string; url: string; body: unknown }> = [];
let stub: Server;
let stubUrl: string;
let db: Db;
let running: RunningService;
const seen: { self?: unknown; clients?: unknown } = {};

const handlers: Record<string, CommandHandler> = {
  async RegisterCar(this: unknown, command: { carId?: string; plate: string }, ctx: HandlerContext<{ plate: string }, Clients>) {
    seen.self = this;
    seen.clients = ctx.clients;
    const reply = await ctx.clients.registry.checkPlate({ plate: command.plate, by: 'cars' });
    return { state: { plate: command.plate, checked: reply.key }, events: [{ event: 'CarRegistered', data: { carId: ctx.key, plate: command.plate } }] };
  },
};

function carsModule(schema: string): ServiceModule {
  const registered = eventDef('CarRegistered', 'carId', ['carId', 'plate']);
  const definition: ServiceDefinition = {
    platform: 'test',
    name: 'cars',
    source: '/test/cars',
    schema,
    aggregates: [{ name: 'Car', table: 'car', key: 'carId' }],
    events: { CarRegistered: registered },
    commands: {
      RegisterCar: {
        name: 'RegisterCar',
        aggregate: 'Car',
        key: 'carId',
        generateKey: true,
        emits: ['CarRegistered'],
        schema: { type: 'object', properties: { carId: { type: 'string' }, plate: { type: 'string' } }, required: ['plate'], additionalProperties: false },
      },
    },
    handlers,
    policies: [],
    projections: [],
    compensations: [],
    orchestrations: [],
    pii: [],
  };
  return {
    name: 'cars',
    platform: 'test',
    defaultPort: 8080,
    calls,
    routes: [{ kind: 'command', method: 'POST', path: '/cars', command: 'RegisterCar' }],
    define: () => definition,
  };
}

beforeAll(async () => {
  stub = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ key: 'check-1', state: null, events: [] }));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  db = await testDatabase();
  running = await startService(carsModule(uniqueSchema('cars')), {
    db,
    bus: new MemoryBus(),
    logger: silent,
    port: 0,
    host: '127.0.0.1',
    urls: { 'car-registry': stubUrl },
  });
});

afterAll(async () => {
  await running?.stop();
  await db?.close();
  await new Promise<void>((resolve) => (stub ? stub.close(() => resolve()) : resolve()));
});

describe('startService', () => {
  it('runs the handler a route names, with the typed clients of the called commands in its context', async () => {
    // RegisterCar has no actor: an internal command, for services of the platform only.
    const res = await fetch(`${running.url}/cars`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await devToken({ service: 'test-caller' })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ plate: 'AB 12/3' }),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { key: string; state: { checked: string }; events: Array<{ type: string }> };
    expect(reply.state.checked).toBe('check-1');
    expect(reply.events.map((e) => e.type)).toEqual(['test.CarRegistered.v1']);
    // The path parameter is filled (and escaped) from the input; the whole input is the body.
    expect(received).toEqual([{ method: 'PUT', url: '/plates/AB%2012%2F3/checks', body: { plate: 'AB 12/3', by: 'cars' } }]);
    expect(Object.keys(seen.clients as object)).toEqual(['registry']);
    // Called as a method of the service's handlers: `this` is the handlers object.
    expect(seen.self).toBe(handlers);
  });
});

describe('Idempotency-Key', () => {
  it('runs a command sent twice with one Idempotency-Key once, and answers the repeat with the first result', async () => {
    const authorization = `Bearer ${await devToken({ service: 'test-caller' })}`;
    const send = () =>
      fetch(`${running.url}/cars`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', 'idempotency-key': 'retry-of-request-7' },
        body: JSON.stringify({ plate: 'CD 45' }),
      });
    const before = received.length;
    const first = (await (await send()).json()) as { key: string; events: Array<{ id: string }> };
    const again = await send();
    expect(again.status).toBe(200);
    const second = (await again.json()) as { key: string; events: Array<{ id: string }> };
    expect(second).toEqual(first);
    expect(received.length - before).toBe(1); // the handler (and its call) ran once
    expect(running.runtime.metrics.get('msa_commands_suppressed_total', { command: 'RegisterCar' })).toBe(1);
  });
});

describe('commandClients', () => {
  it('has one member per target with commands, under its client name, and rejects a call whose service has no client', async () => {
    const orchestrated: CallTarget = { service: 'payment', urlEnv: 'PAYMENT_URL', defaultUrl: 'http://payment:8080', ...settings };
    const built = commandClients([...calls, orchestrated], {});
    expect(Object.keys(built)).toEqual(['registry']);
    expect(Object.keys(built['registry']!)).toEqual(['checkPlate']);
    await expect(built['registry']!['checkPlate']!({ plate: 'x' })).rejects.toThrow(/no client for service car-registry/);
  });
});
