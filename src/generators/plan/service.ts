/**
 * What one bounded context's service holds, worked out from the IR before any code is written:
 * the events it emits or consumes, its command payloads and routes, the services it calls, its
 * saga compensations and orchestrations. The service generator writes code from this; the
 * starter tests use the same answers.
 */
import { constantCase, kebabCase } from '../../model/case.js';
import type {
  Aggregate,
  Call,
  Command,
  Context,
  Event,
  Field,
  HttpRoute,
  Model,
  Policy,
  RetrySettings,
  Saga,
} from '../../model/valid.js';
import { policyConsumerGroup } from './groups.js';
import { orchestratorOf } from '../../model/sagas.js';
import { callingCommands, groupBy } from '../../model/graph.js';
import { perModel } from '../../model/memo.js';

export function aggregateKey(aggregate: Aggregate): Field {
  return aggregate.key;
}

/** A synthetic string field (a route parameter that names no field). */
function stringField(name: string, pointer: string): Field {
  return { pointer, name, type: 'string', key: false, pii: false, list: false, optional: false, values: [], description: undefined };
}

/**
 * The fields a command takes: its payload, plus — optional — the aggregate key when the payload
 * lacks it (a command that creates its aggregate: the runtime assigns a new UUID unless the
 * caller supplies one, e.g. to retry safely), plus any route parameter that is no payload field
 * (the runtime merges path parameters into the input before validating it).
 */
export function commandFields(command: Command): Field[] {
  const key = aggregateKey(command.aggregate);
  const fields = [...command.payload.fields];
  if (!fields.some((f) => f.name === key.name)) fields.unshift({ ...key, optional: true });
  for (const param of command.http?.params ?? []) {
    if (fields.some((f) => f.name === param)) continue;
    const own = command.aggregate.fields.find((f) => f.name === param);
    fields.push(own ? { ...own, optional: false } : stringField(param, command.http!.pointer));
  }
  return fields;
}

/**
 * Whether the command creates its aggregate under a key the runtime assigns: its payload lacks
 * the aggregate key (CommandDef.generateKey; commandFields adds the key as an optional field).
 */
export function generatesKey(command: Command): boolean {
  const key = aggregateKey(command.aggregate);
  return !command.payload.fields.some((f) => f.name === key.name);
}

export function eventsOfCommand(command: Command): Event[] {
  return command.emits.map((r) => r.target);
}

/** The event a default handler emits: the first of `emits` that is not a failure. */
export function successEvent(command: Command): Event | undefined {
  return eventsOfCommand(command).find((e) => !e.failure);
}


/** Commands an orchestrator sends: steps and compensations of orchestration sagas. */
export const orchestratedCommands: (model: Model) => ReadonlySet<Command> = perModel((model: Model) => {
  const set = new Set<Command>();
  for (const saga of model.sagas) {
    if (saga.coordination !== 'orchestration') continue;
    for (const step of saga.steps) {
      set.add(step.command.target);
      if (step.compensation?.target) set.add(step.compensation.target);
    }
  }
  return set;
});

export interface CommandRoute {
  readonly method: HttpRoute['method'];
  readonly path: string;
  /** True for the route msa-gen adds so an orchestrator can reach a command the model gave none. */
  readonly internal: boolean;
}

/**
 * A command's HTTP route: its `http` (written in the model, or the conventional route the model
 * layer gives a command that needs one: a call target, a step an orchestrator in another context
 * sends, a command with an actor), or for a command an orchestrator of its own context sends,
 * `POST /commands/<command>` (the orchestrator reaches every step over HTTP).
 */
export function commandRoute(command: Command, model: Model): CommandRoute | undefined {
  if (command.http) return { method: command.http.method, path: command.http.path, internal: false };
  if (orchestratedCommands(model).has(command)) return { method: 'POST', path: `/commands/${kebabCase(command.name)}`, internal: true };
  return undefined;
}

