/**
 * The service runtime: runs one generated service on a database and a bus. Commands load their
 * aggregate, decide, and commit the new state with their events in the outbox in one
 * transaction; policies, projections and compensations consume through the consumer runner
 * (inbox, retries, DLQ); the relay publishes after commit; the reprocessor replays DLQ records.
 */
import { randomUUID } from 'node:crypto';
import type { Bus, Subscription } from './bus.ts';
import { BeforeCalls, makeAfterCalls } from './calls.ts';
import { EffectList, processRecord, recordHandler, type ConsumerDeps, type ConsumerSpec, type ProcessResult, type UnitOfWork } from './consumer.ts';
import { ident, type Db, type Sql } from './db.ts';
import type {
  CommandDef,
  CommandHandler,
  CompensationDef,
  Decision,
  EventDef,
  PolicyDef,
  ProjectionDef,
  ServiceDefinition,
} from './definitions.ts';
import { DLQ_HEADERS, originalOf, resolutionRecord, type Resolution } from './dlq.ts';
import { createEvent, toRecord, type BusRecord, type CloudEvent } from './envelope.ts';
import type { ServiceClient } from './http-client.ts';
import { createLogger, type Logger } from './logger.ts';
import { Metrics, renderGauge } from './metrics.ts';
import { Orchestrator } from './orchestrator.ts';
import { SchemaValidators } from './validation.ts';
import { OutboxRelay } from './outbox.ts';
import { aggregateDdl, appendOutbox, claimCommandKey, executedCommand, migrate, readModelDdl } from './store.ts';

export interface RuntimeOptions {
  readonly db: Db;
  readonly bus: Bus;
  readonly logger?: Logger;
  /** Delay before a DLQ record of a saga step is compensated, leaving time to replay it. */
  readonly compensationDelayMs?: number;
  /** Clients of other services, by service name: the model's calls (ServiceDefinition.calls) and orchestration. */
  readonly clients?: Readonly<Record<string, ServiceClient>>;
  /** What command handlers get as `ctx.clients`: the typed clients of the called commands (host.ts, commandClients). */
  readonly commandClients?: Readonly<Record<string, unknown>>;
  /** Every saga step's deadline, overriding the model's (SAGA_STEP_TIMEOUT_MS). */
  readonly sagaStepTimeoutMs?: number | undefined;
  /** How often the orchestrator sweeps for due steps and unsent commands. Default 1 s. */
  readonly sagaSweepIntervalMs?: number | undefined;
  /**
   * Let default handlers fill in placeholders for required fields nothing provided (logged)
   * instead of refusing the command: MSA_DEV_PLACEHOLDERS=1, for tests and `npm run dev` only.
   */
  readonly devPlaceholders?: boolean;
  /** Start the outbox relay (tests switch it off to simulate a crash before publishing). */
  readonly relay?: boolean;
  readonly relayIntervalMs?: number;
}

export interface ExecuteOptions {
  /** The event that caused this command (policy, compensation). */
  readonly cause?: CloudEvent;
  readonly correlationId?: string | undefined;
  /** Commit through this unit of work (a consumed record's: with its inbox row) instead of alone. */
  readonly unit?: UnitOfWork;
  /**
   * Run the command at most once under this key (a saga step's, a compensation's, an HTTP
   * Idempotency-Key): the key is claimed in the command's own transaction, and a repeat returns
   * the first execution's result without deciding again.
   */
  readonly idempotencyKey?: string | undefined;
}

/** The aggregate changed between reading it and committing: decide again. */
class VersionConflict extends Error {
  override readonly name = 'VersionConflict';
}

/** Another execution claimed the command's idempotency key first: this one rolls back. */
class AlreadyExecuted extends Error {
  override readonly name = 'AlreadyExecuted';
}

export interface ExecuteResult {
  readonly key: string;
  readonly state: Readonly<Record<string, unknown>> | null;
  readonly events: readonly CloudEvent[];
}

export interface DlqEntry {
  readonly recordId: string;
  readonly dlqTopic: string;
  readonly originalTopic: string;
  readonly consumerGroup: string;
  readonly key: string;
  readonly exceptionType: string;
  readonly exceptionMessage: string;
  readonly attempts: number;
  readonly status: 'pending' | 'replayed' | 'compensated';
}

export class CommandError extends Error {
  override readonly name: string = 'CommandError';
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.status = status;
  }
}

