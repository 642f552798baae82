import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CallRejectedError, ServiceUnavailableError, createServiceClient } from '../src/http-client.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)));
}

const settings = {
  timeoutMs: 300,
  retry: { maxAttempts: 2, backoffMs: 5, maxBackoffMs: 10 },
  circuitBreaker: { consecutiveFailures: 3, halfOpenAfterMs: 200 },
};

describe('service client', () => {
  it('posts JSON and returns the answer', async () => {
    const url = await listen((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: JSON.parse(body), path: req.url })));
    });
    const client = createServiceClient({ service: 'application', baseUrl: url, ...settings });
    expect(await client.call('POST', '/applications/a1/result', { status: 'Issued' })).toEqual({
      echo: { status: 'Issued' },
      path: '/applications/a1/result',
    });
  });

  it('does not retry a 4xx and reports it as rejected', async () => {
    let hits = 0;
    const url = await listen((_req, res) => {
      hits++;
      res.writeHead(422).end('{"error":"bad"}');
    });
    const client = createServiceClient({ service: 'application', baseUrl: url, ...settings });
    await expect(client.call('POST', '/x', {})).rejects.toBeInstanceOf(CallRejectedError);
    expect(hits).toBe(1);
  });

  it('opens the circuit after consecutive failures, fails fast, and closes again once the service is back', async () => {
    // Nothing listens on this port: connection refused.
    const down = await listen(() => undefined);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const client = createServiceClient({ service: 'application', baseUrl: down, ...settings });
    const failures: ServiceUnavailableError[] = [];
    for (let i = 0; i < 2; i++) failures.push((await client.call("GET", "/healthz").catch((e: unknown) => e)) as ServiceUnavailableError);
    expect(failures.map((f) => f.reason)).toEqual(['error', 'circuit-open']);
    expect(client.circuit()).toBe('open');
    const started = performance.now();
    const fast = await client.call('GET', '/healthz').catch((e: ServiceUnavailableError) => e);
    expect(performance.now() - started).toBeLessThan(50);
    expect(fast).toBeInstanceOf(ServiceUnavailableError);
    expect((fast as ServiceUnavailableError).message).toMatch(/application is unavailable: circuit breaker open/);
    // The service comes back on the same port; after halfOpenAfter a trial call closes the circuit.
    const port = Number(new URL(down).port);
    server = createServer((_req, res) => res.writeHead(200).end('{"ok":true}'));
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
    await new Promise((r) => setTimeout(r, 250));
    expect(await client.call('GET', '/healthz')).toEqual({ ok: true });
    expect(client.circuit()).toBe('closed');
  });

  it('times out a slow service', async () => {
    const url = await listen(() => undefined); // never answers
    const client = createServiceClient({ service: 'slow', baseUrl: url, ...settings, retry: { maxAttempts: 1, backoffMs: 1, maxBackoffMs: 1 } });
    const error = await client.call('GET', '/').catch((e: ServiceUnavailableError) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).reason).toBe('timeout');
    server!.closeAllConnections();
  });
});
