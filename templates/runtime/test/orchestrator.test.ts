/**
 * Orchestration sagas: a persisted state machine moves on at each step's success event, and on a
 * failure event runs the compensations of the completed steps in reverse order. A step a crash
 * left unsent is sent again at start-up and runs once; a step with no outcome by its deadline
 * fails the saga; a compensation runs once per saga instance and step, however often it is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import type { OrchestrationDef, ServiceDefinition } from '../src/definitions.ts';
import { MemoryBus } from '../src/memory-bus.ts';
import { ServiceRuntime } from '../src/service.ts';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServiceClient } from '../src/http-client.ts';
import { eventDef, fastRetry, orderService, silent, testDatabase, uniqueSchema } from './support.ts';

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** The order service, its policy replaced by an orchestration: place → reserve stock → dispatch. */
function orchestrated(schema: string): ServiceDefinition {
  const base = orderService(schema);
  const reserved = eventDef('StockReserved', 'orderId', ['orderId']);
  const released = eventDef('StockReleased', 'orderId', ['orderId']);
  const failed = eventDef('ShipmentFailed', 'shipmentId', ['shipmentId', 'orderId'], true);
  const schemaOf = (fields: string[]) => ({
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f, { type: 'string' }])),
    required: fields,
    additionalProperties: false,
  });
  const saga: OrchestrationDef = {
    saga: 'OrderFulfilment',
    group: 'test.orders.OrderFulfilment',
    retry: fastRetry,
    events: [base.events['OrderPlaced']!, reserved, base.events['ShipmentDispatched']!, failed],
    steps: [
      {
        command: 'PlaceOrder',
        service: 'orders',
        method: 'POST',
        path: '/orders',
        succeededOn: ['OrderPlaced'],
        failedOn: [],
        compensation: { command: 'CancelOrder', service: 'orders', method: 'POST', path: '/x', toCommand: (d) => ({ orderId: String(d['orderId']) }) },
      },
      {
        command: 'ReserveStock',
        service: 'orders',
        method: 'POST',
        path: '/x',
        succeededOn: ['StockReserved'],
        failedOn: [],
        toCommand: (d) => ({ orderId: String(d['orderId']) }),
        compensation: { command: 'ReleaseStock', service: 'orders', method: 'POST', path: '/x', toCommand: (d) => ({ orderId: String(d['orderId']) }) },
      },
      {
        command: 'DispatchShipment',
        service: 'orders',
        method: 'POST',
        path: '/x',
        succeededOn: ['ShipmentDispatched'],
        failedOn: ['ShipmentFailed'],
        toCommand: (d) => ({ shipmentId: `ship-${String(d['orderId'])}`, orderId: String(d['orderId']) }),
      },
    ],
  };
  return {
    ...base,
    aggregates: [...base.aggregates, { name: 'Stock', table: 'stock', key: 'orderId' }],
    events: { ...base.events, StockReserved: reserved, StockReleased: released, ShipmentFailed: failed },
    commands: {
      ...base.commands,
      ReserveStock: { name: 'ReserveStock', aggregate: 'Stock', key: 'orderId', emits: ['StockReserved'], schema: schemaOf(['orderId']) },
      ReleaseStock: { name: 'ReleaseStock', aggregate: 'Stock', key: 'orderId', emits: ['StockReleased'], schema: schemaOf(['orderId']) },
      DispatchShipment: { ...base.commands['DispatchShipment']!, emits: ['ShipmentDispatched', 'ShipmentFailed'] },
    },
    handlers: {
      ...base.handlers,
      ReserveStock: (cmd) => ({ state: { orderId: cmd.orderId, reserved: true }, events: [{ event: 'StockReserved', data: { orderId: cmd.orderId } }] }),
      ReleaseStock: (cmd) => ({ state: { orderId: cmd.orderId, reserved: false }, events: [{ event: 'StockReleased', data: { orderId: cmd.orderId } }] }),
      // The courier refuses orders for "piano"; a failure event, not an exception. Orders for
      // "lost parcel" get no answer at all: the step's outcome never comes.
      DispatchShipment: async (cmd, ctx) => {
        const order = (await placed.get(cmd.orderId)) ?? '';
        if (order === 'piano') return { events: [{ event: 'ShipmentFailed', data: { shipmentId: cmd.shipmentId, orderId: cmd.orderId } }] };
        if (order === 'lost parcel') return { events: [] };
        return base.handlers['DispatchShipment']!(cmd, ctx);
      },
    },
    policies: [],
    compensations: [],
    orchestrations: [saga],
  };
}

