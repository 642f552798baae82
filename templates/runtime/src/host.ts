/**
 * Starting services: one per process in production (`startService`, env-configured), or the
 * whole platform in one process for local development and end-to-end tests (`startPlatform`:
 * one in-memory bus, one database with a schema per service, each service on its own port).
 */
import type { FastifyInstance } from 'fastify';
import { AccessRules, Authenticator, authSettingsFrom, devToken, type ActorDef } from './auth.ts';
import type { Bus } from './bus.ts';
import { openDatabase, type Db } from './db.ts';
import type { ServiceDefinition } from './definitions.ts';
import { createServiceClient, type ClientOptions, type ServiceClient } from './http-client.ts';
import { KafkaBus, kafkaSecurityFrom, parseBrokers } from './kafka-bus.ts';
import { createLogger, type Level, type Logger } from './logger.ts';
import { MemoryBus } from './memory-bus.ts';
import { fillPath } from './orchestrator.ts';
import { createHttpServer, type CommandReply, type Route } from './server.ts';
import { ServiceRuntime } from './service.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** A synchronous dependency of a service: the model's `calls` (and orchestration targets). */
export interface CallTarget {
  /** The called service (context) name. */
  readonly service: string;
  /** Environment variable holding its base URL, e.g. APPLICATION_URL. */
  readonly urlEnv: string;
  /** Default base URL: the Kubernetes Service name. */
  readonly defaultUrl: string;
  readonly timeoutMs: number;
  readonly retry: ClientOptions['retry'];
  readonly circuitBreaker: ClientOptions['circuitBreaker'];
  /** Its member of the command handlers' `ctx.clients` (the service's name in camelCase). */
  readonly client?: string;
  /** The commands of that service this one calls, by method of `ctx.clients.<client>`: their route. */
  readonly commands?: Readonly<Record<string, { readonly method: string; readonly path: string }>>;
}

/** What a generated service exports (src/generated/service.ts). */
export interface ServiceModule {
  readonly name: string;
  readonly platform: string;
  readonly defaultPort: number;
  readonly calls: readonly CallTarget[];
  readonly routes: readonly Route[];
  /**
   * The platform's actors (auth.ts): the roles its routes admit. Absent or empty: only services
   * of the platform may call its commands and read its lookups.
   */
  readonly actors?: readonly ActorDef[];
  /** Builds the definition; `clients` reach the services this one calls (generated modules need not use them). */
  define(clients: Readonly<Record<string, ServiceClient>>): ServiceDefinition;
}

export interface RunningService {
  readonly name: string;
  readonly runtime: ServiceRuntime;
  readonly app: FastifyInstance;
  /** Base URL it listens on (when listening). */
  readonly url: string;
  readonly clients: Readonly<Record<string, ServiceClient>>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly env?: Env;
  /** Share a database (tests, the platform launcher); opened from the environment otherwise. */
  readonly db?: Db;
  readonly bus?: Bus;
  readonly logger?: Logger;
  /** Listen on this port (0 = any free port); default PORT or the service's port. */
  readonly port?: number;
  readonly host?: string;
  /** Base URLs of called services, overriding the environment (the platform launcher). */
  readonly urls?: Readonly<Record<string, string>>;
  /** Start the outbox relay (default true). */
  readonly relay?: boolean;
}

/**
 * MSA_DEV_PLACEHOLDERS=1 (CommandContext.placeholder): from `env`, else from the process's own
 * environment, so a test runner's setting (the generated vitest.config.ts) reaches services that
 * tests start with `env: {}`. The Docker images never set it.
 */
function devPlaceholders(env: Env): boolean {
  return (env['MSA_DEV_PLACEHOLDERS'] ?? process.env['MSA_DEV_PLACEHOLDERS']) === '1';
}

