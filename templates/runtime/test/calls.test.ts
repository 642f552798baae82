/**
 * The model's synchronous `calls` are made by the runtime around the handler (calls.ts), not by
 * the handler: a handler that replaces the default still has them made, a broken circuit refuses
 * the command before the handler runs, and an `after` call cannot be left out of a decision.
 * The called service is a real HTTP server; the clients are the runtime's own (cockatiel).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MissingCallInputError } from '../src/calls.ts';
import type { Db } from '../src/db.ts';
import type { CallDef, CommandHandler } from '../src/definitions.ts';
import { createServiceClient, ServiceUnavailableError } from '../src/http-client.ts';
import { MemoryBus } from '../src/memory-bus.ts';
import { createHttpServer } from '../src/server.ts';
import { ServiceRuntime } from '../src/service.ts';
import { orderService, silent, testDatabase, uniqueSchema } from './support.ts';

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** The called stock service: records each request, answers with `answer`. */
async function stockService(answer: (req: IncomingMessage, res: ServerResponse, body: unknown) => void) {
  const requests: Array<{ method: string; url: string; body: unknown }> = [];
  const keys: Array<string | undefined> = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body: unknown = text ? JSON.parse(text) : undefined;
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      keys.push(req.headers['idempotency-key'] as string | undefined);
      answer(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, keys };
}

const settings = {
  timeoutMs: 500,
  retry: { maxAttempts: 1, backoffMs: 5, multiplier: 2, maxBackoffMs: 5 },
  circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
};

/** PlaceOrder reserves its item (before), and reports the order it placed (after). */
const reserve: CallDef = {
  name: 'reserveItem',
  service: 'stock',
  command: 'ReserveItem',
  method: 'POST',
  path: '/items/{item}/reservations',
  when: 'before',
  ...settings,
  input: (source, ctx) => ({ item: source['item'], orderId: ctx.key, note: source['note'] ?? ctx.placeholder('note', 'none') }),
};
const report: CallDef = { name: 'reportOrder', service: 'stock', command: 'ReportOrder', method: 'POST', path: '/orders', when: 'after', ...settings };

async function start(url: string, calls: readonly CallDef[], handler: CommandHandler) {
  const definition = orderService(uniqueSchema('calls'), { PlaceOrder: handler });
  const client = createServiceClient({ service: 'stock', baseUrl: url, ...settings });
  const runtime = new ServiceRuntime(
    { ...definition, calls: { PlaceOrder: calls } },
    { db, bus: new MemoryBus(), logger: silent, clients: { stock: client }, devPlaceholders: true },
  );
  await runtime.start();
  return { runtime, client };
}

const placing: CommandHandler = (cmd, ctx) => ({
  state: { orderId: ctx.key, item: cmd.item },
  events: [{ event: 'OrderPlaced', data: { orderId: ctx.key, item: cmd.item } }],
});

