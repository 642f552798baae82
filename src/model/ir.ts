/**
 * The intermediate representation: the model resolved and frozen. References are objects
 * (`Ref.target`), defaults are filled in, and every element keeps the JSON Pointer of its
 * node in the source so rules can report exact positions. Every later stage reads this,
 * never the raw YAML.
 */

export type FieldType =
  | 'string'
  | 'text'
  | 'int'
  | 'number'
  | 'boolean'
  | 'uuid'
  | 'date'
  | 'datetime'
  | 'url'
  | 'email'
  | 'money'
  | 'enum'
  | 'binary'
  | 'file';

/** Where an element stands in its model file. */
export interface Located {
  /** JSON Pointer of the element's node, e.g. `/contexts/0/aggregates/1`. */
  readonly pointer: string;
}

/**
 * A reference by name. `target` is the element it names, or undefined when the name does not
 * resolve (a rule reports that; generators run only on models without errors).
 */
export interface Ref<T> extends Located {
  readonly name: string;
  readonly target: T | undefined;
}

export interface Field extends Located {
  readonly name: string;
  readonly type: FieldType;
  readonly key: boolean;
  readonly pii: boolean;
  readonly list: boolean;
  readonly optional: boolean;
  readonly values: readonly string[];
  readonly description: string | undefined;
}

export interface RetrySettings {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly multiplier: number;
  readonly maxBackoffMs: number;
}

export interface TopicSettings {
  readonly partitions: number;
  readonly replicas: number;
  readonly minInSyncReplicas: number;
  readonly retentionMs: number;
  readonly maxMessageBytes: number | undefined;
  readonly cleanupPolicy: 'delete' | 'compact' | 'compact,delete';
}

export interface Topic extends TopicSettings, Located {
  /** The real Kafka topic name. */
  readonly name: string;
  /** Pointer of the settings that decided partitions/replicas (for findings about them). */
  readonly settingsPointer: string;
}

export interface Autoscaling {
  readonly min: number;
  readonly max: number;
  readonly cpuPercent: number;
}

export interface Keda {
  readonly lagThreshold: number;
  readonly min: number;
  readonly max: number;
}

export interface DeploySettings extends Located {
  readonly replicas: number;
  readonly cpu: string;
  readonly memory: string;
  /** undefined = CPU autoscaling switched off. */
  readonly autoscaling: Autoscaling | undefined;
  readonly keda: Keda | undefined;
  readonly podDisruptionBudget: { readonly minAvailable: number } | undefined;
}

export interface Platform extends Located {
  readonly name: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly namespace: string;
  readonly eventTypePrefix: string;
  readonly eventQualifiers: readonly Ref<string>[];
  readonly kafka: {
    readonly cluster: string;
    readonly defaults: TopicSettings;
    readonly defaultsPointer: string;
    readonly retry: RetrySettings;
    readonly dlq: {
      readonly suffix: string;
      readonly retentionMs: number;
      readonly partitions: number | undefined;
      readonly pointer: string;
    };
  };
  readonly deploy: {
    readonly defaults: DeploySettings;
    /** What values.yaml shows for a service that does not autoscale (the chart's defaults if enabled by hand). */
    readonly scalingDefaults: { readonly cpuPercent: number; readonly lagThreshold: number };
    readonly image: { readonly registry: string; readonly tag: string };
  };
  /** Settings of a synchronous call the model does not spell out (an orchestration step in another context). */
  readonly callDefaults: CallSettings;
}

/**
 * Who calls the platform (`actors:`): the role claim of a bearer token that identifies the actor,
 * and what it may see. A model without `actors:` gets one implicit actor per name its commands
 * use (role: that name, every record, personal data) and `operator` (the admin routes).
 */
export interface Actor extends Located {
  readonly name: string;
  readonly description: string | undefined;
  readonly role: string;
  /** May it see fields marked pii? */
  readonly pii: boolean;
  /** `own`: only records whose owner field is its token's `sub`; `all`: every record. */
  readonly records: 'own' | 'all';
  /** May it use the admin routes (DLQ, sagas)? */
  readonly operator: boolean;
}

export interface HttpRoute extends Located {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with `{param}` segments, e.g. `/applications/{applicationId}`. */
  readonly path: string;
  readonly params: readonly string[];
  /** True when msa-gen derived it by convention (routes.ts `conventionalRoute`): the model writes no `http:`. */
  readonly conventional?: boolean;
}

export interface Context extends Located {
  readonly name: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly communication: 'sync' | 'async';
  readonly namespace: string;
  /** True when the namespace differs from the platform's (its own Helm release). */
  readonly isolated: boolean;
  readonly qualifier: Ref<string> | undefined;
  readonly port: number;
  readonly deploy: DeploySettings;
  readonly aggregates: readonly Aggregate[];
  readonly policies: readonly Policy[];
  readonly readModels: readonly ReadModel[];
}

export interface Aggregate extends Located {
  readonly name: string;
  readonly description: string | undefined;
  readonly context: Context;
  readonly fields: readonly Field[];
  /** The field marked `key: true`, if any. */
  readonly key: Field | undefined;
  /** `owner:` the field that ties a record to its owner's `sub` (MSA212 checks it). */
  readonly owner?: Ref<Field> | undefined;
  readonly commands: readonly Command[];
  readonly events: readonly Event[];
}

