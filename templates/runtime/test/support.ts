/** Test helpers: one database per test file (PGlite, or PostgreSQL when TEST_DATABASE_URL is set). */
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../src/db.ts';
import type { CommandHandler, EventDef, ServiceDefinition } from '../src/definitions.ts';
import { createLogger } from '../src/logger.ts';

export const silent = createLogger({ level: 'silent' });

/** PostgreSQL when TEST_DATABASE_URL is set (CI runs both), PGlite otherwise. */
export function testDatabase(): Promise<Db> {
  return openDatabase({ url: process.env['TEST_DATABASE_URL'] });
}

export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

export const fastRetry = { maxAttempts: 4, backoffMs: 5, multiplier: 2, maxBackoffMs: 50 };

const schemaOf = (fields: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(fields.map((f) => [f.replace(/\?$/, ''), { type: 'string' }])),
  required: fields.filter((f) => !f.endsWith('?')),
  additionalProperties: false,
});

export function eventDef(name: string, key: string, fields: string[], failure = false): EventDef {
  return {
    name,
    type: `test.${name}.v1`,
    topic: name,
    dlqTopic: `${name}.DLQ`,
    key,
    stage: `test.${name}`,
    failure,
    schema: schemaOf(fields),
  };
}

/**
 * A two-aggregate service: Orders are placed over HTTP; a policy ships every placed order;
 * a read model tracks the order's status; a DLQ of the shipping policy cancels the order.
 */
export function orderService(schema: string, overrides: Partial<Record<string, CommandHandler>> = {}): ServiceDefinition {
  const placed = eventDef('OrderPlaced', 'orderId', ['orderId', 'item']);
  const cancelled = eventDef('OrderCancelled', 'orderId', ['orderId']);
  const shipped = eventDef('ShipmentDispatched', 'shipmentId', ['shipmentId', 'orderId']);
  const handlers: Record<string, CommandHandler> = {
    PlaceOrder: (cmd, ctx) => ({
      state: { ...cmd, orderId: ctx.key, status: 'Placed' },
      events: [{ event: 'OrderPlaced', data: { orderId: ctx.key, item: cmd.item } }],
    }),
    CancelOrder: (cmd, ctx) => ({ state: { ...(ctx.state ?? {}), status: 'Cancelled' }, events: [{ event: 'OrderCancelled', data: { orderId: cmd.orderId } }] }),
    DispatchShipment: (cmd, ctx) =>
      ctx.state ? {} : { state: cmd, events: [{ event: 'ShipmentDispatched', data: { shipmentId: cmd.shipmentId, orderId: cmd.orderId } }] },
    ...(overrides as Record<string, CommandHandler>),
  };
  return {
    platform: 'test',
    name: 'orders',
    source: '/test/orders',
    schema,
    aggregates: [
      { name: 'Order', table: 'order', key: 'orderId' },
      { name: 'Shipment', table: 'shipment', key: 'shipmentId' },
    ],
    events: { OrderPlaced: placed, OrderCancelled: cancelled, ShipmentDispatched: shipped },
    commands: {
      PlaceOrder: {
        name: 'PlaceOrder',
        aggregate: 'Order',
        key: 'orderId',
        generateKey: true,
        emits: ['OrderPlaced'],
        schema: schemaOf(['orderId?', 'item']),
      },
      CancelOrder: { name: 'CancelOrder', aggregate: 'Order', key: 'orderId', emits: ['OrderCancelled'], schema: schemaOf(['orderId']) },
      DispatchShipment: {
        name: 'DispatchShipment',
        aggregate: 'Shipment',
        key: 'shipmentId',
        emits: ['ShipmentDispatched'],
        schema: schemaOf(['shipmentId', 'orderId']),
      },
    },
    handlers,
    policies: [
      {
        name: 'DispatchShipmentWhenOrderPlaced',
        group: 'test.orders.DispatchShipmentWhenOrderPlaced',
        on: placed,
        then: 'DispatchShipment',
        retry: fastRetry,
        dlq: true,
        idempotencyKey: 'orderId',
        toCommand: (e) => ({ shipmentId: `ship-${(e.data as { orderId: string }).orderId}`, orderId: (e.data as { orderId: string }).orderId }),
      },
    ],
    projections: [
      {
        name: 'OrderStatus',
        group: 'test.orders.OrderStatus',
        from: [placed, shipped, cancelled],
        key: 'orderId',
        store: 'database',
        table: 'rm_order_status',
        status: { OrderPlaced: 'Placed', ShipmentDispatched: 'Dispatched', OrderCancelled: 'Cancelled' },
        fields: ['orderId', 'item', 'shipmentId'],
        retry: fastRetry,
      },
    ],
    compensations: [
      {
        saga: 'OrderFulfilment',
        name: 'OrderFulfilment.CancelOrder',
        group: 'test.orders.OrderFulfilment.CancelOrder',
        command: 'CancelOrder',
        trigger: { kind: 'dlq', topic: 'OrderPlaced.DLQ', failedGroups: ['test.orders.DispatchShipmentWhenOrderPlaced'] },
        retry: fastRetry,
        toCommand: (data, correlationId) => ({ orderId: String(data['orderId'] ?? correlationId) }),
      },
    ],
    orchestrations: [],
    pii: [],
  };
}
