/**
 * The plan of one service, worked out once from the IR (plan/service.ts) before any code is
 * written: every emitter of service/ reads it and derives nothing about the model again.
 */
import { triggersByCommand, type CommandTrigger } from '../../model/graph.js';
import type { Command, Context, Event, Field, Model, RetrySettings } from '../../model/valid.js';
import { runtimePackage } from '../names/symbols.js';
import {
  callTargets,
  commandRoute,
  compensations,
  contextCommands,
  orchestrations,
  piiFields,
  platformRetry,
  serviceEvents,
  type CallTargetPlan,
  type CompensationPlan,
  type OrchestrationPlan,
} from '../plan/service.js';

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

/** The access data of a route, without the parts that do not apply. */
function routeAccess(actor: string | undefined, owner: string | undefined, fields: readonly Field[]): RouteAccessPlan {
  const pii = fields.filter((f) => f.pii).map((f) => f.name);
  return {
    ...(actor !== undefined ? { actor } : {}),
    ...(owner !== undefined ? { owner } : {}),
    ...(pii.length > 0 ? { pii } : {}),
  };
}

export interface ServicePlan {
  readonly model: Model;
  readonly context: Context;
  /** `@<platform>/runtime`. */
  readonly runtime: string;
  /** The events it emits or consumes, in model order. */
  readonly events: readonly Event[];
  /** The events it emits: those of its own aggregates. */
  readonly ownEvents: readonly Event[];
  readonly commands: readonly Command[];
  /** The services it reaches over HTTP. */
  readonly targets: readonly CallTargetPlan[];
  /** Those of `targets` it calls commands of (the model's `calls`): they get typed clients. */
  readonly calledTargets: readonly CallTargetPlan[];
  readonly compensations: readonly CompensationPlan[];
  readonly orchestrations: readonly OrchestrationPlan[];
  readonly routes: readonly ServiceRoute[];
  /** Field names holding personal data, sorted. */
  readonly pii: readonly string[];
  /** The retry of its consumers that have no setting of their own. */
  readonly retry: RetrySettings;
  /** What issues each command of the model inside the platform, by command name (model/graph.ts). */
  readonly triggers: ReadonlyMap<string, readonly CommandTrigger[]>;
}

export function planService(model: Model, context: Context): ServicePlan {
  const compensated = compensations(model, context);
  const orchestrated = orchestrations(model, context);
  const events = serviceEvents(model, context, compensated, orchestrated);
  const targets = callTargets(model, context, orchestrated);
  return {
    model,
    context,
    runtime: runtimePackage(model),
    events,
    ownEvents: events.filter((e) => e.context === context),
    commands: contextCommands(context),
    targets,
    calledTargets: targets.filter((t) => t.commands.length > 0),
    compensations: compensated,
    orchestrations: orchestrated,
    routes: serviceRoutes(model, context),
    pii: piiFields(model, context, events, targets),
    retry: platformRetry(model),
    triggers: triggersByCommand(model),
  };
}

/** The service's routes (besides the runtime's own): its commands', then its read models' lookups. */
export function serviceRoutes(model: Model, context: Context): ServiceRoute[] {
  const routes: ServiceRoute[] = [];
  for (const c of contextCommands(context)) {
    const route = commandRoute(c, model);
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
