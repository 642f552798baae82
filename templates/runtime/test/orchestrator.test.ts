/**
 * Orchestration sagas: a persisted state machine moves on at each step's success event, and on a
 * failure event runs the compensations of the completed steps in reverse order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import type { OrchestrationDef, ServiceDefinition } from '../src/definitions.ts';
import { MemoryBus } from '../src/memory-bus.ts';
import { ServiceRuntime } from '../src/service.ts';
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
      // The courier refuses orders for "piano"; a failure event, not an exception.
      DispatchShipment: async (cmd, ctx) => {
        const order = (await placed.get(cmd.orderId)) ?? '';
        if (order === 'piano') return { events: [{ event: 'ShipmentFailed', data: { shipmentId: cmd.shipmentId, orderId: cmd.orderId } }] };
        return base.handlers['DispatchShipment']!(cmd, ctx);
      },
    },
    policies: [],
    compensations: [],
    orchestrations: [saga],
  };
}

/** Items by order id, for the dispatch handler to see what it ships. */
const placed = new Map<string, string>();

async function run(item: string) {
  const schema = uniqueSchema('orch');
  const bus = new MemoryBus();
  const runtime = new ServiceRuntime(orchestrated(schema), { db, bus, logger: silent });
  await runtime.start();
  const orderId = `o-${item}-${schema.slice(-6)}`;
  placed.set(orderId, item);
  await runtime.execute('PlaceOrder', { orderId, item });
  for (let i = 0; i < 5; i++) {
    await runtime.flush();
    await bus.drain();
  }
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