/** How a policy finds the aggregate its command acts on. */
export type PolicyMode =
  /** The event does not carry the command's key: each event creates an aggregate (its key derived from the event). */
  | 'creates'
  /** The event carries the key: the command acts on an existing aggregate. */
  | 'addresses';

export function policyMode(policy: Policy): PolicyMode {
  const command = policy.then.target;
  const event = policy.on.target;
  if (!command || !event) return 'creates';
  const key = aggregateKey(command.aggregate);
  return event.payload.fields.some((f) => f.name === key.name) ? 'addresses' : 'creates';
}

/**
 * Commands whose policies create aggregates (and no policy addresses): when such a command
 * comes from an event and its aggregate already exists, the default handler emits nothing
 * (the seed's business idempotency: an application is not issued twice).
 */
export function createdByPolicy(command: Command): boolean {
  const policies = command.context.policies.filter((p) => p.then.target === command);
  return policies.length > 0 && policies.every((p) => policyMode(p) === 'creates');
}

// ---------------------------------------------------------------------------------------------
// Calls

export interface CallTargetPlan {
  /** The called context. */
  readonly service: Context;
  readonly urlEnv: string;
  readonly defaultUrl: string;
  readonly timeoutMs: number;
  readonly retry: RetrySettings;
  readonly circuitBreaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
  /** Commands this service calls there (the model's `calls`), in model order. */
  readonly commands: readonly Command[];
}

export function urlEnv(context: Context): string {
  return `${constantCase(context.name)}_URL`;
}

/** The model's calls by calling context, in model order. */
const callsByContext = perModel((model: Model) => groupBy(model.calls, (c) => c.from.target));

export function outgoingCalls(model: Model, context: Context): readonly Call[] {
  return callsByContext(model).get(context) ?? [];
}

/** The calls a command makes: those whose `by` names it, or, without `by`, every call of its context when it has a route. */
export function callsMadeBy(model: Model, command: Command): Call[] {
  return outgoingCalls(model, command.context).filter((c) => callingCommands(c).includes(command));
}

/**
 * The services this one reaches over HTTP: the targets of its `calls` (settings of the first
 * call to each), then the other services of the orchestration sagas it runs (default settings).
 */
export function callTargets(model: Model, context: Context, orchestrated = orchestrations(model, context)): CallTargetPlan[] {
  const targets = new Map<Context, { plan: Omit<CallTargetPlan, 'commands'>; commands: Command[] }>();
  const add = (service: Context, settings: Pick<Call, 'timeoutMs' | 'retry' | 'circuitBreaker'>) => {
    if (targets.has(service)) return targets.get(service)!;
    const entry = {
      plan: {
        service,
        urlEnv: urlEnv(service),
        defaultUrl: `http://${service.name}:${service.port}`,
        timeoutMs: settings.timeoutMs,
        retry: settings.retry,
        circuitBreaker: settings.circuitBreaker,
      },
      commands: [] as Command[],
    };
    targets.set(service, entry);
    return entry;
  };
  for (const call of outgoingCalls(model, context)) {
    const entry = add(call.to.target, call);
    if (!entry.commands.includes(call.command.target)) entry.commands.push(call.command.target);
  }
  for (const orchestration of orchestrated) {
    for (const step of orchestration.steps) {
      for (const command of [step.command, step.compensation]) {
        if (command && command.context !== context) add(command.context, model.platform.callDefaults);
      }
    }
  }
  return [...targets.values()].map((t) => ({ ...t.plan, commands: t.commands }));
}

/** The contexts that reach each context over HTTP (its callers: `callTargets` inverted), in model order. */
export const callersOf: (model: Model) => ReadonlyMap<Context, readonly Context[]> = perModel((model: Model) => {
  const pairs = model.contexts.flatMap((caller) => callTargets(model, caller).map((t) => ({ caller, callee: t.service })));
  const byCallee = groupBy(pairs, (p) => p.callee);
  return new Map([...byCallee].map(([callee, list]) => [callee, list.map((p) => p.caller)]));
});