/** The same saga with ReleaseStock in another service ('stock'), reached over HTTP. */
function withRemoteRelease(schema: string): ServiceDefinition {
  const def = orchestrated(schema);
  const saga = def.orchestrations[0]!;
  const steps = saga.steps.map((step) =>
    step.compensation?.command === 'ReleaseStock'
      ? { ...step, compensation: { ...step.compensation, service: 'stock', path: '/stock/{orderId}/release' } }
      : step,
  );
  return { ...def, orchestrations: [{ ...saga, steps }] };
}

/** Items by order id, for the dispatch handler to see what it ships. */
const placed = new Map<string, string>();

async function settle(runtime: ServiceRuntime, bus: MemoryBus): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await runtime.flush();
    await bus.drain();
  }
}

async function run(item: string) {
  const schema = uniqueSchema('orch');
  const bus = new MemoryBus();
  const runtime = new ServiceRuntime(orchestrated(schema), { db, bus, logger: silent });
  await runtime.start();
  const orderId = `o-${item}-${schema.slice(-6)}`;
  placed.set(orderId, item);
  await runtime.execute('PlaceOrder', { orderId, item });
  await settle(runtime, bus);
  const row = await db.query<{ status: string; step: number; history: Array<{ step: number; what: string }> }>(
    `SELECT status, step, history FROM "${schema}".saga_instances WHERE id = $1`,
    [orderId],
  );
  const types = (topic: string) => bus.records(topic).filter((r) => r.key === orderId || r.key === `ship-${orderId}`).length;
  await runtime.stop();
  return { saga: row.rows[0], types, runtime };
}

describe('orchestration saga', () => {
  it('sends each step after the previous one succeeded and ends completed', async () => {
    const { saga, types } = await run('book');
    expect(saga?.status).toBe('completed');
    expect(saga?.history.map((h) => h.what)).toEqual([
      'OrderPlaced',
      'sent ReserveStock',
      'StockReserved',
      'sent DispatchShipment',
      'ShipmentDispatched',
    ]);
    expect([types('StockReserved'), types('ShipmentDispatched'), types('OrderCancelled')]).toEqual([1, 1, 0]);
  });

  it('on a failure event compensates the completed steps in reverse order and ends compensated', async () => {
    const { saga, types } = await run('piano');
    expect(saga?.status).toBe('compensated');
    const whats = saga!.history.map((h) => h.what);
    expect(whats.slice(-3)).toEqual(['ShipmentFailed', 'compensated by ReleaseStock', 'compensated by CancelOrder']);
    expect([types('ShipmentFailed'), types('StockReleased'), types('OrderCancelled'), types('ShipmentDispatched')]).toEqual([1, 1, 1, 0]);
  });
});

type SagaRow = { status: string; step: number; send_pending: boolean; due_at: unknown; history: Array<{ step: number; what: string }> };
const sagaRow = async (schema: string, id: string) =>
  (await db.query<SagaRow>(`SELECT status, step, send_pending, due_at, history FROM "${schema}".saga_instances WHERE id = $1`, [id])).rows[0];
const countOf = (bus: MemoryBus, topic: string, key: string) => bus.records(topic).filter((r) => r.key === key).length;

