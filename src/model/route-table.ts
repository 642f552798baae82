/**
 * Every HTTP route of the platform, per service: what `msa-gen routes` prints. A route is written
 * in the model (`http:`), derived by convention (a command that needs one and writes none), the
 * internal route of a command its own context's orchestrator sends, or a read model's default
 * lookup route. The services' own routes (probes, metrics, DLQ admin) are the same everywhere.
 */
import type { Command, Model } from './ir.js';
import { internalCommandPath, routeNeeds, type RouteNeed } from './routes.js';

export type RouteOrigin =
  /** Written in the model (`http:`). */
  | 'model'
  /** Derived by convention: the command needs a route and the model writes none. */
  | 'convention'
  /** `POST /commands/<command>`: a command an orchestration saga of its own context sends. */
  | 'internal'
  /** A read model's lookup route when it writes none: `GET /<read-model>s/{key}`. */
  | 'default';

export interface RouteRow {
  readonly context: string;
  readonly method: string;
  readonly path: string;
  readonly kind: 'command' | 'read model';
  readonly name: string;
  readonly origin: RouteOrigin;
  /** Why a command is served: `called by issuance`, `actor Citizen`…; empty when nothing but its route asks for it. */
  readonly why: string;
  /** JSON Pointer of the `http:` that writes the route, or of the element that gets it. */
  readonly pointer: string;
}

/** Why a command needs a route, in words. */
export function needText(need: RouteNeed | undefined): string {
  if (!need) return '';
  switch (need.kind) {
    case 'call':
      return `called by ${need.from}`;
    case 'orchestration':
      return `sent by saga ${need.saga}, orchestrated by ${need.orchestrator}`;
    case 'actor':
      return `actor ${need.actor}`;
  }
}

/** Commands an orchestration saga sends: served over HTTP even in the orchestrator's own context. */
function orchestrated(model: Model): Set<Command> {
  const set = new Set<Command>();
  for (const saga of model.sagas) {
    if (saga.coordination !== 'orchestration') continue;
    for (const step of saga.steps) {
      if (step.command.target) set.add(step.command.target);
      if (step.compensation?.target) set.add(step.compensation.target);
    }
  }
  return set;
}

/** The routes of every context, in model order: commands first, then read models. */
export function routeTable(model: Model): RouteRow[] {
  const needs = routeNeeds(model);
  const sent = orchestrated(model);
  const rows: RouteRow[] = [];
  for (const context of model.contexts) {
    for (const aggregate of context.aggregates) {
      for (const command of aggregate.commands) {
        const base = { context: context.name, kind: 'command' as const, name: command.name };
        if (command.http) {
          const origin: RouteOrigin = command.http.conventional ? 'convention' : 'model';
          rows.push({ ...base, method: command.http.method, path: command.http.path, origin, why: needText(needs.get(command)), pointer: command.http.pointer });
        } else if (sent.has(command)) {
          rows.push({ ...base, method: 'POST', path: internalCommandPath(command), origin: 'internal', why: 'sent by its own context\'s orchestrator', pointer: command.pointer });
        }
      }
    }
    for (const readModel of context.readModels) {
      const written = readModel.http.pointer !== readModel.pointer;
      rows.push({
        context: context.name,
        kind: 'read model',
        name: readModel.name,
        method: readModel.http.method,
        path: readModel.http.path,
        origin: written ? 'model' : 'default',
        why: `lookup by ${readModel.key.name}`,
        pointer: readModel.http.pointer,
      });
    }
  }
  return rows;
}