// ---------------------------------------------------------------------------------------------
// Sagas

export type CompensationTriggerPlan =
  | { readonly kind: 'dlq'; readonly event: Event; readonly topic: string; readonly failedGroups: readonly string[] }
  | { readonly kind: 'event'; readonly event: Event };

export interface CompensationPlan {
  readonly saga: Saga;
  /** Unique within the service: `<Saga>.<Command>.<trigger topic or event>`. */
  readonly name: string;
  readonly group: string;
  readonly command: Command;
  readonly trigger: CompensationTriggerPlan;
}

/** The steps of choreography sagas whose compensation is a command of each context, in model order. */
const compensatingSteps = perModel((model: Model) =>
  groupBy(
    model.sagas
      .filter((saga) => saga.coordination === 'choreography')
      .flatMap((saga) => saga.steps.flatMap((step, n) => (step.compensation?.target ? [{ saga, n, compensation: step.compensation.target }] : []))),
    (s) => s.compensation.context,
  ),
);

/** The model's policies by the event they react to, and by the command they issue. */
const policiesOn = perModel((model: Model) => groupBy(model.policies, (p) => p.on.target));
const policiesIssuing = perModel((model: Model) => groupBy(model.policies, (p) => p.then.target));

/**
 * Whether the model's own policies already lead from `event` to `command` in `context`: a
 * policy of that context on the event issues it, or a chain of policies does (a failed
 * notification revokes the document, whose revocation cancels the application).
 */
export function policiesLeadTo(model: Model, event: Event, command: Command, context: Context): boolean {
  const seen = new Set<Event>();
  const queue: Event[] = [event];
  while (queue.length > 0) {
    const e = queue.shift()!;
    if (seen.has(e)) continue;
    seen.add(e);
    for (const p of policiesOn(model).get(e) ?? []) {
      if (p.context === context && p.then.target === command) return true;
      queue.push(...eventsOfCommand(p.then.target));
    }
  }
  return false;
}

/**
 * Compensations this context runs for choreography sagas. For each step n whose compensation C
 * belongs to this context, and each later step m:
 * - a `dlq` trigger on the DLQ of each event of step m-1 that starts step m, naming the consumer
 *   groups of step m's policies on that event (their dead-lettered records mean step m failed);
 * - an `event` trigger on each failure event of step m's command, unless the model's policies
 *   already lead from that event to C.
 */
export function compensations(model: Model, context: Context): CompensationPlan[] {
  const list: CompensationPlan[] = [];
  const prefix = `${model.platform.name}.${context.name}.`;
  for (const { saga, n, compensation: c } of compensatingSteps(model).get(context) ?? []) {
    for (let m = n + 1; m < saga.steps.length; m++) {
      const previous = saga.steps[m - 1]!.command.target;
      const current = saga.steps[m]!.command.target;
      if (!previous || !current) continue;
      for (const event of eventsOfCommand(previous)) {
        const policies = (policiesIssuing(model).get(current) ?? []).filter((p) => p.on.target === event && p.dlq);
        // A policy with `dlq` on is a consumer that dead-letters: the event has its DLQ.
        if (policies.length === 0) continue;
        const name = `${saga.name}.${c.name}.${event.dlq.name}`;
        list.push({
          saga,
          name,
          group: prefix + name,
          command: c,
          trigger: { kind: 'dlq', event, topic: event.dlq.name, failedGroups: policies.map((p) => policyConsumerGroup(p, model)) },
        });
      }
      for (const failure of eventsOfCommand(current).filter((e) => e.failure)) {
        if (policiesLeadTo(model, failure, c, context)) continue;
        const name = `${saga.name}.${c.name}.${failure.name}`;
        list.push({ saga, name, group: prefix + name, command: c, trigger: { kind: 'event', event: failure } });
      }
    }
  }
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.name) ? false : (seen.add(c.name), true)));
}