/**
 * A default handler had no value for a field its event requires (CommandContext.placeholder): the
 * command needs business logic in the user-owned handler. A 422 over HTTP (a 4xx: callers and
 * their circuit breakers do not retry it); a policy's or compensation's command that throws it is
 * retried like any failure, then dead-lettered.
 */
export class MissingValueError extends CommandError {
  override readonly name = 'MissingValueError';
  readonly command: string;
  readonly field: string;
  constructor(command: string, aggregate: string, field: string) {
    super(`no value for ${field}: implement ${command} in src/domain/${aggregate}.ts`, 422);
    this.command = command;
    this.field = field;
  }
}

export class ServiceRuntime {
  readonly definition: ServiceDefinition;
  readonly db: Db;
  readonly bus: Bus;
  readonly logger: Logger;
  readonly metrics = new Metrics();
  readonly relay: OutboxRelay;
  private readonly options: RuntimeOptions;
  private readonly subscriptions: Subscription[] = [];
  private readonly consumers = new Map<string, ConsumerSpec>();
  private readonly cache = new Map<string, Map<string, Record<string, unknown>>>();
  private orchestrator: Orchestrator | undefined;
  private readonly validators = new SchemaValidators();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private readonly instanceId = randomUUID().slice(0, 8);
  private readonly overrides = new Map<string, CommandHandler>();
  /** `command.field` of the placeholders already logged (MSA_DEV_PLACEHOLDERS=1). */
  private readonly placeholdersLogged = new Set<string>();

  constructor(definition: ServiceDefinition, options: RuntimeOptions) {
    this.definition = definition;
    this.options = options;
    this.db = options.db;
    this.bus = options.bus;
    this.logger = (options.logger ?? createLogger({ pii: definition.pii })).child({ service: definition.name });
    this.relay = new OutboxRelay({
      db: this.db,
      schema: definition.schema,
      bus: this.bus,
      metrics: this.metrics,
      logger: this.logger,
      intervalMs: options.relayIntervalMs,
    });
    this.metrics.describe('msa_consumer_attempts_total', 'Handler attempts, retries included.');
    this.metrics.describe('msa_consumer_duplicate_total', 'Records dropped by the inbox or the business key (already processed).');
    this.metrics.describe('msa_dlq_records_total', 'Records sent to a dead-letter topic after the last attempt.');
    this.metrics.describe('msa_outbox_published_total', 'Events published by the outbox relay.');
    this.metrics.describe('msa_commands_total', 'Commands executed.');
    this.metrics.describe('msa_commands_suppressed_total', 'Commands not executed again: their idempotency key had run.');
  }

  private get schema(): string {
    return this.definition.schema;
  }

  private consumerDeps(): ConsumerDeps {
    return {
      db: this.db,
      schema: this.schema,
      publishDlq: (record) => this.bus.publish([record]),
      dlqTopicOf: (topic) => this.dlqTopicOf(topic),
      afterCommit: () => this.relay.kick(),
      metrics: this.metrics,
      logger: this.logger,
    };
  }

  private dlqTopicOf(topic: string): string {
    const event = Object.values(this.definition.events).find((e) => e.topic === topic);
    return event ? event.dlqTopic : `${topic}.DLQ`;
  }

