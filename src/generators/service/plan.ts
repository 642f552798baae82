/**
 * The plan of one service, worked out once from the IR (plan/service.ts) before any code is
 * written: every emitter of service/ reads it and nothing else.
 *
 * The plan is plain data (plan-data.ts): no model element, no Map, no reference back into the
 * model graph. So its types say everything an emitter may read, and its JSON text (with the
 * templates and the generators' build) everything the service's files depend on:
 * `generateService` runs on a copy parsed back from that text, so no emitter can reach anything
 * else, and the text's hash is a complete cache key (scaffold skips a service whose key did not
 * change; src/core/service-cache.ts). Everything that walks the model is here.
 */
import { triggersByCommand } from '../../model/graph.js';
import type { Aggregate, Command, Context, Event, Field, HttpRoute, Model, Policy, RetrySettings } from '../../model/valid.js';
import { databaseSchema } from '../names/env.js';
import { runtimePackage, serviceDir, servicePackage } from '../names/symbols.js';
import { policyConsumerGroup, projectionConsumerGroup } from '../plan/groups.js';
import {
  callsMadeBy,
  callTargets,
  commandFields as modelCommandFields,
  commandRoute as modelCommandRoute,
  compensations,
  contextCommands,
  createdByPolicy as modelCreatedByPolicy,
  generatesKey as modelGeneratesKey,
  orchestrations,
  piiFields,
  platformRetry,
  policyMode as modelPolicyMode,
  serviceEvents,
} from '../plan/service.js';
import type {
  AggregateRef,
  CallSettingsData,
  CallTargetData,
  CommandCall,
  CommandData,
  EventData,
  FieldData,
  Named,
  OwnAggregateData,
  OwnCommandData,
  PolicyData,
  RouteAccessPlan,
  RouteData,
  ServicePlan,
  ServiceRoute,
  TriggerData,
} from './plan-data.js';

export * from './plan-data.js';

// ---------------------------------------------------------------------------------------------
// From the IR

const named = (name: string): Named => ({ name });

function fieldData(field: Field): FieldData {
  const { pointer: _pointer, ...rest } = field;
  return rest;
}

const fieldsData = (fields: readonly Field[]): FieldData[] => fields.map(fieldData);

function routeData(route: HttpRoute): RouteData {
  return { method: route.method, path: route.path, params: [...route.params] };
}

function aggregateRef(aggregate: Aggregate): AggregateRef {
  return { name: aggregate.name, key: fieldData(aggregate.key) };
}

function eventData(event: Event): EventData {
  return {
    name: event.name,
    description: event.description,
    failure: event.failure,
    version: event.version,
    type: event.type,
    topic: named(event.topic.name),
    dlq: named(event.dlq.name),
    aggregate: aggregateRef(event.aggregate),
    context: named(event.context.name),
    payload: { fields: fieldsData(event.payload.fields) },
  };
}

function commandData(model: Model, command: Command): CommandData {
  return {
    name: command.name,
    description: command.description,
    actor: command.actor,
    http: command.http ? routeData(command.http) : undefined,
    route: modelCommandRoute(command, model),
    context: named(command.context.name),
    aggregate: aggregateRef(command.aggregate),
    fields: fieldsData(modelCommandFields(command)),
    generatesKey: modelGeneratesKey(command),
    emits: command.emits.map((r) => eventData(r.target)),
  };
}

function retryData(retry: RetrySettings): RetrySettings {
  return { maxAttempts: retry.maxAttempts, backoffMs: retry.backoffMs, multiplier: retry.multiplier, maxBackoffMs: retry.maxBackoffMs };
}

function callSettings(settings: CallSettingsData): CallSettingsData {
  return {
    timeoutMs: settings.timeoutMs,
    retry: retryData(settings.retry),
    circuitBreaker: { consecutiveFailures: settings.circuitBreaker.consecutiveFailures, halfOpenAfterMs: settings.circuitBreaker.halfOpenAfterMs },
  };
}