describe('orchestration saga under failure', () => {
  it('a step decided but never sent (a crash after the commit) is sent at the next start, and runs once however often it is re-sent', async () => {
    const schema = uniqueSchema('orch');
    const orderId = `o-crash-${schema.slice(-6)}`;
    placed.set(orderId, 'book');
    // The first process: places the order and lets the orchestrator decide step 2, then dies
    // before sending it. What it leaves is the committed decision: step 2 running, send pending.
    const bus = new MemoryBus();
    const first = new ServiceRuntime(orchestrated(schema), { db, bus, logger: silent });
    await first.start();
    await first.execute('PlaceOrder', { orderId, item: 'book' });
    await first.stop();
    await db.query(`INSERT INTO "${schema}".saga_instances (id, saga, step, status, data, history, send_pending, due_at)
      VALUES ($1, 'OrderFulfilment', 1, 'running', $2::jsonb, $3::jsonb, true, now() + interval '1 hour')`, [
      orderId,
      JSON.stringify({ orderId, item: 'book' }),
      JSON.stringify([{ step: 0, what: 'OrderPlaced' }, { step: 1, what: 'sent ReserveStock' }]),
    ]);
    // The restarted process, on the same database: the start-up sweep sends the step again.
    const second = new ServiceRuntime(orchestrated(schema), { db, bus, logger: silent });
    const started = performance.now();
    await second.start();
    await settle(second, bus);
    const resumedMs = performance.now() - started;
    // Sent again (another replica's sweep, a timeout that was not one): suppressed by the step's key.
    await db.query(`UPDATE "${schema}".saga_instances SET status = 'running', step = 1, send_pending = true WHERE id = $1`, [orderId]);
    await second.sweepSagas(true);
    await db.query(`UPDATE "${schema}".saga_instances SET status = 'completed', send_pending = false WHERE id = $1`, [orderId]);
    await settle(second, bus);
    const saga = await sagaRow(schema, orderId);
    const suppressed = second.metrics.get('msa_commands_suppressed_total', { command: 'ReserveStock' });
    await second.stop();
    console.log(`saga resume: resumed_in=${resumedMs.toFixed(0)}ms reserve_stock_executed=${countOf(bus, 'StockReserved', orderId)} duplicates_suppressed=${suppressed}`);
    expect(saga?.status).toBe('completed');
    expect(countOf(bus, 'StockReserved', orderId)).toBe(1);
    expect(countOf(bus, 'ShipmentDispatched', `ship-${orderId}`)).toBe(1);
    expect(suppressed).toBe(1);
  });

  it('a step with no outcome by its deadline fails the saga and compensates the completed steps in reverse order', async () => {
    const schema = uniqueSchema('orch');
    const orderId = `o-lost-${schema.slice(-6)}`;
    placed.set(orderId, 'lost parcel');
    const bus = new MemoryBus();
    const runtime = new ServiceRuntime(orchestrated(schema), { db, bus, logger: silent, sagaStepTimeoutMs: 300, sagaSweepIntervalMs: 50 });
    await runtime.start();
    await runtime.execute('PlaceOrder', { orderId, item: 'lost parcel' });
    await settle(runtime, bus);
    const waiting = await sagaRow(schema, orderId);
    expect(waiting?.status).toBe('running');
    expect(waiting?.due_at).not.toBeNull();
    const started = performance.now();
    let saga = waiting;
    // Wait for the end state: the sweep marks the saga 'compensating' first, then each compensation's
    // outcome moves it on, so 'compensating' is a state on the way, not the end.
    while ((saga?.status === 'running' || saga?.status === 'compensating') && performance.now() - started < 10_000) {
      await new Promise((r) => setTimeout(r, 50));
      await settle(runtime, bus);
      saga = await sagaRow(schema, orderId);
    }
    const compensatedMs = performance.now() - started;
    await settle(runtime, bus);
    const timeouts = runtime.metrics.get('msa_saga_timeouts_total');
    // Resumed again (as after a crash during compensation): each compensation is suppressed by its key.
    await db.query(`UPDATE "${schema}".saga_instances SET status = 'compensating' WHERE id = $1`, [orderId]);
    await runtime.sweepSagas(true);
    await settle(runtime, bus);
    const suppressed = runtime.metrics.get('msa_commands_suppressed_total');
    const metrics = await runtime.renderMetrics();
    const admin = await runtime.sagaInstance('OrderFulfilment', orderId);
    const final = await sagaRow(schema, orderId);
    await runtime.stop();
    console.log(`saga deadline: timeout=300ms compensated_after=${compensatedMs.toFixed(0)}ms released=${countOf(bus, 'StockReleased', orderId)} cancelled=${countOf(bus, 'OrderCancelled', orderId)} duplicates_suppressed=${suppressed}`);
    expect(saga?.status).toBe('compensated');
    expect(saga?.history.map((h) => h.what).slice(-3)).toEqual(['timed out', 'compensated by ReleaseStock', 'compensated by CancelOrder']);
    expect(timeouts).toBe(1);
    expect([countOf(bus, 'StockReleased', orderId), countOf(bus, 'OrderCancelled', orderId)]).toEqual([1, 1]);
    expect(suppressed).toBe(2);
    expect(metrics).toMatch(/msa_sagas\{saga="OrderFulfilment",status="compensated"\} 1/);
    // GET /admin/sagas/OrderFulfilment/<id> answers this: the state and its history.
    expect(admin).toMatchObject({ saga: 'OrderFulfilment', id: orderId, status: 'compensated', step: 3, command: 'DispatchShipment' });
    expect(admin?.['history']).toEqual(final?.history);
  });

  it('a compensation whose service is down waits, the saga still compensating, and runs once the service is back', async () => {
    const schema = uniqueSchema('orch');
    const orderId = `o-piano-${schema.slice(-6)}`;
    placed.set(orderId, 'piano');
    // A free port, nothing listening on it yet: the stock service is down.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const stock = createServiceClient({
      service: 'stock',
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 500,
      retry: { maxAttempts: 1, backoffMs: 10, maxBackoffMs: 10 },
      circuitBreaker: { consecutiveFailures: 100, halfOpenAfterMs: 1000 },
    });
    const bus = new MemoryBus();
    const runtime = new ServiceRuntime(withRemoteRelease(schema), { db, bus, logger: silent, clients: { stock } });
    await runtime.start();
    await runtime.execute('PlaceOrder', { orderId, item: 'piano' });
    await settle(runtime, bus);
    const waiting = await sagaRow(schema, orderId);
    // CancelOrder (step 1) must not run before ReleaseStock (step 2): reverse order holds.
    const cancelledWhileWaiting = countOf(bus, 'OrderCancelled', orderId);

    // The stock service comes back; the sweeper compensates again.
    const received: { path: string; key: string | undefined }[] = [];
    const server: Server = createServer((req: IncomingMessage, res) => {
      received.push({ path: req.url ?? '', key: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    try {
      await runtime.sweepSagas(true);
      await settle(runtime, bus);
      await runtime.sweepSagas(true);
      await settle(runtime, bus);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const final = await sagaRow(schema, orderId);
    const deferred = runtime.metrics.get('msa_compensations_deferred_total', { saga: 'OrderFulfilment', command: 'ReleaseStock' });
    await runtime.stop();
    console.log(`saga compensation deferred: waiting=${waiting?.status} cancelled_while_waiting=${cancelledWhileWaiting} release_calls=${received.length} final=${final?.status} deferred=${deferred}`);
    expect(waiting?.status).toBe('compensating');
    expect(waiting?.history.at(-1)?.what).toMatch(/^compensation ReleaseStock waits for stock: /);
    expect(cancelledWhileWaiting).toBe(0);
    expect(deferred).toBe(1);
    expect(final?.status).toBe('compensated');
    // Sent once it could be: one call with the step's compensation key, then CancelOrder here.
    expect(received).toEqual([{ path: `/stock/${orderId}/release`, key: `OrderFulfilment/${orderId}/1/compensate` }]);
    expect(countOf(bus, 'OrderCancelled', orderId)).toBe(1);
    const whats = final!.history.map((h) => h.what);
    expect(whats.filter((w) => w === 'compensated by ReleaseStock')).toHaveLength(1);
    expect(whats.slice(-2)).toEqual(['compensated by ReleaseStock', 'compensated by CancelOrder']);
  });
});
