/**
 * Shared harness of the DMV orchestration scenarios: the whole platform in this process (six
 * services, one database with a schema per service, one in-memory bus, each service on its own
 * port), or in a child process (scenario 4, which kills it), plus small helpers to talk to it and
 * to read what it did.
 *
 * Database: PGlite by default (in memory; in a directory for a child process). When
 * TEST_DATABASE_URL names a PostgreSQL server, each test file gets a FRESH database on it (CREATE
 * DATABASE through an admin connection, DROP at the end).
 *
 * Every HTTP request of the scenarios goes through request() below (post, get), which sends a real
 * bearer token for the caller (see defaultCaller).
 *
 * Hand-written; msa-gen never touches this directory.
 */

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, token } from '@dmv/platform';
import { createLogger, ident, MemoryBus, openDatabase, type Db, type DeliveredRecord, type Labels, type Platform } from '@dmv/runtime';

export const SAGA = 'LicenseRenewal';

export const silent = createLogger({ level: 'silent' });

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds since `start` (from performance.now()), rounded. */
export const since = (start: number) => Math.round(performance.now() - start);

// ------------------------------------------------------------------------------------ database

export interface TestDatabase {
  readonly kind: Db['kind'];
  /** How a child process reaches it: DATABASE_URL or PGLITE_DATA_DIR. */
  readonly env: Readonly<Record<string, string>>;
  /** Opens a connection (PGlite: only while no other process has the directory open). */
  open(): Promise<Db>;
  /** Drops the database (server) or removes the directory (PGlite). */
  drop(): Promise<void>;
}

/**
 * A fresh database a child process can use: a new database on the PostgreSQL server of
 * TEST_DATABASE_URL, else a PGlite directory under the system's temporary directory.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'dmv-scenario-'));
    return {
      kind: 'pglite',
      env: { PGLITE_DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `dmv_scenario_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${ident(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    async drop() {
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (admin: Db) => Promise<T>): Promise<T> {
  const admin = await openDatabase({ url: adminUrl });
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

// ------------------------------------------------------------------------------------ platform

export interface Scenario {
  readonly platform: Platform;
  readonly bus: MemoryBus;
  readonly db: Db;
  readonly dbKind: Db['kind'];
  /** Base URL of a running service. */
  url(service: string): string;
  /** platform.settle(): every consumer caught up and every outbox published. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** The platform in this process, on PGlite in memory or a fresh PostgreSQL database. */
export async function startScenario(options: { env?: Readonly<Record<string, string>>; deliveries?: number } = {}): Promise<Scenario> {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  const database = adminUrl ? await createTestDatabase() : undefined;
  const db = database ? await database.open() : await openDatabase();
  const bus = new MemoryBus(options.deliveries ? { deliveries: options.deliveries } : {});
  let platform: Platform;
  try {
    platform = await startPlatform({ db, bus, env: { ...options.env }, logger: silent });
  } catch (error) {
    await bus.close();
    await db.close();
    await database?.drop();
    throw error;
  }
  return {
    platform,
    bus,
    db,
    dbKind: db.kind,
    url: (service) => platform.service(service).url,
    settle: () => platform.settle(),
    async stop() {
      await platform.stop();
      await bus.close();
      await db.close();
      await database?.drop();
    },
  };
}

// ------------------------------------------------------------------------------------ HTTP

export interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/**
 * Who sends a request: an actor of the model (with the token's `sub`), a service of the platform,
 * or nobody (no Authorization header). Tokens are real: signed with AUTH_DEV_SECRET (set by
 * vitest.config.ts, passed to a child process by spawnPlatform), verified by the services.
 */
export type As = { readonly actor: 'Driver' | 'Clerk' | 'Operator'; readonly sub: string } | { readonly service: string } | 'anonymous';

/** The driver (license number, the token's sub) of each renewal submitted through request(). */
const driverOf = new Map<string, string>();

/**
 * The caller of a request that names none, as the DMV's site would send it: the probes and
 * /metrics without a token; the admin routes as an operator; a renewal (a body with a
 * licenseNumber) as that driver, and its status as the driver who submitted it; anything else as
 * a DMV clerk (every record, personal data included).
 */
