/** HTTP routes: their template syntax, their shape as the HTTP router sees it, and routes in the model's style for hints. */
import { kebabCase } from './case.js';
import type { Command, HttpRoute, Model } from './ir.js';
import { joinPointer } from './pointer.js';
import { orchestratorOf } from './sagas.js';

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Field types a URL can carry as text (MSA408): the others go in a body. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'text', 'uuid', 'date', 'datetime', 'url', 'email', 'enum']);

/**
 * The conventional route of a command, the one it gets when the model writes no `http:`:
 * `POST /<aggregates>/{<key>}/<command>` when its input carries the aggregate's key (a text
 * field), else `POST /<aggregates>/<command>` (a command that creates its aggregate, whose key the
 * runtime assigns, or one whose key cannot come from a URL). `<aggregates>` is the aggregate's
 * name in kebab case and plural, `<command>` the command's in kebab case:
 * `POST /applications/{applicationId}/record-issuance-result`.
 */
export function conventionalRoute(command: Command): { readonly method: 'POST'; readonly path: string } {
  const collection = `/${plural(kebabCase(command.aggregate.name))}`;
  const key = command.aggregate.key;
  const inPath = key !== undefined && !key.list && TEXT_TYPES.has(key.type) && command.payload.fields.some((f) => f.name === key.name);
  return { method: 'POST', path: inPath ? `${collection}/{${key.name}}/${kebabCase(command.name)}` : `${collection}/${kebabCase(command.name)}` };
}

/** The conventional route as the model would write it: `POST /applications/{applicationId}/record-issuance-result`. */
export function suggestRoute(command: Command): string {
  const route = conventionalRoute(command);
  return `${route.method} ${route.path}`;
}

/** Why a command is served over HTTP with a route of its own (written, or conventional when it writes none). */
export type RouteNeed =
  /** Another context calls it synchronously (`calls`). */
  | { readonly kind: 'call'; readonly from: string }
  /** An orchestration saga run by another context sends it, as a step or a compensation. */
  | { readonly kind: 'orchestration'; readonly saga: string; readonly orchestrator: string }
  /** A person or system outside the platform issues it. */
  | { readonly kind: 'actor'; readonly actor: string };

/**
 * The commands that need a route, each with the first reason found: a call target, a step or
 * compensation of an orchestration saga run by another context, a command with an `actor`.
 * Unresolved names are skipped (other rules report them).
 */
export function routeNeeds(model: Pick<Model, 'calls' | 'sagas' | 'commands'>): Map<Command, RouteNeed> {
  const needs = new Map<Command, RouteNeed>();
  const add = (command: Command | undefined, need: RouteNeed) => {
    if (command && !needs.has(command)) needs.set(command, need);
  };
  for (const call of model.calls) add(call.command.target, { kind: 'call', from: call.from.name });
  for (const saga of model.sagas) {
    if (saga.coordination !== 'orchestration') continue;
    const home = orchestratorOf(saga);
    if (!home) continue;
    for (const step of saga.steps) {
      if (step.external) continue;
      for (const command of [step.command.target, step.compensation?.target]) {
        if (command && command.context !== home) add(command, { kind: 'orchestration', saga: saga.name, orchestrator: home.name });
      }
    }
  }
  for (const command of model.commands) if (command.actor !== undefined) add(command, { kind: 'actor', actor: command.actor });
  return needs;
}

/** The conventional route as an IR route, pointing at the command's name (the model writes none). */
export function conventionalHttpRoute(command: Command): HttpRoute {
  const route = conventionalRoute(command);
  return { pointer: joinPointer(command.pointer, 'name'), method: route.method, path: route.path, params: pathParams(route.path), conventional: true };
}

/** One segment of a route path: literal text, or a `{parameter}` standing for a whole segment. */
export type RouteSegment = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'param'; readonly name: string };

export interface ParsedPath {
  /** The segments between the slashes; empty for the root `/`. */
  readonly segments: readonly RouteSegment[];
  /** What makes the template one the HTTP router cannot serve as meant; empty when it is fine. */
  readonly problems: readonly string[];
}

/** A parameter name: it names a field, so it is an identifier (MSA206 checks which field). */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters of a literal segment: unreserved URI characters but `~` (what the schema lets through). */
const LITERAL = /^[A-Za-z0-9._-]+$/;

/** `{name}` for a problem message, clipped. */
function shown(text: string): string {
  return text.length <= 40 ? `"${text}"` : `"${text.slice(0, 19)}…${text.slice(-19)}"`;
}

/**
 * Splits a route path (`/applications/{applicationId}/result`) into segments and says what is
 * wrong with it: a path starts with `/`; no segment is empty (`//`, or a trailing `/` except the
 * root) or `.`/`..`; a parameter is a whole segment `{name}` with balanced braces and an
 * identifier for a name, and no parameter appears twice; literal segments use letters, digits,
 * `.`, `_` and `-`. Never throws.
 */
