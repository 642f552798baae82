/**
 * The front door: which routes of a service the Gateway API HTTPRoute exposes. Only what a
 * caller outside the platform may use: the routes of commands with an `actor`, and the read
 * models' lookups. Never a command without an actor (internal: policies, sagas and other
 * services call it), never the routes msa-gen adds for orchestrators (`/commands/…`), never the
 * runtime's own routes (`/admin/…`, `/metrics`, probes).
 *
 * Each route becomes an HTTPRoute match on its method and its path: `Exact` for a path without
 * parameters, else `RegularExpression` with each `{param}` as one segment (`[^/]+`), anchored, so
 * `GET /applications/{id}` never exposes `GET /applications/{id}/anything`.
 */
import type { Context, HttpRoute, Model } from '../../model/valid.js';
import { parsePath } from '../../model/routes.js';
import { compareCodeUnits } from '../names/order.js';
import { commandRoute, contextCommands } from '../plan/service.js';

export interface ExposedRoute {
  readonly method: HttpRoute['method'];
  readonly pathType: 'Exact' | 'RegularExpression';
  readonly path: string;
  /** What the route is, for the chart reader: `command SubmitApplication (actor Citizen)`. */
  readonly what: string;
}

/** A literal segment (letters, digits, `.`, `_`, `-`: MSA406) as a regular expression: `.` escaped. */
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A route path as an HTTPRoute path match. */
export function pathMatch(path: string): { pathType: ExposedRoute['pathType']; path: string } {
  const { segments } = parsePath(path);
  if (segments.every((s) => s.kind === 'literal')) return { pathType: 'Exact', path };
  const pattern = segments.map((s) => (s.kind === 'param' ? '[^/]+' : escapeRegex(s.text))).join('/');
  return { pathType: 'RegularExpression', path: `^/${pattern}$` };
}

export function exposedRoutes(model: Model, context: Context): ExposedRoute[] {
  const list: ExposedRoute[] = [];
  for (const command of contextCommands(context)) {
    if (command.actor === undefined) continue;
    const route = commandRoute(command, model);
    if (!route || route.internal) continue;
    list.push({ method: route.method, ...pathMatch(route.path), what: `command ${command.name} (actor ${command.actor})` });
  }
  for (const readModel of context.readModels) {
    // The runtime serves every lookup on GET.
    list.push({ method: 'GET', ...pathMatch(readModel.http.path), what: `lookup ${readModel.name}` });
  }
  return list.sort((a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.method, b.method));
}