describe('the model calls, made by the runtime around the handler', () => {
  it('makes a before call for a handler that replaced the default and never calls a client, and hands it the reply', async () => {
    const stock = await stockService((_req, res) => res.writeHead(200).end(JSON.stringify({ key: 'r1', state: { reserved: 2 }, events: [] })));
    const seen: unknown[] = [];
    const { runtime } = await start(stock.url, [reserve], (cmd, ctx) => {
      seen.push(ctx.calls);
      return placing(cmd, ctx);
    });
    await runtime.execute('PlaceOrder', { orderId: 'o1', item: 'book' });
    expect(stock.requests).toEqual([{ method: 'POST', url: '/items/book/reservations', body: { item: 'book', orderId: 'o1', note: 'none' } }]);
    expect(seen).toEqual([{ reserveItem: { key: 'r1', state: { reserved: 2 }, events: [] } }]);
    expect(await runtime.exists('Order', 'o1')).toBe(true);
    await runtime.stop();
  });

  it('refuses the command before the handler runs when the call fails, then fails fast once the breaker is open (503 over HTTP)', async () => {
    const stock = await stockService((_req, res) => res.writeHead(500).end());
    let handled = 0;
    const { runtime, client } = await start(stock.url, [reserve], (cmd, ctx) => {
      handled++;
      return placing(cmd, ctx);
    });
    const app = createHttpServer(runtime, [{ kind: 'command', method: 'POST', path: '/orders', command: 'PlaceOrder' }]);
    const answers = [];
    for (const orderId of ['o2', 'o3', 'o4']) {
      const res = await app.inject({ method: 'POST', url: '/orders', payload: { orderId, item: 'pen' } });
      answers.push({ status: res.statusCode, reason: (res.json() as { reason?: string }).reason });
    }
    // Two failures open the breaker (consecutiveFailures: 2); the third is refused without a request.
    expect(answers).toEqual([
      { status: 503, reason: 'error' },
      { status: 503, reason: 'error' },
      { status: 503, reason: 'circuit-open' },
    ]);
    expect(stock.requests).toHaveLength(2);
    expect(client.circuit()).toBe('open');
    expect(handled).toBe(0);
    for (const orderId of ['o2', 'o3', 'o4']) expect(await runtime.exists('Order', orderId)).toBe(false);
    await app.close();
    await runtime.stop();
  });

  it('sends an after call with the input the decision gives, and refuses a decision that leaves it out', async () => {
    const stock = await stockService((_req, res) => res.writeHead(200).end('{}'));
    let withInput = true;
    const { runtime } = await start(stock.url, [report], (cmd, ctx) => {
      if (cmd.item === 'nothing') return {};
      const decision = placing(cmd, ctx) as object;
      return withInput ? { ...decision, calls: { reportOrder: { orderId: ctx.key, status: 'Placed' } } } : decision;
    });
    await runtime.execute('PlaceOrder', { orderId: 'o5', item: 'cup' });
    expect(stock.requests).toEqual([{ method: 'POST', url: '/orders', body: { orderId: 'o5', status: 'Placed' } }]);
    // A decision that changes nothing makes no call.
    await runtime.execute('PlaceOrder', { orderId: 'o6', item: 'nothing' });
    expect(stock.requests).toHaveLength(1);
    withInput = false;
    await expect(runtime.execute('PlaceOrder', { orderId: 'o7', item: 'cup' })).rejects.toThrow(MissingCallInputError);
    expect(await runtime.exists('Order', 'o7')).toBe(false);
    expect(stock.requests).toHaveLength(1);
    await runtime.stop();
  });

  it('gives an after call an Idempotency-Key of its execution: the command key when the caller sent one', async () => {
    const stock = await stockService((_req, res) => res.writeHead(200).end('{}'));
    const { runtime } = await start(stock.url, [report], (cmd, ctx) => ({ ...(placing(cmd, ctx) as object), calls: { reportOrder: { orderId: ctx.key } } }));
    await runtime.execute('PlaceOrder', { orderId: 'o9', item: 'cup' }, { idempotencyKey: 'k-9' });
    await runtime.execute('PlaceOrder', { orderId: 'o10', item: 'cup' });
    await runtime.execute('PlaceOrder', { orderId: 'o11', item: 'cup' });
    expect(stock.keys[0]).toMatch(/\/PlaceOrder\/o9\/k-9\/reportOrder$/);
    expect(stock.keys[1]).toMatch(/\/PlaceOrder\/o10\/[0-9a-f-]{36}\/reportOrder$/);
    expect(new Set(stock.keys).size).toBe(3);
    await runtime.stop();
  });

  it('writes nothing when an after call fails', async () => {
    const stock = await stockService((_req, res) => res.writeHead(503).end());
    const { runtime } = await start(stock.url, [report], (cmd, ctx) => ({ ...(placing(cmd, ctx) as object), calls: { reportOrder: { orderId: ctx.key } } }));
    await expect(runtime.execute('PlaceOrder', { orderId: 'o8', item: 'cup' })).rejects.toThrow(ServiceUnavailableError);
    expect(await runtime.exists('Order', 'o8')).toBe(false);
    await runtime.stop();
  });
});