function defaultCaller(url: string, body: unknown): As {
  const path = new URL(url).pathname;
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return 'anonymous';
  if (path.startsWith('/admin/')) return { actor: 'Operator', sub: 'operator-on-call' };
  const licenseNumber = (body as Record<string, unknown> | undefined)?.['licenseNumber'];
  if (typeof licenseNumber === 'string') return { actor: 'Driver', sub: licenseNumber };
  const status = /^\/renewals\/([^/]+)\/status$/.exec(path);
  const driver = status ? driverOf.get(decodeURIComponent(status[1]!)) : undefined;
  if (driver !== undefined) return { actor: 'Driver', sub: driver };
  return { actor: 'Clerk', sub: 'dmv-clerk' };
}

/** The Authorization header of a caller. */
export async function authorization(as: As): Promise<Record<string, string>> {
  if (as === 'anonymous') return {};
  return { authorization: `Bearer ${await token(as)}` };
}

/** Every HTTP request of the scenarios: JSON in, JSON (or text) out, as `as` (default: see defaultCaller). */
export async function request<T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, body?: unknown, as: As = defaultCaller(url, body)): Promise<Reply<T>> {
  const headers: Record<string, string> = await authorization(as);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  // A driver's submitted renewal: its status is theirs to look up.
  const key = (parsed as { key?: unknown } | undefined)?.key;
  if (res.ok && typeof as === 'object' && 'actor' in as && as.actor === 'Driver' && typeof key === 'string') driverOf.set(key, as.sub);
  return { status: res.status, body: parsed as T };
}

export const post = <T = Record<string, unknown>>(url: string, body: unknown = {}, as?: As) => request<T>('POST', url, body, as);
export const get = <T = Record<string, unknown>>(url: string, as?: As) => request<T>('GET', url, undefined, as);

/** A saga instance as GET /admin/sagas/{saga}/{id} of the renewal service answers it. */
export interface SagaView {
  status: 'running' | 'completed' | 'compensating' | 'compensated' | 'failed';
  step: number;
  command: string;
  attempt: number;
  sendPending: boolean;
  dueAt: string | null;
  updatedAt: string;
  history: Array<{ step: number; what: string }>;
}

export async function sagaOf(renewalUrl: string, id: string): Promise<SagaView | undefined> {
  const res = await get<SagaView>(`${renewalUrl}/admin/sagas/${SAGA}/${encodeURIComponent(id)}`);
  return res.status === 200 ? res.body : undefined;
}

/** Polls the saga until it reaches one of `statuses`; returns it. */
export function sagaReaching(renewalUrl: string, id: string, statuses: readonly SagaView['status'][], timeoutMs = 20_000): Promise<SagaView> {
  return waitUntil(
    `saga ${id} to reach ${statuses.join(' or ')}`,
    async () => {
      const saga = await sagaOf(renewalUrl, id);
      return saga && statuses.includes(saga.status) ? saga : undefined;
    },
    { timeoutMs },
  );
}

// ------------------------------------------------------------------------------------ waiting

/** Polls `probe` until it returns something other than undefined/false/null; returns that value. */
export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

// ------------------------------------------------------------------------------------ records

/** The CloudEvents type of an event of this platform. */
export const typeOf = (event: string) => `gov.dmv.renewal.${event}.v1`;

/** Records of an event (topic = event name) in one flow (ce_correlationid). */
export function eventsOf(bus: MemoryBus, event: string, correlationId: string): DeliveredRecord[] {
  return bus.records(event).filter((r) => r.headers['ce_correlationid'] === correlationId && r.headers['ce_type'] === typeOf(event));
}

/** The JSON data of a record. */
export const dataOf = (record: DeliveredRecord) => JSON.parse(record.value) as Record<string, unknown>;

/** Which service runs each step's command and compensation. */
export const serviceOf: Readonly<Record<string, string>> = {
  SubmitRenewal: 'renewal',
  RejectRenewal: 'renewal',
  ValidatePhoto: 'photo',
  DiscardPhoto: 'photo',
  VerifyAddress: 'address',
  RestorePreviousAddress: 'address',
  CapturePayment: 'payment',
  RefundPayment: 'payment',
  IssueLicenseCard: 'fulfillment',
};

/**
 * How many times each command ran for this saga instance, from the command_keys rows its service
 * claimed in the command's transaction (`<Command>:<saga>/<id>/<step>/<attempt|compensate>`).
 */
