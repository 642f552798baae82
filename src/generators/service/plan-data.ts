/**
 * The plan of one service as data (plan.ts builds it from the IR): plain strings, numbers,
 * booleans, arrays and objects, no model element, no Map, no reference back into the model
 * graph. Its types say everything a service's emitters may read, and its JSON text everything
 * the service's files depend on (with the service's templates and the generators' build): the
 * key under which scaffold may skip generating the service (src/core/service-cache.ts).
 */
import type { Field, HttpRoute, RetrySettings } from '../../model/valid.js';
import type { CommandRoute, PolicyMode } from '../plan/service.js';

export type { CommandRoute, PolicyMode } from '../plan/service.js';

/** A field, without its source pointer (which moves when the model's file does). */
export type FieldData = Omit<Field, 'pointer'>;

export interface RouteData {
  readonly method: HttpRoute['method'];
  readonly path: string;
  readonly params: readonly string[];
}

export interface Named {
  readonly name: string;
}

/** An aggregate as a command or event names it: its name and key. */
export interface AggregateRef {
  readonly name: string;
  readonly key: FieldData;
}

export interface EventData {
  readonly name: string;
  readonly description: string | undefined;
  readonly failure: boolean;
  readonly version: number;
  readonly type: string;
  readonly topic: Named;
  readonly dlq: Named;
  readonly aggregate: AggregateRef;
  readonly context: Named;
  readonly payload: { readonly fields: readonly FieldData[] };
}

export interface CommandData {
  readonly name: string;
  readonly description: string | undefined;
  readonly actor: string | undefined;
  readonly http: RouteData | undefined;
  /** Its route: `http`, or the orchestrator's internal one (plan/service.ts commandRoute). */
  readonly route: CommandRoute | undefined;
  readonly context: Named;
  readonly aggregate: AggregateRef;
  /** The fields it takes (plan/service.ts commandFields). */
  readonly fields: readonly FieldData[];
  /** Whether the runtime assigns its aggregate's key (plan/service.ts generatesKey). */
  readonly generatesKey: boolean;
  readonly emits: readonly EventData[];
}

/** What issues a command inside the platform, as its handler's doc names it. */
export type TriggerData =
  | { readonly kind: 'policy'; readonly policy: string; readonly on: string }
  | { readonly kind: 'compensation'; readonly command: string; readonly saga: string }
  | { readonly kind: 'call'; readonly from: string };

export interface CallSettingsData {
  readonly timeoutMs: number;
  readonly retry: RetrySettings;
  readonly circuitBreaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
}

/** A call a command makes, with the called command and service. */
export interface CommandCall {
  readonly call: CallSettingsData & { readonly when: 'before' | 'after' };
  readonly command: CommandData;
  readonly service: Named;
}

/** A command of the service itself, with what its handler's contract says about it. */
export interface OwnCommandData extends CommandData {
  readonly triggers: readonly TriggerData[];
  /** Whether an event issues it (a policy of its context, a compensation of this service). */
  readonly fromEvents: boolean;
  readonly createdByPolicy: boolean;
  readonly calls: readonly CommandCall[];
}

export interface OwnAggregateData {
  readonly name: string;
  readonly key: FieldData;
  readonly fields: readonly FieldData[];
  readonly commands: readonly OwnCommandData[];
}

export interface PolicyData {
  readonly name: string;
  readonly on: EventData;
  readonly then: CommandData;
  readonly retry: RetrySettings;
  readonly dlq: boolean;
  readonly idempotencyKey: string | undefined;
  readonly group: string;
  readonly mode: PolicyMode;
}

export interface ReadModelData {
  readonly name: string;
  readonly group: string;
  /** The events it projects. */
  readonly from: readonly string[];
  readonly key: string;
  readonly store: 'cache' | 'database';
  readonly status: readonly (readonly [string, string])[];
  readonly fields: readonly string[];
}

export interface ContextData {
  readonly name: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly port: number;
  /** `services/<context>`. */
  readonly dir: string;
  readonly package: string;
  readonly schema: string;
  readonly aggregates: readonly OwnAggregateData[];
  readonly policies: readonly PolicyData[];
  readonly readModels: readonly ReadModelData[];
}

