import type { Command, Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { internalCommandPath, routeShape, SERVICE_OWN_ROUTES } from '../routes.js';
import { clipMiddle as clip } from '../quote.js';
import { defineRule } from './rule.js';

interface ServedRoute {
  readonly method: string;
  readonly path: string;
  /** `command "X"`, `read model "Y"`. */
  readonly owner: string;
  readonly pointer: string;
  /** How the route came about when the model does not write it. */
  readonly origin: string;
  /** The command whose conventional route it is (the model writes none for it). */
  readonly conventional?: string;
}

/** Commands an orchestration saga sends: each is served over HTTP, with a route of msa-gen's when it has none. */
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

/** The routes every service serves itself, by shape (the last of a shape, as a map fills). */
const OWN_SHAPES: ReadonlyMap<string, (typeof SERVICE_OWN_ROUTES)[number]> = new Map(
  SERVICE_OWN_ROUTES.map((own) => [routeShape(own.method, own.path)!, own]),
);

export const rule = defineRule({
  code: 'MSA407',
  name: 'route-collision',
  severity: 'error',
  summary:
    'No two routes of one service have the same method and path shape (`/a/{x}` and `/a/{y}` are one route), and none takes a route the service serves itself (`/healthz`, `/readyz`, `/metrics`, `/admin/dlq`).',
  hint: 'Give each command and read model of a context a method and path of its own; `/a/{x}` and `/a/{y}` are one route.',
  docs: `Each context is one service with one HTTP router (Fastify). It serves the routes of its
commands (written as \`http\`, or, for a command that needs a route and writes none, its
conventional route \`POST /<aggregates>/{<key>}/<command>\`: a call target, a step an
orchestrator in another context sends, a command with an \`actor\`), the lookup routes of its read models (\`GET /<kebab-name>s/{key}\` when a read model
writes none), \`POST /commands/<kebab-name>\` for a command an orchestration saga sends that has
no route of its own, and its own routes: \`GET /healthz\` and \`GET /readyz\` (the Kubernetes
probes), \`GET /metrics\`, \`GET /admin/dlq\` and \`POST /admin/dlq/{recordId}/replay\` (the DLQ
reprocessor).

The router tells routes apart by method and path, and a parameter matches any segment
whatever its name: \`POST /applications/{applicationId}/result\` and
\`POST /applications/{id}/result\` are the same route. A second registration of a route makes
the service fail at start-up ("Method 'POST' already declared"), so two routes of one service
must differ in method or shape. Routes of different contexts never meet: each service has its
own router.

A conventional route that collides with another route is reported too (\`conventionalRoute\`):
write an \`http\` route for the command to override its conventional one, or move the other
route. \`msa-gen routes <model>\` prints every route of every service and where it comes from.`,
  messages: {
    /**
     * `owner`: `command "X"`, `read model "Y"`; `origin`: how the route came about when the model
     * does not write it; `path` clipped in the middle.
     */
    sameRoute:
      'Route "{{method}} {{path}}" of {{owner}}{{origin}} in context "{{context}}" is the route of {{firstOwner}}{{firstOrigin}}, "{{firstMethod}} {{firstPath}}"; one service cannot serve both',
    /** As `sameRoute`, when one of the two is a conventional route; `command`: the command whose route it is. */
    conventionalRoute: {
      text: 'Route "{{method}} {{path}}" of {{owner}}{{origin}} in context "{{context}}" is the route of {{firstOwner}}{{firstOrigin}}, "{{firstMethod}} {{firstPath}}"; one service cannot serve both',
      hint: 'Write an `http:` route for "{{command}}" that overrides its conventional one, or move the other route.',
    },
    /** `purpose`: what the service serves there (`its liveness probe`). */
    ownRoute:
      'Route "{{method}} {{path}}" of {{owner}}{{origin}} in context "{{context}}" is a route the service serves itself ({{purpose}}: {{ownMethod}} {{ownPath}}); one service cannot serve both',
  },
  examples: {
    fails: [
      {
        at: { commands: '/contexts/0/aggregates/0', readModels: '/contexts/0' },
        yaml: `commands:
  - name: RecordIssuanceResult
    http: POST /applications/{applicationId}/result
  - name: CancelApplication
    http: POST /applications/{id}/result              # the same route
readModels:
  - name: ServiceHealth
    key: applicationId
    from: [ApplicationSubmitted]
    http: GET /healthz                                # the liveness probe's route`,
      },
      {
        at: { commands: '/contexts/0/aggregates/0' },
        yaml: `commands:
  - name: CancelApplication
    actor: Clerk                                      # no http: POST /applications/{applicationId}/cancel-application
    fields: [applicationId]
  - name: RecordIssuanceResult
    http: POST /applications/{applicationId}/cancel-application`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `commands:
  - name: RecordIssuanceResult
    http: POST /applications/{applicationId}/result
  - name: CancelApplication
    http: POST /applications/{applicationId}/cancel`,
      },
    ],
  },
  check(model, report) {
    const sent = orchestrated(model);
    for (const context of model.contexts) {
      const routes: ServedRoute[] = [];
      for (const aggregate of context.aggregates) {
        for (const command of aggregate.commands) {
          if (command.http?.conventional) {
            routes.push({
              method: command.http.method,
              path: command.http.path,
              owner: `command "${command.name}"`,
              pointer: command.http.pointer,
              origin: ' (its conventional route)',
              conventional: command.name,
            });
          } else if (command.http) {
            routes.push({ method: command.http.method, path: command.http.path, owner: `command "${command.name}"`, pointer: command.http.pointer, origin: '' });
          } else if (sent.has(command)) {
            routes.push({
              method: 'POST',
              path: internalCommandPath(command),
              owner: `command "${command.name}"`,
              pointer: joinPointer(command.pointer, 'name'),
              origin: ' (the route msa-gen gives a command an orchestration saga sends)',
            });
          }
        }
      }
      for (const readModel of context.readModels) {
        const written = readModel.http.pointer !== readModel.pointer;
        routes.push({
          method: readModel.http.method,
          path: readModel.http.path,
          owner: `read model "${readModel.name}"`,
          pointer: written ? readModel.http.pointer : joinPointer(readModel.pointer, 'name'),
          origin: written ? '' : ' (its default route)',
        });
      }
      /** Who serves a route shape besides the service itself (OWN_SHAPES): a route of the model. */
      const taken = new Map<string, ServedRoute>();
      for (const r of routes) {
        const shape = routeShape(r.method, r.path);
        if (shape === undefined) continue; // MSA406
        const data = () => ({ method: r.method, path: clip(r.path), owner: r.owner, origin: r.origin, context: context.name });
        const own = OWN_SHAPES.get(shape);
        if (own !== undefined) {
          report({
            pointer: r.pointer,
            messageId: 'ownRoute',
            data: { ...data(), purpose: own.what, ownMethod: own.method, ownPath: own.path },
          });
          continue;
        }
        const route = taken.get(shape);
        if (route === undefined) {
          taken.set(shape, r);
          continue;
        }
        // Two routes msa-gen derives from names alone clash only when the names do (MSA201, MSA107).
        if (route.origin !== '' && r.origin !== '' && route.conventional === undefined && r.conventional === undefined) continue;
        const conventional = r.conventional ?? route.conventional;
        if (conventional !== undefined) {
          report({
            pointer: r.pointer,
            messageId: 'conventionalRoute',
            data: {
              ...data(),
              firstOwner: route.owner,
              firstOrigin: route.origin,
              firstMethod: route.method,
              firstPath: clip(route.path),
              command: conventional,
            },
          });
          continue;
        }
        report({
          pointer: r.pointer,
          messageId: 'sameRoute',
          data: {
            ...data(),
            firstOwner: route.owner,
            firstOrigin: route.origin,
            firstMethod: route.method,
            firstPath: clip(route.path),
          },
        });
      }
    }
  },
});