export async function executions(db: Db, id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const schema of [...new Set(Object.values(serviceOf))]) {
    const r = await db.query<{ command: string; n: string | number }>(
      `SELECT command, count(*) AS n FROM ${ident(schema)}.command_keys WHERE key LIKE $1 GROUP BY command`,
      [`%:${SAGA}/${id}/%`],
    );
    for (const row of r.rows) out[row.command] = Number(row.n);
  }
  return out;
}

/** Outbox rows of one event type in one flow, in a service's schema (survives the process). */
export async function outboxCount(db: Db, service: string, event: string, id: string): Promise<number> {
  const r = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM ${ident(service)}.outbox WHERE type = $1 AND payload->>'renewalId' = $2`,
    [typeOf(event), id],
  );
  return Number(r.rows[0]!.n);
}

/** The compensations of a saga's history, in the order they ran. */
export const compensationsOf = (saga: SagaView) =>
  saga.history.filter((h) => h.what.startsWith('compensated by ')).map((h) => h.what.slice('compensated by '.length));

// ------------------------------------------------------------------------------------ metrics

/** A counter of one running service (the sum over label sets matching `labels`). */
export function metric(platform: Platform, service: string, name: string, labels: Labels = {}): number {
  return platform.service(service).runtime.metrics.get(name, labels);
}

/** Commands answered from command_keys and records dropped by an inbox, over every service. */
export function duplicatesSuppressed(platform: Platform): number {
  let n = 0;
  for (const name of platform.services.keys()) {
    n += metric(platform, name, 'msa_commands_suppressed_total') + metric(platform, name, 'msa_consumer_duplicate_total');
  }
  return n;
}

/** One line of figures per scenario, for docs/scenarios.md and the issue note. */
export function report(scenario: string, figures: Record<string, string | number>): void {
  console.log(`${scenario}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

// ------------------------------------------------------------------------------------ bodies

/** A renewal request (SubmitRenewal); override any field. */
export function renewalRequest(overrides: Record<string, unknown> = {}) {
  const n = randomUUID().slice(0, 8);
  return {
    licenseNumber: `D${n.toUpperCase()}`,
    driverName: 'Jordan Rivera',
    dateOfBirth: '1984-06-12',
    photoUrl: `https://uploads.dmv.example.gov/portraits/${n}.jpg`,
    mailingAddress: '1120 N Street, Sacramento, CA 95814',
    deliveryMethod: 'Mail',
    cardToken: `tok_visa_${n}`,
    ...overrides,
  };
}

// ------------------------------------------------------------------------------------ processes

export interface PlatformProcess {
  readonly pid: number;
  /** Base URL of each service, as the process printed it. */
  readonly urls: Readonly<Record<string, string>>;
  /** Everything the process wrote to stdout and stderr so far (its JSON log lines included). */
  output(): string;
  /** Resolves when the process is gone: its exit code, or the signal that killed it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The platform in a child process, as `npm run dev` runs it (packages/platform/src/main.ts): every
 * service on a free port, on the database `env` names (DATABASE_URL or PGLITE_DATA_DIR), logging
 * at info level. Resolves once it printed every service's URL.
 */
export async function spawnPlatform(env: Readonly<Record<string, string>>, services: readonly string[]): Promise<PlatformProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['packages/platform/src/main.ts'], {
    cwd: new URL('../..', import.meta.url),
    env: {
      PATH: process.env['PATH'] ?? '',
      BASE_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // The services verify the tokens request() mints with this secret (vitest.config.ts sets it).
      ...(process.env['AUTH_DEV_SECRET'] ? { AUTH_DEV_SECRET: process.env['AUTH_DEV_SECRET'] } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const urls = await waitUntil(
    'the platform process to print its services',
    () => {
      if (gone) throw new Error(`the platform process exited before it was ready:\n${out}`);
      const found: Record<string, string> = {};
      for (const m of out.matchAll(/^\s+(\w+)\s+(http:\/\/\S+)\s*$/gm)) found[m[1]!] = m[2]!;
      return services.every((s) => found[s]) ? found : undefined;
    },
    { timeoutMs: 300_000, intervalMs: 50 },
  );
  return { pid: child.pid!, urls, output: () => out, exited };
}

/** Counters of a service's GET /metrics, summed over label sets, by name. */
export async function scrape(serviceUrl: string): Promise<Record<string, number>> {
  const res = await get<string>(`${serviceUrl}/metrics`);
  const out: Record<string, number> = {};
  for (const line of String(res.body).split('\n')) {
    const m = /^([a-z_]+)(?:\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (m) out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
  }
  return out;
}