export interface ServiceRoute {
  readonly kind: 'command' | 'lookup';
  readonly method: string;
  readonly path: string;
  readonly name: string;
  /** Who may call it (the runtime's RouteAccess): the command's actor, the owner field, the pii fields. */
  readonly access: RouteAccessPlan;
}

export interface RouteAccessPlan {
  readonly actor?: string;
  readonly owner?: string;
  readonly pii?: readonly string[];
}

export interface CallTargetData extends CallSettingsData {
  /** The called context. */
  readonly service: Named;
  readonly urlEnv: string;
  readonly defaultUrl: string;
  /** Commands this service calls there (the model's `calls`), in model order. */
  readonly commands: readonly CommandData[];
}

export interface CompensationData {
  readonly saga: Named;
  readonly name: string;
  readonly group: string;
  readonly command: CommandData;
  readonly trigger:
    | { readonly kind: 'dlq'; readonly topic: string; readonly failedGroups: readonly string[] }
    | { readonly kind: 'event'; readonly event: Named };
}

export interface OrchestrationStepData {
  readonly command: CommandData;
  readonly route: CommandRoute;
  readonly succeededOn: readonly Named[];
  readonly failedOn: readonly Named[];
  readonly compensation: CommandData | undefined;
  readonly compensationRoute: CommandRoute | undefined;
}

export interface OrchestrationData {
  readonly saga: { readonly name: string; readonly stepTimeoutMs: number };
  readonly group: string;
  readonly steps: readonly OrchestrationStepData[];
  /** Every event the orchestrator listens to, in step order. */
  readonly events: readonly Named[];
}

export interface ActorData {
  readonly name: string;
  readonly role: string;
  readonly pii: boolean;
  readonly records: 'own' | 'all';
  readonly operator: boolean;
}

export interface ServicePlan {
  readonly platform: {
    readonly name: string;
    readonly image: { readonly registry: string; readonly tag: string };
  };
  readonly actors: readonly ActorData[];
  readonly context: ContextData;
  /** `@<platform>/runtime`. */
  readonly runtime: string;
  /** The events it emits or consumes, in model order. */
  readonly events: readonly EventData[];
  /** The services it reaches over HTTP. */
  readonly targets: readonly CallTargetData[];
  readonly compensations: readonly CompensationData[];
  readonly orchestrations: readonly OrchestrationData[];
  readonly routes: readonly ServiceRoute[];
  /** Field names holding personal data, sorted. */
  readonly pii: readonly string[];
  /** The retry of its consumers that have no setting of their own. */
  readonly retry: RetrySettings;
}

// ---------------------------------------------------------------------------------------------
// What the emitters ask of the plan (the plain counterparts of plan/service.ts's questions)

export const aggregateKey = (aggregate: AggregateRef): FieldData => aggregate.key;
export const commandFields = (command: CommandData): readonly FieldData[] => command.fields;
export const commandRoute = (command: CommandData): CommandRoute | undefined => command.route;
export const generatesKey = (command: CommandData): boolean => command.generatesKey;
export const eventsOfCommand = (command: CommandData): readonly EventData[] => command.emits;
/** The event a default handler emits: the first of `emits` that is not a failure. */
export const successEvent = (command: CommandData): EventData | undefined => command.emits.find((e) => !e.failure);

// Lists a service's files need that follow from the plan: derived, so the plan (and its key) holds each fact once.
/** The events it emits: those of its own aggregates, in model order. */
export const ownEvents = (s: ServicePlan): readonly EventData[] => s.events.filter((e) => e.context.name === s.context.name);
/** Its commands: those of its aggregates, in model order. */
export const serviceCommands = (s: ServicePlan): readonly OwnCommandData[] => s.context.aggregates.flatMap((a) => a.commands);
/** Those of `targets` it calls commands of (the model's `calls`): they get typed clients. */
export const calledTargets = (s: ServicePlan): readonly CallTargetData[] => s.targets.filter((t) => t.commands.length > 0);