export interface OrchestrationStepPlan {
  readonly command: Command;
  readonly route: CommandRoute;
  readonly succeededOn: readonly Event[];
  readonly failedOn: readonly Event[];
  readonly compensation: Command | undefined;
  readonly compensationRoute: CommandRoute | undefined;
}

export interface OrchestrationPlan {
  readonly saga: Saga;
  readonly group: string;
  readonly steps: readonly OrchestrationStepPlan[];
  /** Every event the orchestrator listens to, in step order. */
  readonly events: readonly Event[];
}

/** The model's orchestration sagas by the context that runs them, in model order. */
const orchestrationSagas = perModel((model: Model) =>
  groupBy(
    model.sagas.filter((saga) => saga.coordination === 'orchestration'),
    (saga) => orchestratorOf(saga),
  ),
);

/** Orchestration sagas this context runs (saga.orchestrator, else the context of the first step). */
export function orchestrations(model: Model, context: Context): OrchestrationPlan[] {
  const list: OrchestrationPlan[] = [];
  for (const saga of orchestrationSagas(model).get(context) ?? []) {
    const steps: OrchestrationStepPlan[] = [];
    for (const step of saga.steps) {
      const command = step.command.target;
      if (!command) continue;
      const compensation = step.compensation?.target;
      steps.push({
        command,
        route: commandRoute(command, model)!,
        succeededOn: eventsOfCommand(command).filter((e) => !e.failure),
        failedOn: eventsOfCommand(command).filter((e) => e.failure),
        compensation,
        compensationRoute: compensation ? commandRoute(compensation, model) : undefined,
      });
    }
    const events: Event[] = [];
    for (const s of steps) for (const e of [...s.succeededOn, ...s.failedOn]) if (!events.includes(e)) events.push(e);
    list.push({ saga, group: `${model.platform.name}.${context.name}.${saga.name}`, steps, events });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// The service as a whole

/** The events this service emits or consumes, in model order. */
export function serviceEvents(
  model: Model,
  context: Context,
  compensated = compensations(model, context),
  orchestrated = orchestrations(model, context),
): Event[] {
  const set = new Set<Event>();
  for (const a of context.aggregates) for (const e of a.events) set.add(e);
  for (const p of context.policies) set.add(p.on.target);
  for (const r of context.readModels) for (const f of r.from) set.add(f.target);
  for (const c of compensated) if (c.trigger.kind === 'event') set.add(c.trigger.event);
  for (const o of orchestrated) for (const e of o.events) set.add(e);
  const position = eventPositions(model);
  return [...set].filter((e) => position.has(e)).sort((a, b) => position.get(a)! - position.get(b)!);
}

/** Each event's place in the model's order. */
const eventPositions = perModel((model: Model) => new Map(model.events.map((e, i) => [e, i])));

export function contextCommands(context: Context): Command[] {
  return context.aggregates.flatMap((a) => a.commands);
}

/** Field names holding personal data anywhere in this service (masked in logs), sorted. */
export function piiFields(
  model: Model,
  context: Context,
  events = serviceEvents(model, context),
  targets = callTargets(model, context),
): string[] {
  const names = new Set<string>();
  const visit = (fields: readonly Field[]) => {
    for (const f of fields) if (f.pii) names.add(f.name);
  };
  for (const a of context.aggregates) visit(a.fields);
  for (const c of contextCommands(context)) visit(c.payload.fields);
  for (const e of events) visit(e.payload.fields);
  for (const r of context.readModels) visit(r.fields);
  for (const t of targets) for (const c of t.commands) visit(c.payload.fields);
  return [...names].sort();
}

/** The retry policy of consumers that have no setting of their own (projections, compensations, orchestrators). */
export function platformRetry(model: Model): RetrySettings {
  return model.platform.kafka.retry;
}