function intEnv(env: Env, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, not "${v}"`);
  return n;
}

export function loggerFrom(env: Env, pii: readonly string[] = []): Logger {
  const level = (env['LOG_LEVEL'] ?? 'info') as Level;
  return createLogger({ level, pii });
}

/**
 * The bus the environment asks for: Kafka when KAFKA_BROKERS is set (with KAFKA_SASL_* and
 * KAFKA_TLS, see kafkaSecurityFrom), else in memory.
 */
export function busFrom(env: Env, clientId: string, logger?: Logger): Bus {
  const brokers = env['KAFKA_BROKERS'];
  if (brokers) {
    return new KafkaBus({ brokers: parseBrokers(brokers), clientId: env['KAFKA_CLIENT_ID'] ?? clientId, logger, ...kafkaSecurityFrom(env) });
  }
  return new MemoryBus();
}

export function databaseFrom(env: Env, logger?: Logger): Promise<Db> {
  return openDatabase({
    url: env['DATABASE_URL'],
    dataDir: env['PGLITE_DATA_DIR'],
    onConnectionError: (error) => logger?.warn('database connection lost; reconnecting on demand', { error: error.message }),
  });
}

export function clientsFor(
  module: ServiceModule,
  env: Env,
  urls: Readonly<Record<string, string>> = {},
  auth?: Authenticator,
): Record<string, ServiceClient> {
  const authorization = auth ? () => auth.serviceAuthorization(module.name) : undefined;
  const clients: Record<string, ServiceClient> = {};
  for (const call of module.calls) {
    clients[call.service] = createServiceClient({
      service: call.service,
      // Looked up at each call: in one process (startPlatform) a restarted service may get a new port.
      baseUrl: () => urls[call.service] ?? env[call.urlEnv] ?? call.defaultUrl,
      timeoutMs: call.timeoutMs,
      retry: call.retry,
      circuitBreaker: call.circuitBreaker,
      authorization,
    });
  }
  return clients;
}

/** A called command: its input in, the called service's reply out (POST/PUT/… over its ServiceClient). */
export type CommandCall = (input: Readonly<Record<string, unknown>>) => Promise<CommandReply>;

/**
 * What command handlers get as `ctx.clients`: for each call target with commands, under its
 * `client` name, one function per called command that fills the route's path parameters from the
 * input and sends it through the target's ServiceClient (timeout, retries, circuit breaker). The
 * generated `Clients` type of a service describes the same shape.
 */
export function commandClients(
  targets: readonly CallTarget[],
  clients: Readonly<Record<string, ServiceClient>>,
): Record<string, Record<string, CommandCall>> {
  const out: Record<string, Record<string, CommandCall>> = {};
  for (const target of targets) {
    if (!target.commands) continue;
    const calls: Record<string, CommandCall> = {};
    for (const [name, route] of Object.entries(target.commands)) {
      calls[name] = (input) => {
        const client = clients[target.service];
        if (!client) return Promise.reject(new Error(`no client for service ${target.service}`));
        return client.call<CommandReply>(route.method, fillPath(route.path, input), input);
      };
    }
    out[target.client ?? target.service] = calls;
  }
  return out;
}

/** Starts one service: database and bus from the environment unless given, HTTP on its port. */
export async function startService(module: ServiceModule, options: StartOptions = {}): Promise<RunningService> {
  const env = options.env ?? {};
  // Refuses to start without a way to verify callers (AUTH_JWKS_URL or AUTH_DEV_SECRET).
  const auth = new Authenticator(authSettingsFrom(env));
  const clients = clientsFor(module, env, options.urls, auth);
  const definition = module.define(clients);
  const schema = env['DATABASE_SCHEMA'];
  const def = schema ? { ...definition, schema } : definition;
  const logger = options.logger ?? loggerFrom(env, def.pii);
  const ownDb = options.db === undefined;
  const ownBus = options.bus === undefined;
  const db = options.db ?? (await databaseFrom(env, logger));
  const bus = options.bus ?? busFrom(env, `${module.platform}-${module.name}`, logger);
  const runtime = new ServiceRuntime(def, {
    db,
    bus,
    logger,
    clients,
    commandClients: commandClients(module.calls, clients),
    relay: options.relay,
    compensationDelayMs: intEnv(env, 'SAGA_COMPENSATION_DELAY_MS', 30_000),
    sagaStepTimeoutMs: env['SAGA_STEP_TIMEOUT_MS'] ? intEnv(env, 'SAGA_STEP_TIMEOUT_MS', 0) : undefined,
    devPlaceholders: devPlaceholders(env),
  });
  await runtime.start();
  const app = createHttpServer(runtime, module.routes, { access: { auth, rules: new AccessRules(module.actors ?? []) } });
  const port = options.port ?? intEnv(env, 'PORT', module.defaultPort);
  const address = await app.listen({ port, host: options.host ?? env['HOST'] ?? '0.0.0.0' });
  const url = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
  logger.info('listening', { service: module.name, url });
  return {
    name: module.name,
    runtime,
    app,
    url,
    clients,
    async stop() {
      await app.close();
      await runtime.stop();
      if (ownBus) await bus.close();
      if (ownDb) await db.close();
    },
  };
}

export interface Platform {
  readonly db: Db;
  readonly bus: Bus;
  readonly services: ReadonlyMap<string, RunningService>;
  service(name: string): RunningService;
  /** Stops one service (its port closes, its consumers stop): an outage. */
  stopService(name: string): Promise<void>;
  /** Starts a stopped service again on the same port, on the same database and bus. */
  startService(name: string): Promise<RunningService>;
  /**
   * A dev token (signed with AUTH_DEV_SECRET) for one of the platform's actors, e.g.
   * `platform.token({ actor: 'Citizen', sub: citizenId })`; `service` mints a service identity.
   */
  token(options: PlatformTokenOptions): Promise<string>;
  /** Waits until every consumer has caught up (in-memory bus) and every outbox is published. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export interface PlatformTokenOptions {
  /** An actor of the platform (its role goes into the token). */
  readonly actor?: string | undefined;
  /** The caller's id: what an `owner` field must hold for its records. */
  readonly sub?: string | undefined;
  readonly roles?: readonly string[] | undefined;
  /** A service identity of this name (may call internal commands). */
  readonly service?: string | undefined;
  readonly expiresInSeconds?: number | undefined;
}

export interface PlatformOptions extends Omit<StartOptions, 'port' | 'urls'> {
  /** Services listen on consecutive ports from here; 0 (default) = free ports. */
  readonly basePort?: number;
}

/**
 * Every service in one process: one database (a schema per service), one bus, each service on
 * its own port, and `calls` wired to the in-process ports.
 */
export async function startPlatform(modules: readonly ServiceModule[], options: PlatformOptions = {}): Promise<Platform> {
  const env = options.env ?? {};
  const logger = options.logger ?? loggerFrom(env);
  const db = options.db ?? (await databaseFrom(env, logger));
  const bus = options.bus ?? busFrom(env, modules[0]?.platform ?? 'platform', logger);
  const running = new Map<string, RunningService>();
  const urls: Record<string, string> = {};
  const host = options.host ?? '127.0.0.1';

  // Each service listens where the system puts it (port 0: no race for a free port) unless a base
  // port is given; the others' clients look its URL up at each call.
  const byName = new Map(modules.map((m) => [m.name, m]));
  const start = async (m: ServiceModule) => {
    const index = modules.indexOf(m);
    const port = options.basePort && options.basePort > 0 ? options.basePort + index : 0;
    const s = await startService(m, { ...options, env, db, bus, logger, port, host, urls });
    urls[m.name] = s.url;
    running.set(m.name, s);
    return s;
  };
  for (const m of modules) await start(m);

  const platform: Platform = {
    db,
    bus,
    services: running,
    service(name) {
      const s = running.get(name);
      if (!s) throw new Error(`service ${name} is not running`);
      return s;
    },
    async stopService(name) {
      const s = running.get(name);
      if (!s) return;
      running.delete(name);
      await s.stop();
    },
    async startService(name) {
      const m = byName.get(name);
      if (!m) throw new Error(`unknown service ${name}`);
      if (running.has(name)) return running.get(name)!;
      return start(m);
    },
    token(o) {
      const secret = env['AUTH_DEV_SECRET'] ?? process.env['AUTH_DEV_SECRET'];
      return devToken({ ...o, actors: modules[0]?.actors ?? [], secret });
    },
    async settle() {
      // Until a whole round publishes nothing and nothing is pending or under way: a consumer
      // that ran during a round may have committed new events behind the round's back.
      for (let round = 0; round < 100; round++) {
        let published = 0;
        for (const s of running.values()) published += await s.runtime.flush();
        if (bus instanceof MemoryBus) await bus.drain();
        let pending = 0;
        for (const s of running.values()) pending += (await s.runtime.relay.pending()) + (s.runtime.relay.busy ? 1 : 0);
        if (bus instanceof MemoryBus) pending += bus.backlog();
        if (published === 0 && pending === 0) return;
      }
      throw new Error('the platform did not settle after 100 rounds');
    },
    async stop() {
      for (const name of [...running.keys()].reverse()) await platform.stopService(name);
      if (!options.bus) await bus.close();
      if (!options.db) await db.close();
    },
  };
  return platform;
}
