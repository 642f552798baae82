/**
 * What a generated service declares about itself: its events, commands, aggregates, policies,
 * read models and saga compensations. The generated code builds one ServiceDefinition; the
 * runtime (service.ts) does the rest.
 */
import type { CloudEvent } from './envelope.ts';
import type { RetryPolicy } from './retry.ts';

/** A JSON Schema object (draft 2020-12 subset used by the generator). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * An event as a service knows it. The events it emits carry everything the runtime needs to
 * write them: key field, processing stage, failure flag and JSON schema. A service's view of an
 * event it only consumes (policies, read models, saga triggers) names its CloudEvents type and
 * topics: its producer checked every event against the schema when it emitted it.
 */
export interface EventDef {
  readonly name: string;
  /** CloudEvents type: `<prefix>.<Event>.v<version>`. */
  readonly type: string;
  /** The Kafka topic it is published to. */
  readonly topic: string;
  /**
   * Its dead-letter topic: where a consumer puts a record it still fails on after its retries, for
   * an operator to replay (POST /admin/dlq/:recordId/replay).
   */
  readonly dlqTopic: string;
  /** The field holding the aggregate key (record key and CloudEvents subject). */
  readonly key?: string;
  /** Processing stage written into every event of this type, e.g. `issuance.GeneralDocumentIssued`. */
  readonly stage?: string;
  /** Does this event report a failed step (saga compensation listens to it)? */
  readonly failure?: boolean;
  /** Its JSON schema: every event a service emits is checked against it before it is written. */
  readonly schema?: JsonSchema;
}

export interface CommandDef {
  readonly name: string;
  readonly aggregate: string;
  /** The field of the command holding the aggregate key. */
  readonly key: string;
  /**
   * The command does not carry the key (it creates the aggregate, e.g. a submission): the
   * runtime assigns a new UUID and hands it to the handler as `ctx.key`.
   */
  readonly generateKey?: boolean;
  readonly emits: readonly string[];
  readonly schema: JsonSchema;
}

export interface AggregateDef {
  readonly name: string;
  readonly table: string;
  readonly key: string;
}

/**
 * A change a command handler decides on: the new state (null deletes) and the events to publish;
 * with them, the input of each of the command's `after` calls (CallDef), by name.
 */
export interface Decision {
  readonly state?: Readonly<Record<string, unknown>> | null;
  readonly events?: ReadonlyArray<{ readonly event: string; readonly data: Readonly<Record<string, unknown>> }>;
  readonly calls?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * A synchronous call the model declares for a command (`calls`): the runtime makes it, around the
 * handler and outside any transaction, through the called service's client (timeout per attempt,
 * retries, circuit breaker), so a handler replacing the default cannot drop it. A call that fails
 * refuses the command before anything is written: 503 over HTTP when the service is unavailable
 * (down, too slow, its breaker open), 502 when it rejected the input; from an event, retries and
 * then the DLQ.
 */
export interface CallDef {
  /** Its member of `ctx.calls` (before) or of the decision's `calls` (after): the called command, camelCase. */
  readonly name: string;
  /** The called service, whose client (ServiceRuntimeOptions.clients) makes the call. */
  readonly service: string;
  readonly command: string;
  readonly method: string;
  readonly path: string;
  /**
   * before: before the handler decides, with `input` built from the command over the state; the
   * reply is `ctx.calls.<name>`. after: once the handler decided and before its transaction, with
   * the input the decision gives as `calls.<name>` (a decision that changes something without it
   * is refused: the call cannot be dropped).
   */
  readonly when: 'before' | 'after';
  /** The model's settings for the call (platform.callDefaults filled in), which the service's client applies. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly circuitBreaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
  /** before: the call's input from the command over the aggregate's state (fields by name). */
  input?(source: Readonly<Record<string, unknown>>, ctx: CallInputContext): Record<string, unknown>;
}

/** What a before call's input is built with: the key, the clock, and the placeholder guard of CommandContext. */
export interface CallInputContext {
  readonly key: string;
  readonly now: Date;
  placeholder<T>(field: string, value: T): T;
}

export interface CommandContext<S = Record<string, unknown>, C = Readonly<Record<string, unknown>>, K = Readonly<Record<string, unknown>>> {
  /** The aggregate's key (from the command, or assigned when the command creates it). */
  readonly key: string;
  /** The aggregate's current state; undefined when it does not exist yet. */
  readonly state: S | undefined;
  /** The complaint (saga) id carried by every event of this flow. */
  readonly correlationId: string;
  /** The event that triggered this command through a policy or a compensation, if any. */
  readonly cause: CloudEvent | undefined;
  readonly now: Date;
  /**
   * Runs `effect` after the command's transaction commits (a notification, a cache refresh), so no
   * transaction waits on it. When the command came over HTTP, a failing effect fails the request
   * (503). The model's `calls` are not made here: the runtime makes them around the handler (calls).
   */
  afterCommit(effect: () => Promise<unknown>): void;
  /**
   * The replies of the command's `before` calls (the model's `calls`; CallDef), by name: the
   * runtime made them before this handler runs, through each service's client (timeout, retries,
   * circuit breaker). A call that failed refused the command: the handler does not run.
   */
  readonly calls: K;
  /**
   * Clients of the commands this service calls, by service: one function per command, each with
   * the call's timeout, retries and circuit breaker (host.ts, commandClients). For a call the model
   * does not declare for this command; the declared ones are made by the runtime (calls).
   */
  readonly clients: C;
  /**
   * `value` in place of a field the event contract requires and nothing in the flow provided: the
   * generated default handlers call it, so they never invent data silently. It refuses the command
   * with a MissingValueError ("no value for <field>: implement <Command> in
   * src/domain/<Aggregate>.ts"; 422 over HTTP; a policy's or compensation's command is retried,
   * then dead-lettered), unless the service runs with MSA_DEV_PLACEHOLDERS=1 (the generated
   * tests, `npm run dev`): then it returns `value` and logs a warning once per command and field.
   */
  placeholder<T>(field: string, value: T): T;
}

