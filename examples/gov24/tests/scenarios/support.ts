/**
 * Shared harness of the end-to-end scenarios: the whole gov24 platform in this process (all 15
 * services, one database with a schema per service, one in-memory bus, each service on its own
 * port), plus small helpers to talk to it and to read what it did.
 *
 * Database: PGlite in memory by default. When TEST_DATABASE_URL names a PostgreSQL server, each
 * test file gets a FRESH database on it (CREATE DATABASE through an admin connection, DROP at the
 * end), so runs and files never see each other's data.
 *
 * Hand-written; msa-gen never touches this directory.
 */

import { randomUUID } from 'node:crypto';
import { modules, startPlatform, token } from '@gov24/platform';
import {
  createLogger,
  ident,
  MemoryBus,
  openDatabase,
  type Db,
  type DeliveredRecord,
  type Labels,
  type Platform,
} from '@gov24/runtime';

export { modules };

export const silent = createLogger({ level: 'silent' });

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds since `start` (from performance.now()), rounded. */
export const since = (start: number) => Math.round(performance.now() - start);

// ------------------------------------------------------------------------------------ database

export interface TestDatabase {
  readonly db: Db;
  /** 'pglite' or 'postgres'. */
  readonly kind: Db['kind'];
  /** Closes the database; on a server, drops the database this file created. */
  close(): Promise<void>;
}

/**
 * PGlite in memory, or a fresh database on the PostgreSQL server of TEST_DATABASE_URL (created
 * through an admin connection on that URL, dropped by close()).
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    const db = await openDatabase();
    return { db, kind: db.kind, close: () => db.close() };
  }
  const name = `gov24_scenario_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await openDatabase({ url: adminUrl }); // a pg pool on the admin URL
  try {
    await admin.query(`CREATE DATABASE ${ident(name)}`);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    db,
    kind: db.kind,
    async close() {
      await db.close();
      const again = await openDatabase({ url: adminUrl });
      try {
        await again.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
      } finally {
        await again.close();
      }
    },
  };
}

// ------------------------------------------------------------------------------------ platform

export interface ScenarioOptions {
  /** Deliver every bus record this many times (idempotency scenario). */
  readonly deliveries?: number;
  /** Environment of every service, e.g. SAGA_COMPENSATION_DELAY_MS. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Scenario {
  readonly platform: Platform;
  readonly bus: MemoryBus;
  readonly db: Db;
  readonly dbKind: Db['kind'];
  /** Base URL of a running service. */
  url(service: string): string;
  /**
   * platform.settle(): every consumer caught up and every outbox published, publishes in flight
   * included. Checked each time: a second settle must find nothing new on the bus (an earlier
   * runtime returned too early on PostgreSQL; see docs/scenarios.md, "Findings").
   */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** How many records the bus holds, over every topic. */
export function recordCount(bus: MemoryBus): number {
  let n = 0;
  for (const topic of bus.topics()) n += bus.records(topic).length;
  return n;
}

export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const database = await openTestDatabase();
  const bus = new MemoryBus(options.deliveries ? { deliveries: options.deliveries } : {});
  let platform: Platform;
  try {
    platform = await startPlatform({ db: database.db, bus, env: { ...options.env }, logger: silent });
  } catch (error) {
    await bus.close();
    await database.close();
    throw error;
  }
  return {
    platform,
    bus,
    db: database.db,
    dbKind: database.kind,
    url: (service) => platform.service(service).url,
    async settle() {
      await platform.settle();
      const settled = recordCount(bus);
      await platform.settle();
      if (recordCount(bus) !== settled) throw new Error('platform.settle() returned while the platform was still at work');
    },
    async stop() {
      await platform.stop();
      await bus.close();
      await database.close();
    },
  };
}

// ------------------------------------------------------------------------------------ HTTP

export interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  /** Round-trip time of the request in milliseconds. */
  readonly ms: number;
}

/**
 * Who sends a request: an actor of the model (with the token's `sub`), a service of the platform,
 * or nobody (no Authorization header). Tokens are real: signed with AUTH_DEV_SECRET (set by
 * vitest.config.ts), verified by the services.
 */
export type As = { readonly actor: 'Citizen' | 'Administrator' | 'Operator'; readonly sub: string } | { readonly service: string } | 'anonymous';

/**
 * The caller of a request that names none, as a portal would send it: the admin routes as an
 * operator; a body with a citizenId as that citizen (who submits their own application); every
 * other request as ministry staff (Administrator: every record, personal data included).
 */
function defaultCaller(url: string, body: unknown): As {
  if (new URL(url).pathname.startsWith('/admin/')) return { actor: 'Operator', sub: 'operator-on-call' };
  const citizenId = (body as Record<string, unknown> | undefined)?.['citizenId'];
  if (typeof citizenId === 'string') return { actor: 'Citizen', sub: citizenId };
  return { actor: 'Administrator', sub: 'ministry-staff' };
}