  /** Creates the tables, starts the relay and every consumer. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const tables =
      this.definition.aggregates.map((a) => aggregateDdl(this.schema, a.table)).join('') +
      this.definition.projections
        .filter((p) => p.store === 'database')
        .map((p) => readModelDdl(this.schema, p.table))
        .join('');
    await migrate(this.db, this.schema, tables);
    // Compensations a crash interrupted run again (commands are idempotent per aggregate version).
    await this.db.query(`UPDATE ${ident(this.schema)}.saga_compensations SET status = 'scheduled' WHERE status = 'running'`);
    if (this.options.relay !== false) this.relay.start();
    for (const p of this.definition.policies) await this.consume(this.policyConsumer(p));
    for (const p of this.definition.projections) await this.consume(this.projectionConsumer(p));
    for (const c of this.definition.compensations) {
      if (c.trigger.kind === 'event') await this.consume(this.compensationConsumer(c, c.trigger.event));
    }
    if (this.definition.orchestrations.length > 0) {
      this.orchestrator = new Orchestrator(this, this.options.clients ?? {}, this.definition.orchestrations, {
        stepTimeoutMs: this.options.sagaStepTimeoutMs,
        sweepIntervalMs: this.options.sagaSweepIntervalMs,
      });
      for (const o of this.definition.orchestrations) await this.consume(this.orchestrator.consumer(o));
      await this.orchestrator.start(); // re-sends steps a crash left unsent, fails steps past their deadline
    }
    await this.listenToResolutions();
    if (this.definition.compensations.some((c) => c.trigger.kind === 'dlq')) {
      const tick = () => {
        void this.runDueCompensations().finally(() => {
          if (!this.started) return;
          this.timer = setTimeout(tick, Math.max(20, Math.min(250, this.options.compensationDelayMs ?? 0)));
          this.timer.unref?.();
        });
      };
      tick();
    }
    this.logger.info('service started', { bus: this.bus.kind, db: this.db.kind });
  }

  private async consume(spec: ConsumerSpec): Promise<void> {
    this.consumers.set(spec.group, spec);
    this.subscriptions.push(await this.bus.subscribe(spec.group, spec.topics, recordHandler(spec, this.consumerDeps())));
  }

  /** Stops consuming and publishing; the database and bus stay open (they may be shared). */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    await this.compensationRuns; // a run under way finishes before the database may close
    await this.orchestrator?.stop();
    for (const s of this.subscriptions.splice(0)) await s.close();
    await this.relay.stop();
    this.logger.info('service stopped');
  }

  /** One pass of the saga sweeper now (`startUp`: as at start-up, every unsent step and interrupted compensation). */
  async sweepSagas(startUp = false): Promise<void> {
    await this.orchestrator?.sweep(startUp);
  }

  /** An orchestrated saga instance with its history; undefined when unknown. */
  async sagaInstance(saga: string, id: string): Promise<Record<string, unknown> | undefined> {
    return this.orchestrator?.instance(saga, id);
  }

  /** /metrics: the counters, and the orchestrated sagas by status with the age of the oldest running one. */
  async renderMetrics(): Promise<string> {
    const stats = (await this.orchestrator?.statistics()) ?? [];
    return (
      this.metrics.render() +
      renderGauge('msa_sagas', 'Orchestrated saga instances by status.', stats.map((s) => ({ labels: { saga: s.saga, status: s.status }, value: s.count }))) +
      renderGauge(
        'msa_saga_oldest_running_seconds',
        'Age of the oldest running saga instance.',
        stats.flatMap((s) => (s.oldestRunningSeconds === undefined ? [] : [{ labels: { saga: s.saga }, value: Number(s.oldestRunningSeconds.toFixed(3)) }])),
      )
    );
  }

  // ---------------------------------------------------------------- commands

  commandDef(name: string): CommandDef {
    const def = this.definition.commands[name];
    if (!def) throw new CommandError(`unknown command ${name}`, 404);
    return def;
  }

  /** Problems of a command's input against its JSON schema; empty when valid. */
  validateCommand(name: string, input: unknown): string[] {
    return this.validators.check(name, this.commandDef(name).schema, input);
  }

  private eventDef(name: string): EventDef {
    const def = this.definition.events[name];
    if (!def) throw new Error(`service ${this.definition.name} does not know event ${name}`);
    return def;
  }

  /**
   * Runs a command. Its `before` calls (the model's `calls`, calls.ts) and then the handler run
   * OUTSIDE any transaction; the handler gets the calls' replies as ctx.calls. Its `after` calls
   * follow the decision. Then one transaction writes the new state and the events (outbox),
   * provided the aggregate still has the version the handler saw (optimistic concurrency: on a
   * conflict it decides again). A failed call refuses the command before anything is written. No
   * transaction ever waits on the network.
   */
  async execute(name: string, input: Readonly<Record<string, unknown>>, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    const def = this.commandDef(name);
    const handler = this.overrides.get(name) ?? this.definition.handlers[name];
    if (!handler) throw new Error(`no handler for command ${name}`);
    const aggregate = this.definition.aggregates.find((a) => a.name === def.aggregate);
    if (!aggregate) throw new Error(`unknown aggregate ${def.aggregate}`);
    const problems = this.validateCommand(name, input);
    if (problems.length > 0) throw new CommandError(problems.join('; '), 400);
    const rawKey = input[def.key];
    const missing = rawKey === undefined || rawKey === null || rawKey === '';
    if (missing && !def.generateKey) throw new CommandError(`${name} needs "${def.key}"`);
    const key = missing ? randomUUID() : String(rawKey);
    const correlationId = options.correlationId ?? options.cause?.correlationid ?? key;
    const table = `${ident(this.schema)}.${ident(aggregate.table)}`;
    // Keys are scoped by command: the same key sent with another command is another execution.
    const idempotencyKey = options.idempotencyKey === undefined ? undefined : `${name}:${options.idempotencyKey}`;
    if (idempotencyKey !== undefined) {
      const done = await executedCommand<ExecuteResult>(this.db, this.schema, idempotencyKey);
      if (done) return this.suppressed(name, idempotencyKey, done);
    }

    const callDefs = this.definition.calls?.[name] ?? [];
    // One execution however often it decides again: the key its `after` calls carry.
    const execution = `${this.definition.name}/${name}/${key}/${options.idempotencyKey ?? randomUUID()}`;
    const beforeCalls = new BeforeCalls(callDefs, this.options.clients ?? {});
    const placeholder = <T>(field: string, value: T): T => this.placeholder(def, field, value);
    for (let attempt = 1; ; attempt++) {
      const current = await this.db.query<{ state: Record<string, unknown>; version: number }>(
        `SELECT state, version FROM ${table} WHERE id = $1`,
        [key],
      );
      const row = current.rows[0];
      const version = row?.version ?? 0;
      const effects = new EffectList();
      const now = new Date();
      const calls = await beforeCalls.make({ ...row?.state, ...input }, { key, now, placeholder });
      // The service's own handler, called directly (`this`: the handlers object).
      const decision: Decision = await handler.call(this.definition.handlers, input, {
        key,
        state: row?.state,
        correlationId,
        cause: options.cause,
        now,
        afterCommit: (effect) => (options.unit ?? effects).afterCommit(effect),
        calls,
        clients: this.options.commandClients ?? {},
        placeholder,
      });
      await makeAfterCalls(name, callDefs, this.options.clients ?? {}, decision, execution);
      const events = this.eventsOf(name, def, decision, key, correlationId);
      const state = decision.state === undefined ? (row?.state ?? null) : decision.state;
      const result: ExecuteResult = { key, state, events: events.map((e) => e.event) };
      const write = async (tx: Sql) => {
        if (idempotencyKey !== undefined && !(await claimCommandKey(tx, this.schema, idempotencyKey, name, result))) throw new AlreadyExecuted();
        if (decision.state === null) {
          const r = await tx.query(`DELETE FROM ${table} WHERE id = $1 AND version = $2 RETURNING id`, [key, version]);
          if (row && r.rows.length === 0) throw new VersionConflict();
        } else if (decision.state !== undefined) {
          const r = await tx.query(
            `INSERT INTO ${table} (id, state, version, updated_at) VALUES ($1, $2::jsonb, $3, now())
             ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version, updated_at = now()
             WHERE ${table}.version = $4 RETURNING version`,
            [key, JSON.stringify(decision.state), version + 1, version],
          );
          if (r.rows.length === 0) throw new VersionConflict();
        } else if (row) {
          const r = await tx.query(`SELECT version FROM ${table} WHERE id = $1 FOR UPDATE`, [key]);
          if ((r.rows[0] as { version?: number } | undefined)?.version !== version) throw new VersionConflict();
        }
        await appendOutbox(
          tx,
          this.schema,
          events.map(({ event, def: ev }) => ({ event, topic: ev.topic, aggregateType: def.aggregate, headers: toRecord(ev.topic, event).headers })),
        );
      };
      try {
        if (options.unit) await options.unit.commit(write);
        else await this.db.transaction(write);
      } catch (error) {
        if (error instanceof VersionConflict && !options.unit && attempt < 5) continue;
        if (error instanceof AlreadyExecuted && idempotencyKey !== undefined) {
          const done = await executedCommand<ExecuteResult>(this.db, this.schema, idempotencyKey);
          if (done) return this.suppressed(name, idempotencyKey, done);
        }
        throw error;
      }
      this.metrics.inc('msa_commands_total', { command: name });
      if (!options.unit) {
        this.relay.kick();
        await effects.run(); // a failed call after commit reaches the caller (HTTP 503)
      }
      return result;
    }
  }

  /** See CommandContext.placeholder: refuse, or (devPlaceholders) fill in and warn once. */
  private placeholder<T>(def: CommandDef, field: string, value: T): T {
    if (!this.options.devPlaceholders) throw new MissingValueError(def.name, def.aggregate, field);
    const id = `${def.name}.${field}`;
    if (!this.placeholdersLogged.has(id)) {
      this.placeholdersLogged.add(id);
      this.logger.warn(`placeholder for ${field} (MSA_DEV_PLACEHOLDERS=1): implement ${def.name} in src/domain/${def.aggregate}.ts`, {
        command: def.name,
        field,
        value,
      });
    }
    return value;
  }

  /** A repeat of a command already executed under `idempotencyKey`: its first result, nothing run. */
  private suppressed(name: string, idempotencyKey: string, first: ExecuteResult): ExecuteResult {
    this.metrics.inc('msa_commands_suppressed_total', { command: name });
    this.logger.info('command already executed under this idempotency key', { command: name, idempotencyKey });
    return first;
  }

  /** The CloudEvents a decision emits, checked against the command's `emits` and each event's schema. */
  private eventsOf(name: string, def: CommandDef, decision: Decision, key: string, correlationId: string): Array<{ event: CloudEvent; def: EventDef }> {
    const out: Array<{ event: CloudEvent; def: EventDef }> = [];
    for (const e of decision.events ?? []) {
      if (!def.emits.includes(e.event)) throw new Error(`${name} may not emit ${e.event} (it emits ${def.emits.join(', ')})`);
      const ev = this.eventDef(e.event);
      if (!ev.schema || ev.key === undefined || ev.stage === undefined) {
        throw new Error(`${name} emitted ${ev.name}, which ${this.definition.name} only consumes (it knows no schema, key or stage of it)`);
      }
      const invalid = this.validators.check(ev.name, ev.schema, e.data);
      if (invalid.length > 0) throw new Error(`${name} emitted an invalid ${ev.name}: ${invalid.join('; ')}`);
      const subject = e.data[ev.key];
      const event = createEvent({
        source: this.definition.source,
        type: ev.type,
        subject: subject === undefined || subject === null ? key : String(subject),
        correlationid: correlationId,
        processingstage: ev.stage,
        data: e.data,
      });
      out.push({ event, def: ev });
    }
    return out;
  }

  async exists(aggregate: string, key: string): Promise<boolean> {
    const def = this.definition.aggregates.find((a) => a.name === aggregate);
    if (!def) throw new Error(`unknown aggregate ${aggregate}`);
    const r = await this.db.query(`SELECT 1 FROM ${ident(this.schema)}.${ident(def.table)} WHERE id = $1`, [key]);
    return r.rows.length > 0;
  }

  async load(aggregate: string, key: string): Promise<Record<string, unknown> | undefined> {
    const def = this.definition.aggregates.find((a) => a.name === aggregate);
    if (!def) throw new Error(`unknown aggregate ${aggregate}`);
    const r = await this.db.query<{ state: Record<string, unknown> }>(
      `SELECT state FROM ${ident(this.schema)}.${ident(def.table)} WHERE id = $1`,
      [key],
    );
    return r.rows[0]?.state;
  }

  // ---------------------------------------------------------------- policies

  private policyConsumer(p: PolicyDef): ConsumerSpec {
    const field = p.idempotencyKey;
    return {
      group: p.group,
      topics: [p.on.topic],
      retry: p.retry,
      dlq: p.dlq,
      idempotencyKey: field
        ? (event) => {
            const v = (event.data as Record<string, unknown> | null)?.[field];
            return v === undefined || v === null ? undefined : String(v);
          }
        : undefined,
      handle: async (event, unit) => {
        if (event.type !== p.on.type) return 'skipped';
        if (p.shouldHandle && !(await p.shouldHandle(event, { exists: (a, k) => this.exists(a, k) }))) {
          this.metrics.inc('msa_business_check_skipped_total', { policy: p.name });
          return 'skipped';
        }
        // A policy that issues a saga's compensation shares its once-per-instance key (see compensationKey).
        await this.execute(p.then, p.toCommand(event), { cause: event, unit, idempotencyKey: this.compensationKey(p.then, event.correlationid) });
        return 'done';
      },
    };
  }

  // ---------------------------------------------------------------- read models

  private projectionConsumer(p: ProjectionDef): ConsumerSpec {
    const byType = new Map(p.from.map((e) => [e.type, e]));
    return {
      // A cache lives in this process: it reads every topic from the start under a group of its own.
      group: p.store === 'cache' ? `${p.group}.${this.instanceId}` : p.group,
      topics: p.from.map((e) => e.topic),
      retry: p.retry,
      dlq: true,
      handle: async (event, unit) => {
        const def = byType.get(event.type);
        if (!def) return 'skipped';
        const data = (event.data ?? {}) as Record<string, unknown>;
        const key = data[p.key];
        if (key === undefined || key === null) throw new Error(`${def.name} has no ${p.key} for read model ${p.name}`);
        const picked: Record<string, unknown> = {};
        for (const f of p.fields) if (f in data) picked[f] = data[f];
        const status = p.status[def.name] ?? def.name;
        if (p.store === 'cache') {
          await unit.commit(async () => undefined);
          const rows = this.cache.get(p.name) ?? new Map<string, Record<string, unknown>>();
          this.cache.set(p.name, rows);
          const prev = rows.get(String(key)) ?? {};
          rows.set(String(key), { ...prev, ...picked, status, lastEvent: def.name, updatedAt: event.time });
          return 'done';
        }
        const table = `${ident(this.schema)}.${ident(p.table)}`;
        await unit.commit((tx) => tx.query(
          `INSERT INTO ${table} (id, data, status, last_event, updated_at) VALUES ($1, $2::jsonb, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET data = ${table}.data || EXCLUDED.data, status = EXCLUDED.status,
             last_event = EXCLUDED.last_event, updated_at = EXCLUDED.updated_at`,
          [String(key), JSON.stringify(picked), status, def.name, event.time],
        ));
        return 'done';
      },
    };
  }

  /** A read model's entry by key: its fields, `status`, `lastEvent` and `updatedAt`. */
  async lookup(readModel: string, key: string): Promise<Record<string, unknown> | undefined> {
    const p = this.definition.projections.find((x) => x.name === readModel);
    if (!p) throw new Error(`unknown read model ${readModel}`);
    if (p.store === 'cache') return this.cache.get(p.name)?.get(key);
    const r = await this.db.query<{ data: Record<string, unknown>; status: string; last_event: string; updated_at: string | Date }>(
      `SELECT data, status, last_event, updated_at FROM ${ident(this.schema)}.${ident(p.table)} WHERE id = $1`,
      [key],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    const updatedAt = row.updated_at instanceof Date ? row.updated_at.toISOString() : String(row.updated_at);
    return { ...row.data, status: row.status, lastEvent: row.last_event, updatedAt };
  }

  // ---------------------------------------------------------------- sagas

  /**
   * The idempotency key of a command that compensates a saga step of this service, for one saga
   * instance (its correlation id): `<saga>/<instance>/compensate`, scoped to the command. Every
   * path that runs it (a failure event, a DLQ record's grace timer, a policy on the compensated
   * step's own undo event) claims the same key in the command's transaction, so it runs once per
   * instance. Undefined for a command that compensates nothing.
   */
  private compensationKey(command: string, correlationId: string): string | undefined {
    const c = this.definition.compensations.find((x) => x.command === command);
    return c ? `${c.saga}/${correlationId}/compensate` : undefined;
  }

  /** A failure event of a later step: compensate this service's step at once. */
  private compensationConsumer(c: CompensationDef, trigger: EventDef): ConsumerSpec {
    return {
      group: c.group,
      topics: [trigger.topic],
      retry: c.retry,
      dlq: true,
      handle: async (event, unit) => {
        if (event.type !== trigger.type) return 'skipped';
        const data = (event.data ?? {}) as Record<string, unknown>;
        await this.execute(c.command, c.toCommand(data, event.correlationid), { cause: event, unit, idempotencyKey: this.compensationKey(c.command, event.correlationid) });
        this.metrics.inc('msa_compensations_total', { saga: c.saga, command: c.command });
        return 'done';
      },
    };
  }

  /**
   * One raw subscription to the DLQ topics this service writes to or compensates from: failure
   * records of a saga step schedule its compensation after the grace period; resolution records
   * (replayed, compensated) update the DLQ index and cancel a scheduled compensation.
   */
  private async listenToResolutions(): Promise<void> {
    // Every DLQ topic this service writes to or compensates from.
    const topics = new Set<string>();
    for (const p of this.definition.policies) if (p.dlq) topics.add(p.on.dlqTopic);
    for (const p of this.definition.projections) for (const e of p.from) topics.add(e.dlqTopic);
    const dlqTriggers = this.definition.compensations.filter(
      (c): c is CompensationDef & { trigger: { kind: 'dlq'; topic: string; failedGroups: readonly string[] } } => c.trigger.kind === 'dlq',
    );
    for (const c of dlqTriggers) topics.add(c.trigger.topic);
    if (topics.size === 0) return;
    const group = `${this.definition.platform}.${this.definition.name}.dlq`;
    const delay = this.options.compensationDelayMs ?? 0;
    this.subscriptions.push(
      await this.bus.subscribe(group, [...topics].sort(), async (record) => {
        const h = record.headers;
        const recordId = h[DLQ_HEADERS.recordId];
        if (!recordId) return;
        const resolution = h[DLQ_HEADERS.resolution] as Resolution | undefined;
        const s = ident(this.schema);
        if (resolution) {
          await this.db.query(
            `UPDATE ${s}.dlq_records SET status = $2, resolved_at = now() WHERE record_id = $1 AND status = 'pending'`,
            [recordId, resolution],
          );
          if (resolution === 'replayed') {
            await this.db.query(
              `UPDATE ${s}.saga_compensations SET status = 'cancelled', updated_at = now() WHERE record_id = $1 AND status = 'scheduled'`,
              [recordId],
            );
          }
          return;
        }
        const failedGroup = h[DLQ_HEADERS.consumerGroup] ?? '';
        for (const c of dlqTriggers) {
          if (c.trigger.topic !== record.topic || !c.trigger.failedGroups.includes(failedGroup)) continue;
          const original = originalOf(record);
          let data: Record<string, unknown> = {};
          try {
            data = JSON.parse(original.value) as Record<string, unknown>;
          } catch {
            data = {};
          }
          const correlationId = original.headers['ce_correlationid'] ?? record.key;
          await this.db.query(
            `INSERT INTO ${s}.saga_compensations (record_id, saga, compensation, payload, correlation_id, dlq_topic, due_at)
             VALUES ($1, $2, $3, $4::jsonb, $5, $6, now() + ($7 || ' milliseconds')::interval)
             ON CONFLICT (record_id) DO NOTHING`,
            [recordId, c.saga, c.name, JSON.stringify(data), correlationId, record.topic, String(delay)],
          );
          this.logger.warn('saga step failed; compensation scheduled', { saga: c.saga, compensation: c.command, recordId, delayMs: delay });
        }
      }),
    );
  }

  /** Runs of the due compensations, one after the other (the timer's and a caller's never overlap). */
  private compensationRuns: Promise<unknown> = Promise.resolve();

  /**
   * Runs the compensations whose grace period has passed (unless their record was replayed),
   * after any run already under way: when it resolves, every compensation due by then has run.
   */
  runDueCompensations(): Promise<number> {
    const run = this.compensationRuns.then(() => this.runDueCompensationsNow());
    this.compensationRuns = run.catch(() => undefined);
    return run;
  }

  private async runDueCompensationsNow(): Promise<number> {
    const s = ident(this.schema);
    let done = 0;
    for (;;) {
      const claimed = await this.db.query<{ record_id: string; compensation: string; payload: Record<string, unknown>; correlation_id: string; dlq_topic: string }>(
        `UPDATE ${s}.saga_compensations SET status = 'running', updated_at = now()
         WHERE record_id = (SELECT record_id FROM ${s}.saga_compensations WHERE status = 'scheduled' AND due_at <= now()
                            ORDER BY due_at, record_id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING record_id, compensation, payload, correlation_id, dlq_topic`,
      );
      const row = claimed.rows[0];
      if (!row) return done;
      const c = this.definition.compensations.find((x) => x.name === row.compensation);
      let status = 'done';
      try {
        if (!c) throw new Error(`unknown compensation ${row.compensation}`);
        await this.execute(c.command, c.toCommand(row.payload, row.correlation_id), {
          correlationId: row.correlation_id,
          idempotencyKey: this.compensationKey(c.command, row.correlation_id),
        });
        this.metrics.inc('msa_compensations_total', { saga: c.saga, command: c.command });
      } catch (error) {
        status = 'failed';
        this.metrics.inc('msa_compensation_failures_total', { compensation: row.compensation });
        this.logger.error('compensation failed; an operator must resolve it', {
          compensation: row.compensation,
          recordId: row.record_id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await this.db.query(`UPDATE ${s}.saga_compensations SET status = $2, updated_at = now() WHERE record_id = $1`, [row.record_id, status]);
      if (status === 'done') {
        done++;
        await this.bus.publish([resolutionRecord(row.dlq_topic, row.correlation_id, row.record_id, 'compensated')]);
      }
    }
  }

  // ---------------------------------------------------------------- DLQ reprocessor

  async dlqRecords(status?: DlqEntry['status']): Promise<DlqEntry[]> {
    const r = await this.db.query<{
      record_id: string;
      dlq_topic: string;
      original_topic: string;
      consumer_group: string;
      record_key: string;
      exception_type: string;
      exception_message: string;
      attempts: number;
      status: DlqEntry['status'];
    }>(
      `SELECT record_id, dlq_topic, original_topic, consumer_group, record_key, exception_type, exception_message, attempts, status
       FROM ${ident(this.schema)}.dlq_records ${status ? 'WHERE status = $1' : ''} ORDER BY created_at, record_id`,
      status ? [status] : [],
    );
    return r.rows.map((x) => ({
      recordId: x.record_id,
      dlqTopic: x.dlq_topic,
      originalTopic: x.original_topic,
      consumerGroup: x.consumer_group,
      key: x.record_key,
      exceptionType: x.exception_type,
      exceptionMessage: x.exception_message,
      attempts: x.attempts,
      status: x.status,
    }));
  }

  /**
   * Replays a DLQ record to the consumer group that failed it, through the same runner (inbox,
   * retries). On success the record is marked replayed and a resolution record tells the saga
   * not to compensate it. A record whose saga already compensated it is not replayed.
   */
  async replay(recordId: string): Promise<ProcessResult> {
    const s = ident(this.schema);
    const r = await this.db.query<{ dlq_topic: string; record_key: string; record_value: string; headers: Record<string, string>; consumer_group: string; status: string }>(
      `SELECT dlq_topic, record_key, record_value, headers, consumer_group, status FROM ${s}.dlq_records WHERE record_id = $1`,
      [recordId],
    );
    const row = r.rows[0];
    if (!row) throw new CommandError(`no DLQ record ${recordId}`, 404);
    if (row.status !== 'pending') throw new CommandError(`DLQ record ${recordId} is already ${row.status}`, 409);
    const spec = this.consumers.get(row.consumer_group);
    if (!spec) throw new CommandError(`consumer group ${row.consumer_group} does not run in ${this.definition.name}`, 409);
    const dlq: BusRecord = { topic: row.dlq_topic, key: row.record_key, value: row.record_value, headers: row.headers };
    const result = await processRecord(spec, this.consumerDeps(), originalOf(dlq), 'replay');
    this.metrics.inc('msa_dlq_replays_total', { group: row.consumer_group, outcome: result.outcome });
    if (result.outcome === 'failed') {
      await this.db.query(`UPDATE ${s}.dlq_records SET attempts = attempts + $2, exception_message = $3 WHERE record_id = $1`, [
        recordId,
        result.attempts,
        result.error instanceof Error ? result.error.message : String(result.error),
      ]);
      return result;
    }
    await this.db.query(`UPDATE ${s}.dlq_records SET status = 'replayed', resolved_at = now() WHERE record_id = $1`, [recordId]);
    await this.bus.publish([resolutionRecord(row.dlq_topic, row.record_key, recordId, 'replayed')]);
    return result;
  }

  // ---------------------------------------------------------------- helpers for tests and ops

  /**
   * Wraps a command's handler (fault injection in tests: "issuance throws for one
   * application"); returns a function that restores the original.
   */
  overrideHandler(command: string, wrap: (original: CommandHandler) => CommandHandler): () => void {
    const handlers = this.definition.handlers;
    const original = handlers[command];
    if (!original) throw new Error(`no handler for command ${command}`);
    this.overrides.set(command, wrap((input, ctx) => original.call(handlers, input, ctx)));
    return () => this.overrides.delete(command);
  }

  /** Publishes every committed event, in-flight publishes included; returns how many (tests, settle). */
  flush(): Promise<number> {
    return this.relay.settle();
  }
}
