/**
 * The runtime's guarantees on a real PostgreSQL engine (PGlite, or a server when
 * TEST_DATABASE_URL is set): atomic state + outbox, idempotent consumers, retries then DLQ,
 * saga compensation after the grace period unless replayed, exactly-once publishing after a
 * crash between commit and publish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import { DLQ_HEADERS } from '../src/dlq.ts';
import { MemoryBus } from '../src/memory-bus.ts';
import { createLogger } from '../src/logger.ts';
import { MissingValueError, ServiceRuntime } from '../src/service.ts';
import { orderService, silent, testDatabase, uniqueSchema } from './support.ts';

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function start(options: { deliveries?: number; relay?: boolean; compensationDelayMs?: number; bus?: MemoryBus; schema?: string } = {}) {
  const bus = options.bus ?? new MemoryBus({ deliveries: options.deliveries ?? 1 });
  const schema = options.schema ?? uniqueSchema('orders');
  const runtime = new ServiceRuntime(orderService(schema), {
    db,
    bus,
    logger: silent,
    relay: options.relay,
    compensationDelayMs: options.compensationDelayMs ?? 0,
  });
  await runtime.start();
  const settle = async () => {
    await runtime.flush();
    await bus.drain();
    await runtime.flush();
    await bus.drain();
  };
  return { runtime, bus, schema, settle };
}

describe('ServiceRuntime', () => {
  it('commits state and events together, then the policy and the read model follow', async () => {
    const { runtime, bus, settle } = await start();
    const result = await runtime.execute('PlaceOrder', { orderId: 'o1', item: 'book' });
    expect(result.events.map((e) => e.type)).toEqual(['test.OrderPlaced.v1']);
    await settle();
    expect(bus.records('ShipmentDispatched')).toHaveLength(1);
    expect(await runtime.lookup('OrderStatus', 'o1')).toMatchObject({ orderId: 'o1', item: 'book', shipmentId: 'ship-o1', status: 'Dispatched' });
    await runtime.stop();
  });

  it('refuses to emit an event it only consumes (its view has no schema) and writes nothing', async () => {
    const definition = orderService(uniqueSchema('orders'));
    const { name, type, topic, dlqTopic } = definition.events['OrderCancelled']!;
    const runtime = new ServiceRuntime(
      { ...definition, events: { ...definition.events, OrderCancelled: { name, type, topic, dlqTopic } } },
      { db, bus: new MemoryBus(), logger: silent },
    );
    await runtime.start();
    await runtime.execute('PlaceOrder', { orderId: 'o9', item: 'pen' });
    await expect(runtime.execute('CancelOrder', { orderId: 'o9' })).rejects.toThrow(/CancelOrder emitted OrderCancelled, which orders only consumes/);
    expect(await runtime.load('Order', 'o9')).toMatchObject({ status: 'Placed' });
    await runtime.stop();
  });

  it('rejects an invalid command and writes nothing', async () => {
    const { runtime, bus, settle } = await start();
    await expect(runtime.execute('PlaceOrder', { orderId: 'o2' })).rejects.toThrow(/missing "item"/);
    await expect(runtime.execute('CancelOrder', {})).rejects.toThrow(/missing "orderId"/);
    await settle();
    expect(bus.records('OrderPlaced')).toHaveLength(0);
    expect(await runtime.exists('Order', 'o2')).toBe(false);
    await runtime.stop();
  });

  it('processes a record delivered twice once (inbox)', async () => {
    const { runtime, bus, settle } = await start({ deliveries: 2 });
    await runtime.execute('PlaceOrder', { orderId: 'o3', item: 'pen' });
    await settle();
    expect(bus.records('ShipmentDispatched')).toHaveLength(1);
    expect(runtime.metrics.get('msa_consumer_duplicate_total', { group: 'test.orders.DispatchShipmentWhenOrderPlaced' })).toBe(1);
    await runtime.stop();
  });

  it('tries maxAttempts times, then dead-letters with the DLQ headers, then compensates', async () => {
    const { runtime, bus, settle } = await start();
    let attempts = 0;
    runtime.overrideHandler('DispatchShipment', (orig) => (cmd, ctx) => {
      if (cmd.orderId === 'bad') {
        attempts++;
        throw new TypeError('warehouse offline');
      }
      return orig(cmd, ctx);
    });
    await runtime.execute('PlaceOrder', { orderId: 'bad', item: 'lamp' });
    await settle();
    expect(attempts).toBe(4);
    const dlq = bus.records('OrderPlaced.DLQ').filter((r) => !r.headers[DLQ_HEADERS.resolution]);
    expect(dlq).toHaveLength(1);
    expect(dlq[0]!.headers).toMatchObject({
      [DLQ_HEADERS.originalTopic]: 'OrderPlaced',
      [DLQ_HEADERS.consumerGroup]: 'test.orders.DispatchShipmentWhenOrderPlaced',
      [DLQ_HEADERS.exceptionType]: 'TypeError',
      [DLQ_HEADERS.exceptionMessage]: 'warehouse offline',
      [DLQ_HEADERS.attempts]: '4',
      ce_type: 'test.OrderPlaced.v1',
      ce_subject: 'bad',
    });
    expect(dlq[0]!.headers[DLQ_HEADERS.originalPartition]).toMatch(/^\d+$/);
    expect(dlq[0]!.headers[DLQ_HEADERS.originalOffset]).toMatch(/^\d+$/);
    // The saga's compensation (delay 0) cancels the order.
    await runtime.runDueCompensations();
    await settle();
    expect(await runtime.lookup('OrderStatus', 'bad')).toMatchObject({ status: 'Cancelled' });
    expect((await runtime.dlqRecords())[0]).toMatchObject({ status: 'compensated', attempts: 4 });
    await expect(runtime.replay((await runtime.dlqRecords())[0]!.recordId)).rejects.toThrow(/already compensated/);
    await runtime.stop();
  });

  it('replaying a DLQ record after a fix completes it and cancels the pending compensation', async () => {
    const { runtime, settle } = await start({ compensationDelayMs: 60_000 });
    let broken = true;
    runtime.overrideHandler('DispatchShipment', (orig) => (cmd, ctx) => {
      if (broken) throw new Error('bug');
      return orig(cmd, ctx);
    });
    await runtime.execute('PlaceOrder', { orderId: 'late', item: 'desk' });
    await settle();
    const [entry] = await runtime.dlqRecords('pending');
    expect(entry).toBeDefined();
    broken = false;
    const result = await runtime.replay(entry!.recordId);
    expect(result.outcome).toBe('processed');
    await settle();
    expect(await runtime.lookup('OrderStatus', 'late')).toMatchObject({ status: 'Dispatched' });
    const rows = await db.query<{ status: string }>(`SELECT status FROM "${runtime.definition.schema}".saga_compensations`);
    expect(rows.rows.map((r) => r.status)).toEqual(['cancelled']);
    expect((await runtime.dlqRecords())[0]!.status).toBe('replayed');
    await runtime.stop();
  });

  it('publishes exactly once after a crash between commit and publish', async () => {
    const bus = new MemoryBus();
    const schema = uniqueSchema('crash');
    const first = await start({ relay: false, bus, schema });
    await first.runtime.execute('PlaceOrder', { orderId: 'o9', item: 'cup' });
    expect(await first.runtime.relay.pending()).toBe(1);
    expect(bus.records('OrderPlaced')).toHaveLength(0);
    await first.runtime.stop(); // the process dies: nothing was published
    const second = await start({ bus, schema });
    await second.settle();
    expect(bus.records('OrderPlaced')).toHaveLength(1);
    expect(bus.records('ShipmentDispatched')).toHaveLength(1);
    expect(await second.runtime.relay.pending()).toBe(0);
    await second.runtime.stop();
  });

  it('decides outside the transaction: a handler may call another service on the same database', async () => {
    const other = await start();
    const { runtime, settle } = await start();
    runtime.overrideHandler('PlaceOrder', (orig) => async (cmd, ctx) => {
      // What a synchronous `calls` does: the other service commits in its own transaction meanwhile.
      await other.runtime.execute('PlaceOrder', { orderId: `${cmd.orderId}-mirror`, item: cmd.item });
      return orig(cmd, ctx);
    });
    await runtime.execute('PlaceOrder', { orderId: 'o10', item: 'map' });
    await settle();
    await other.settle();
    expect(await other.runtime.exists('Order', 'o10-mirror')).toBe(true);
    expect(await runtime.exists('Order', 'o10')).toBe(true);
    await runtime.stop();
    await other.runtime.stop();
  });

  it('loses no update when two commands race on one aggregate (optimistic version check)', async () => {
    const { runtime } = await start();
    await runtime.execute('PlaceOrder', { orderId: 'race', item: 'x' });
    runtime.overrideHandler('CancelOrder', () => async (cmd, ctx) => {
      await new Promise((r) => setTimeout(r, 20)); // both read the same version first
      const n = Number((ctx.state as { cancels?: number } | undefined)?.cancels ?? 0) + 1;
      return { state: { ...(ctx.state ?? {}), cancels: n }, events: [{ event: 'OrderCancelled', data: { orderId: cmd.orderId } }] };
    });
    await Promise.all([runtime.execute('CancelOrder', { orderId: 'race' }), runtime.execute('CancelOrder', { orderId: 'race' })]);
    expect(await runtime.load('Order', 'race')).toMatchObject({ cancels: 2 });
    await runtime.stop();
  });

  it('assigns a new key to a command that creates its aggregate without one', async () => {
    const { runtime } = await start();
    const a = await runtime.execute('PlaceOrder', { item: 'a' });
    const b = await runtime.execute('PlaceOrder', { item: 'b' });
    expect(a.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.key).not.toBe(a.key);
    expect(a.events[0]!.subject).toBe(a.key);
    await runtime.stop();
  });

  it('refuses a command whose handler has no value for a required field, over HTTP and from a policy (retried, then dead-lettered)', async () => {
    const { runtime, bus, settle } = await start();
    runtime.overrideHandler('PlaceOrder', (orig) => (cmd, ctx) =>
      cmd.item === 'unknown' ? { events: [{ event: 'OrderPlaced', data: { orderId: ctx.key, item: ctx.placeholder('item', '') } }] } : orig(cmd, ctx),
    );
    const refused = runtime.execute('PlaceOrder', { orderId: 'p1', item: 'unknown' });
    await expect(refused).rejects.toBeInstanceOf(MissingValueError);
    await expect(refused).rejects.toMatchObject({ status: 422, message: 'no value for item: implement PlaceOrder in src/domain/Order.ts' });
    expect(await runtime.exists('Order', 'p1')).toBe(false);
    let attempts = 0;
    runtime.overrideHandler('DispatchShipment', () => (_cmd, ctx) => {
      attempts++;
      return { state: {}, events: [{ event: 'ShipmentDispatched', data: { shipmentId: ctx.key, orderId: ctx.placeholder('orderId', '') } }] };
    });
    await runtime.execute('PlaceOrder', { orderId: 'p2', item: 'cup' });
    await settle();
    expect(attempts).toBe(4);
    expect(bus.records('ShipmentDispatched')).toHaveLength(0);
    const dlq = bus.records('OrderPlaced.DLQ').filter((r) => !r.headers[DLQ_HEADERS.resolution]);
    expect(dlq.map((r) => r.headers[DLQ_HEADERS.exceptionMessage])).toEqual(['no value for orderId: implement DispatchShipment in src/domain/Shipment.ts']);
    await runtime.stop();
  });

  it('fills in the placeholder with devPlaceholders (MSA_DEV_PLACEHOLDERS=1), with one warning per command and field', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const runtime = new ServiceRuntime(
      orderService(uniqueSchema('orders'), {
        PlaceOrder: (_cmd, ctx) => ({ state: { status: 'Placed' }, events: [{ event: 'OrderPlaced', data: { orderId: ctx.key, item: ctx.placeholder('item', 'n/a') } }] }),
      }),
      { db, bus: new MemoryBus(), logger, devPlaceholders: true, relay: false },
    );
    await runtime.start();
    const first = await runtime.execute('PlaceOrder', { orderId: 'd1', item: 'x' });
    await runtime.execute('PlaceOrder', { orderId: 'd2', item: 'y' });
    expect(first.events[0]!.data).toMatchObject({ item: 'n/a' });
    expect(lines.filter((l) => l['level'] === 'warn' && l['field'] === 'item')).toEqual([
      expect.objectContaining({ command: 'PlaceOrder', field: 'item', msg: 'placeholder for item (MSA_DEV_PLACEHOLDERS=1): implement PlaceOrder in src/domain/Order.ts' }),
    ]);
    await runtime.stop();
  });
});