/** The Authorization header of a caller. */
export async function authorization(as: As): Promise<Record<string, string>> {
  if (as === 'anonymous') return {};
  return { authorization: `Bearer ${await token(as)}` };
}

async function send<T>(method: string, url: string, body?: unknown, as: As = defaultCaller(url, body)): Promise<Reply<T>> {
  const auth = await authorization(as);
  const start = performance.now();
  const res = await fetch(url, {
    method,
    headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - start;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, ms };
}

/** POST `body` as `as` (default: see defaultCaller). */
export const postJson = <T = Record<string, unknown>>(url: string, body: unknown = {}, as?: As) => send<T>('POST', url, body, as);
/** GET as `as` (default: see defaultCaller). */
export const getJson = <T = Record<string, unknown>>(url: string, as?: As) => send<T>('GET', url, undefined, as);

// ------------------------------------------------------------------------------------ waiting

/**
 * Polls `probe` until it returns something other than undefined/false/null; returns that value.
 * Throws after `timeoutMs`, naming what it waited for.
 */
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
export const typeOf = (event: string) => `kr.go.gov24.${event}.v1`;

/**
 * Event records of a topic that belong to one flow (ce_correlationid), optionally of one
 * CloudEvents type. The topic of an event is its name.
 */
export function recordsOf(bus: MemoryBus, topic: string, correlationId: string, type?: string): DeliveredRecord[] {
  return bus
    .records(topic)
    .filter((r) => r.headers['ce_correlationid'] === correlationId && (type === undefined || r.headers['ce_type'] === type));
}

/** Records of an event (topic = event name, type = its CloudEvents type) in one flow. */
export const eventsOf = (bus: MemoryBus, event: string, correlationId: string) => recordsOf(bus, event, correlationId, typeOf(event));

/** The JSON data of a record. */
export const dataOf = (record: DeliveredRecord) => JSON.parse(record.value) as Record<string, unknown>;

/** Failure records (not resolution records) of a DLQ topic in one flow. */
export const dlqRecordsOf = (bus: MemoryBus, dlqTopic: string, correlationId: string) =>
  recordsOf(bus, dlqTopic, correlationId).filter((r) => r.headers['dlq-original-topic'] !== undefined);

/** Every topic on which this flow left a record (DLQ resolution records carry no correlation id). */
export function topicsOfFlow(bus: MemoryBus, correlationId: string): string[] {
  return bus.topics().filter((t) => recordsOf(bus, t, correlationId).length > 0);
}

// ------------------------------------------------------------------------------------ metrics

/** A counter of one running service (the sum over label sets matching `labels`). */
export function metric(platform: Platform, service: string, name: string, labels: Labels = {}): number {
  return platform.service(service).runtime.metrics.get(name, labels);
}

// ------------------------------------------------------------------------------------ bodies

/** A unique, realistic general complaint (valid against SubmitGeneralApplication's schema). */
export function generalApplication(applicationId: string = randomUUID()) {
  return {
    applicationId,
    citizenId: `citizen-${applicationId.slice(0, 8)}`,
    complaintType: 'FamilyRelationCertificate',
    attachmentUrl: `https://files.gov24.go.kr/attachments/${applicationId}/family-relation-request.pdf`,
  };
}

/** A unique building permit application (SubmitBuildingApplication). */
export function buildingApplication(applicationId: string = randomUUID()) {
  return {
    applicationId,
    citizenId: `citizen-${applicationId.slice(0, 8)}`,
    siteAddress: '세종특별자치시 한누리대로 2130',
    buildingUse: 'Residential',
    floorArea: 1284.5,
    designDrawingsUrl: `https://files.gov24.go.kr/building/${applicationId}/design-drawings.pdf`,
  };
}

/** A unique vehicle registration application (SubmitCarApplication). */
export function carApplication(applicationId: string = randomUUID()) {
  return {
    applicationId,
    citizenId: `citizen-${applicationId.slice(0, 8)}`,
    vehicleIdentificationNumber: `KMHD341CBMU${applicationId.replace(/-/g, '').slice(0, 6).toUpperCase()}`,
    registrationKind: 'New',
    ownershipProofUrl: `https://files.gov24.go.kr/car/${applicationId}/certificate-of-origin.pdf`,
  };
}

/** An immediate issuance request (IssueInstantCertificate). */
export function instantIssuance(certificateId: string = randomUUID()) {
  return {
    certificateId,
    citizenId: `citizen-${certificateId.slice(0, 8)}`,
    certificateType: 'ResidentRegistrationPrintout',
  };
}