export function parsePath(path: string): ParsedPath {
  let parsed = parsedPaths.get(path);
  if (parsed === undefined) parsedPaths.set(path, (parsed = Object.freeze(splitPath(path))));
  return parsed;
}

/** Each path parsed once: resolve, MSA406, MSA407 and the generators ask about the same paths. */
const parsedPaths = new Map<string, ParsedPath>();

function splitPath(path: string): ParsedPath {
  const problems: string[] = [];
  const segments: RouteSegment[] = [];
  if (!path.startsWith('/')) return { segments, problems: ['does not start with "/"'] };
  if (path === '/') return { segments, problems };
  const parts = path.slice(1).split('/');
  const seen = new Set<string>();
  parts.forEach((part, i) => {
    if (part === '') {
      problems.push(i === parts.length - 1 ? 'ends in "/"' : 'has an empty segment ("//")');
      return;
    }
    if (part === '.' || part === '..') {
      problems.push(`has the segment "${part}", which clients and proxies resolve away`);
      return;
    }
    const open = part.indexOf('{');
    const close = part.indexOf('}');
    if (open === -1 && close === -1) {
      if (LITERAL.test(part)) segments.push({ kind: 'literal', text: part });
      else problems.push(`has the segment ${shown(part)}: use letters, digits, ".", "_" and "-"`);
      return;
    }
    if (open === 0 && close === part.length - 1 && part.lastIndexOf('{') === 0 && part.indexOf('}') === close) {
      const name = part.slice(1, -1);
      if (name === '') problems.push('has an empty parameter "{}"');
      else if (!PARAM_NAME.test(name)) problems.push(`has the parameter ${shown(part)}, whose name is not a field name`);
      else if (seen.has(name)) problems.push(`names the parameter "{${name}}" twice`);
      else {
        seen.add(name);
        segments.push({ kind: 'param', name });
      }
      return;
    }
    const opens = part.split('{').length - 1;
    const closes = part.split('}').length - 1;
    if (opens !== closes || close < open) problems.push(`has unbalanced braces in the segment ${shown(part)}`);
    else problems.push(`has the segment ${shown(part)}: a parameter is a whole segment, like "{id}"`);
  });
  return { segments, problems };
}

/** The parameters of a path: the names of its well-formed `{name}` segments, each once. */
export function pathParams(path: string): string[] {
  return parsePath(path).segments.flatMap((s) => (s.kind === 'param' ? [s.name] : []));
}

/**
 * What the HTTP router (find-my-way, under Fastify) tells routes apart by: the method and the
 * path with every parameter alike (`/a/{x}` and `/a/{y}` are one route). Undefined for a path
 * with problems (MSA406 reports those).
 */
export function routeShape(method: string, path: string): string | undefined {
  const { segments, problems } = parsePath(path);
  if (problems.length > 0) return undefined;
  return `${method} /${segments.map((s) => (s.kind === 'param' ? '{}' : s.text)).join('/')}`;
}

/**
 * Routes every generated service serves itself (the runtime's HTTP server): health and
 * readiness probes, metrics, and the DLQ reprocessor's admin routes.
 */
export const SERVICE_OWN_ROUTES: ReadonlyArray<{ readonly method: HttpRoute['method']; readonly path: string; readonly what: string }> = [
  { method: 'GET', path: '/healthz', what: 'its liveness probe' },
  { method: 'GET', path: '/readyz', what: 'its readiness probe' },
  { method: 'GET', path: '/metrics', what: 'its Prometheus metrics' },
  { method: 'GET', path: '/admin/dlq', what: 'its list of dead-lettered records' },
  { method: 'POST', path: '/admin/dlq/{recordId}/replay', what: 'its DLQ replay' },
];

/** The route the generator gives a command an orchestrator sends that has no `http` of its own. */
export function internalCommandPath(command: { readonly name: string }): string {
  return `/commands/${kebabCase(command.name)}`;
}

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `METHOD /path` → a route. The schema guarantees the form; whatever it lets through, this never
 * throws, and `params` holds only well-formed whole-segment `{name}` parameters, each once
 * (MSA406 reports the rest of a malformed path).
 */
export function parseRoute(text: string | undefined, pointer: string): HttpRoute | undefined {
  if (text === undefined) return undefined;
  const space = text.indexOf(' ');
  const head = space === -1 ? text : text.slice(0, space);
  const method = (METHODS.has(head) ? head : 'GET') as HttpRoute['method'];
  const path = space === -1 ? '' : text.slice(space + 1);
  return { pointer, method, path, params: pathParams(path) };
}

/** A read model's route when it writes none: `GET /<kebab-name>s/{<key>}`, pointing at the read model. */
export function defaultLookupRoute(name: string, key: string, pointer: string): HttpRoute {
  const path = `/${kebabCase(name)}s/{${key}}`;
  return { pointer, method: 'GET', path, params: pathParams(path) };
}