export type CommandHandler = (command: any, ctx: CommandContext<any, any, any>) => Decision | Promise<Decision>;

export interface PolicyContext {
  /** Does an aggregate with this key exist in this service? (for business checks) */
  exists(aggregate: string, key: string): Promise<boolean>;
}

/**
 * A policy: whenever the event `on`, then the command `then` of this service. Its consumer group
 * reads the event's topic through the consumer runner: the inbox drops a record delivered twice,
 * the idempotency key a second event with the same value; a failing record is retried, then
 * dead-lettered.
 */
export interface PolicyDef {
  readonly name: string;
  readonly group: string;
  readonly on: EventDef;
  /** The command of this service it issues. */
  readonly then: string;
  readonly retry: RetryPolicy;
  readonly dlq: boolean;
  /** A field of the event: a second event with the same value is not processed again. */
  readonly idempotencyKey?: string | undefined;
  /**
   * Business check, in the consumer's transaction before the command runs: false skips the event
   * (e.g. the application was already issued).
   */
  shouldHandle?(event: CloudEvent<any>, ctx: PolicyContext): boolean | Promise<boolean>;
  /** The command's input for the event. */
  toCommand(event: CloudEvent<any>): Record<string, unknown>;
}

/**
 * What a policy's implementation provides, typed by the event it reacts to and the command it
 * issues: the business check and the command's input for the event (see PolicyDef).
 */
export interface PolicyHandlers<E, C> {
  shouldHandle(event: CloudEvent<E>, ctx: PolicyContext): boolean | Promise<boolean>;
  toCommand(event: CloudEvent<E>): C;
}

/**
 * A read model (CQRS): projects its events into a table (store: database) or this process's
 * memory (store: cache), looked up over HTTP by key.
 */
export interface ProjectionDef {
  readonly name: string;
  readonly group: string;
  readonly from: readonly EventDef[];
  readonly key: string;
  readonly store: 'cache' | 'database';
  readonly table: string;
  /** Event name → status value the read model takes. */
  readonly status: Readonly<Record<string, string>>;
  /** The fields it keeps (the union of its events' fields). */
  readonly fields: readonly string[];
  readonly retry: RetryPolicy;
}

export type CompensationTrigger =
  /** A DLQ topic: records dead-lettered by one of these groups mean the step failed. */
  | { readonly kind: 'dlq'; readonly topic: string; readonly failedGroups: readonly string[] }
  /** A failure event of a later step. */
  | { readonly kind: 'event'; readonly event: EventDef };

/**
 * A saga compensation (choreography): this service undoes its step when a later step fails — a
 * record of that step's consumers in a DLQ (after a grace period, SAGA_COMPENSATION_DELAY_MS,
 * cancelled when an operator replays the record) or a failure event of that step.
 */
export interface CompensationDef {
  readonly saga: string;
  readonly name: string;
  readonly group: string;
  /** The command that undoes this service's step. */
  readonly command: string;
  readonly trigger: CompensationTrigger;
  readonly retry: RetryPolicy;
  /** The undoing command's input from the saga's data (the events so far) and its correlation id. */
  toCommand(data: Readonly<Record<string, unknown>>, correlationId: string): Record<string, unknown>;
}

export interface OrchestrationStep {
  readonly command: string;
  /** The service that owns the command, and its route (orchestrators call it over HTTP). */
  readonly service: string;
  readonly method: string;
  readonly path: string;
  /** Events that say the step succeeded or failed. */
  readonly succeededOn: readonly string[];
  readonly failedOn: readonly string[];
  /** The command's input from the saga's data so far (every step's event data, merged). */
  toCommand?(data: Readonly<Record<string, unknown>>, correlationId: string): Record<string, unknown>;
  readonly compensation?: {
    readonly command: string;
    readonly service: string;
    readonly method: string;
    readonly path: string;
    toCommand?(data: Readonly<Record<string, unknown>>, correlationId: string): Record<string, unknown>;
  };
}

/** A saga this service conducts (orchestration): a persisted state machine calling each step over HTTP. */
export interface OrchestrationDef {
  readonly saga: string;
  readonly group: string;
  readonly steps: readonly OrchestrationStep[];
  /** Every event the orchestrator listens to, by name. */
  readonly events: readonly EventDef[];
  readonly retry: RetryPolicy;
  /** A step with no outcome event this long after it was sent fails the saga (the model's stepTimeout). */
  readonly stepTimeoutMs?: number | undefined;
}

export interface ServiceDefinition {
  readonly platform: string;
  readonly name: string;
  /** CloudEvents source: `/<platform>/<service>`. */
  readonly source: string;
  /** Database schema of this service. */
  readonly schema: string;
  readonly aggregates: readonly AggregateDef[];
  /** Events this service emits or consumes, by name. */
  readonly events: Readonly<Record<string, EventDef>>;
  readonly commands: Readonly<Record<string, CommandDef>>;
  readonly handlers: Readonly<Record<string, CommandHandler>>;
  readonly policies: readonly PolicyDef[];
  readonly projections: readonly ProjectionDef[];
  readonly compensations: readonly CompensationDef[];
  readonly orchestrations: readonly OrchestrationDef[];
  /** Field names holding personal data, masked in logs. */
  readonly pii: readonly string[];
  /** The synchronous calls of each command (the model's `calls`), by command: the runtime makes them. */
  readonly calls?: Readonly<Record<string, readonly CallDef[]>>;
}