export function planService(model: Model, context: Context): ServicePlan {
  const compensated = compensations(model, context);
  const orchestrated = orchestrations(model, context);
  const events = serviceEvents(model, context, compensated, orchestrated);
  const targets = callTargets(model, context, orchestrated);
  const triggers = triggersByCommand(model);
  const command = (c: Command) => commandData(model, c);

  const ownCommand = (c: Command): OwnCommandData => {
    const calls: CommandCall[] = callsMadeBy(model, c).flatMap((call) =>
      call.command.target && call.to.target && call.command.target.http
        ? [{ call: { when: call.when, ...callSettings(call) }, command: command(call.command.target), service: named(call.to.target.name) }]
        : [],
    );
    const found: TriggerData[] = [];
    for (const t of triggers.get(c.name) ?? []) {
      if (t.kind === 'policy') found.push({ kind: 'policy', policy: t.policy.name, on: t.policy.on.name });
      else if (t.kind === 'compensation') found.push({ kind: 'compensation', command: t.step.command.name, saga: t.saga.name });
      else if (t.kind === 'call') found.push({ kind: 'call', from: t.call.from.name });
    }
    return {
      ...command(c),
      triggers: found,
      fromEvents: c.context.policies.some((p) => p.then.target === c) || compensated.some((k) => k.command === c),
      createdByPolicy: modelCreatedByPolicy(c),
      calls,
    };
  };

  const policy = (p: Policy): PolicyData => ({
    name: p.name,
    on: eventData(p.on.target),
    then: command(p.then.target),
    retry: retryData(p.retry),
    dlq: p.dlq,
    idempotencyKey: p.idempotencyKey?.name,
    group: policyConsumerGroup(p, model),
    mode: modelPolicyMode(p),
  });

  const aggregates = context.aggregates.map(
    (a): OwnAggregateData => ({ name: a.name, key: fieldData(a.key), fields: fieldsData(a.fields), commands: a.commands.map(ownCommand) }),
  );
  const targetData = targets.map(
    (t): CallTargetData => ({
      service: named(t.service.name),
      urlEnv: t.urlEnv,
      defaultUrl: t.defaultUrl,
      ...callSettings(t),
      commands: t.commands.map(command),
    }),
  );
  const eventList = events.map(eventData);
  return {
    platform: { name: model.platform.name, image: { registry: model.platform.deploy.image.registry, tag: model.platform.deploy.image.tag } },
    actors: (model.actors ?? []).map((a) => ({ name: a.name, role: a.role, pii: a.pii, records: a.records, operator: a.operator })),
    context: {
      name: context.name,
      title: context.title,
      description: context.description,
      port: context.port,
      dir: serviceDir(context),
      package: servicePackage(model, context),
      schema: databaseSchema(context),
      aggregates,
      policies: context.policies.map(policy),
      readModels: context.readModels.map((r) => ({
        name: r.name,
        group: projectionConsumerGroup(r, model),
        from: r.from.flatMap((f) => (f.target ? [f.target.name] : [])),
        key: r.key.name,
        store: r.store,
        status: [...r.status],
        fields: r.fields.map((f) => f.name),
      })),
    },
    runtime: runtimePackage(model),
    events: eventList,
    targets: targetData,
    compensations: compensated.map((c) => ({
      saga: named(c.saga.name),
      name: c.name,
      group: c.group,
      command: command(c.command),
      trigger: c.trigger.kind === 'dlq' ? { kind: 'dlq', topic: c.trigger.topic, failedGroups: [...c.trigger.failedGroups] } : { kind: 'event', event: named(c.trigger.event.name) },
    })),
    orchestrations: orchestrated.map((o) => ({
      saga: { name: o.saga.name, stepTimeoutMs: o.saga.stepTimeoutMs },
      group: o.group,
      steps: o.steps.map((step) => ({
        command: command(step.command),
        route: { ...step.route },
        succeededOn: step.succeededOn.map((e) => named(e.name)),
        failedOn: step.failedOn.map((e) => named(e.name)),
        compensation: step.compensation ? command(step.compensation) : undefined,
        compensationRoute: step.compensationRoute ? { ...step.compensationRoute } : undefined,
      })),
      events: o.events.map((e) => named(e.name)),
    })),
    routes: serviceRoutes(model, context),
    pii: piiFields(model, context, events, targets),
    retry: retryData(platformRetry(model)),
  };
}

/** The access data of a route, without the parts that do not apply. */
function routeAccess(actor: string | undefined, owner: string | undefined, fields: readonly Field[]): RouteAccessPlan {
  const pii = fields.filter((f) => f.pii).map((f) => f.name);
  return {
    ...(actor !== undefined ? { actor } : {}),
    ...(owner !== undefined ? { owner } : {}),
    ...(pii.length > 0 ? { pii } : {}),
  };
}

/** The service's routes (besides the runtime's own): its commands', then its read models' lookups. */
export function serviceRoutes(model: Model, context: Context): ServiceRoute[] {
  const routes: ServiceRoute[] = [];
  for (const c of contextCommands(context)) {
    const route = modelCommandRoute(c, model);
    if (!route) continue;
    const access = routeAccess(c.actor, c.aggregate.owner?.name, c.aggregate.fields);
    routes.push({ kind: 'command', method: route.method, path: route.path, name: c.name, access });
  }
  for (const r of context.readModels) {
    routes.push({ kind: 'lookup', method: 'GET', path: r.http.path, name: r.name, access: routeAccess(undefined, r.owner?.name, r.fields) });
  }
  const seen = new Map<string, string>();
  for (const r of routes) {
    const id = `${r.method} ${r.path.replace(/\{[^}]+\}/g, '{}')}`;
    const earlier = seen.get(id);
    if (earlier) throw new Error(`context "${context.name}": ${r.name} and ${earlier} share the route ${r.method} ${r.path}`);
    seen.set(id, r.name);
  }
  return routes;
}