/** The fields of a command or event: aggregate fields by name, or fields of its own. */
export interface FieldSelection extends Located {
  /** Resolved fields, in declared order. */
  readonly fields: readonly Field[];
  /** For the list form: each name and the aggregate field it names. Empty for the map form. */
  readonly refs: readonly Ref<Field>[];
  /** Whether the selection was written in the model (false: a default). */
  readonly explicit: boolean;
}

export interface Command extends Located {
  readonly name: string;
  readonly description: string | undefined;
  readonly aggregate: Aggregate;
  readonly context: Context;
  readonly actor: string | undefined;
  readonly http: HttpRoute | undefined;
  readonly payload: FieldSelection;
  readonly emits: readonly Ref<Event>[];
}

export interface Event extends Located {
  readonly name: string;
  readonly description: string | undefined;
  readonly aggregate: Aggregate;
  readonly context: Context;
  readonly payload: FieldSelection;
  readonly version: number;
  readonly terminal: boolean;
  readonly failure: boolean;
  /** CloudEvents type: `<prefix>.<Event>.v<version>`. */
  readonly type: string;
  readonly topic: Topic;
  readonly dlq: Topic;
}

export interface Policy extends Located {
  readonly name: string;
  readonly description: string | undefined;
  readonly context: Context;
  readonly on: Ref<Event>;
  readonly then: Ref<Command>;
  readonly retry: RetrySettings;
  readonly dlq: boolean;
  readonly idempotencyKey: Ref<Field> | undefined;
}

export interface ReadModel extends Located {
  readonly name: string;
  readonly description: string | undefined;
  readonly context: Context;
  readonly key: Ref<Field>;
  readonly from: readonly Ref<Event>[];
  readonly store: 'cache' | 'database';
  readonly http: HttpRoute;
  /** Event name → status value set when it arrives (explicit `status:` or derived). */
  readonly status: ReadonlyMap<string, string>;
  /** Union of the fields of its events, key first. */
  readonly fields: readonly Field[];
  /** `owner:` the field that ties a record to its owner's `sub` (MSA212 checks it). */
  readonly owner?: Ref<Field> | undefined;
}

export interface ExternalOperation extends Located {
  readonly name: string;
  readonly external: External;
}

export interface External extends Located {
  readonly name: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly calledBy: readonly Ref<Context>[];
  readonly operations: readonly ExternalOperation[];
  readonly baseUrl: string | undefined;
}

/** How one service calls another: timeout, retries and circuit breaker. */
export interface CallSettings {
  readonly timeoutMs: number;
  readonly retry: RetrySettings;
  readonly circuitBreaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
}

export interface Call extends Located, CallSettings {
  readonly from: Ref<Context>;
  readonly to: Ref<Context>;
  readonly command: Ref<Command>;
  /** Commands of `from` that make the call; empty = every command of `from` with an http route. */
  readonly by: readonly Ref<Command>[];
  /**
   * When the runtime makes it around the calling command's handler (`when`, default before):
   * `before` the handler decides, with the input taken from the command over the aggregate's
   * state, the reply in `ctx.calls`; `after` it decided and before its transaction, with the
   * input the handler gives in its decision (`calls`), for an input only the handler can decide.
   */
  readonly when: 'before' | 'after';
}

export interface SagaStep extends Located {
  readonly index: number;
  readonly command: Ref<Command>;
  /** Set when the step names an operation of an external system (never allowed). */
  readonly external: ExternalOperation | undefined;
  readonly compensation: Ref<Command> | undefined;
}

export interface Saga extends Located {
  readonly name: string;
  readonly description: string | undefined;
  readonly coordination: 'choreography' | 'orchestration';
  readonly orchestrator: Ref<Context> | undefined;
  /**
   * Orchestration: how long a step may go without an outcome event, after it was sent, before
   * the saga fails and compensates the completed steps (`stepTimeout`, default 5 minutes).
   * Resolved for every saga; choreography has no orchestrator to keep it (MSA310).
   */
  readonly stepTimeoutMs: number;
  /** Whether the model wrote `stepTimeout` (false: the default). */
  readonly stepTimeoutExplicit: boolean;
  readonly steps: readonly SagaStep[];
}

export interface Model {
  /** The model file's path as the user gave it. */
  readonly file: string;
  readonly platform: Platform;
  /** The actors (`actors:`, or the implicit ones of a model without that list). */
  readonly actors?: readonly Actor[];
  /** Whether the model declares `actors:` (MSA211 checks commands against them). */
  readonly actorsDeclared?: boolean;
  readonly contexts: readonly Context[];
  readonly externals: readonly External[];
  readonly calls: readonly Call[];
  readonly sagas: readonly Saga[];
  /** Flat views, in model order, for rules and generators. */
  readonly aggregates: readonly Aggregate[];
  readonly commands: readonly Command[];
  readonly events: readonly Event[];
  readonly policies: readonly Policy[];
  readonly readModels: readonly ReadModel[];
}
