import type { Finding } from '../finding.js';
import type { Command, Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { internalCommandPath, routeShape, SERVICE_OWN_ROUTES } from '../routes.js';
import { clipMiddle as clip } from '../quote.js';
import type { Rule } from './rule.js';

interface ServedRoute {
  readonly method: string;
  readonly path: string;
  /** `command "X"`, `read model "Y"`. */
  readonly owner: string;
  readonly pointer: string;
  /** How the route came about when the model does not write it. */
  readonly origin: string;
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

export const rule: Rule = {
  code: 'MSA407',
  name: 'route-collision',
  severity: 'error',
  summary:
    'No two routes of one service have the same method and path shape (`/a/{x}` and `/a/{y}` are one route), and none takes a route the service serves itself (`/healthz`, `/readyz`, `/metrics`, `/admin/dlq`).',
  hint: 'Give each command and read model of a context a method and path of its own; `/a/{x}` and `/a/{y}` are one route.',
  docs: `Each context is one service with one HTTP router (Fastify). It serves the routes of its
commands, the lookup routes of its read models (\`GET /<kebab-name>s/{key}\` when a read model
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

Fails:

    commands:
      - name: RecordIssuanceResult
        http: POST /applications/{applicationId}/result
      - name: CancelApplication
        http: POST /applications/{id}/result              # the same route
    readModels:
      - name: ServiceHealth
        key: serviceId
        http: GET /healthz                                # the liveness probe's route

Passes:

    commands:
      - name: RecordIssuanceResult
        http: POST /applications/{applicationId}/result
      - name: CancelApplication
        http: POST /applications/{applicationId}/cancel`,
  check(model: Model) {
    const findings: Finding[] = [];
    const sent = orchestrated(model);
    for (const context of model.contexts) {
      const routes: ServedRoute[] = [];
      for (const aggregate of context.aggregates) {
        for (const command of aggregate.commands) {
          if (command.http) {
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
      const taken = new Map<string, { what: string; derived: boolean }>();
      for (const own of SERVICE_OWN_ROUTES) {
        taken.set(routeShape(own.method, own.path)!, {
          what: `a route the service serves itself (${own.what}: ${own.method} ${own.path})`,
          derived: false,
        });
      }
      for (const route of routes) {
        const shape = routeShape(route.method, route.path);
        if (shape === undefined) continue; // MSA406
        const first = taken.get(shape);
        const text = `"${route.method} ${clip(route.path)}"`;
        if (first === undefined) {
          taken.set(shape, { what: `the route of ${route.owner}${route.origin}, "${route.method} ${clip(route.path)}"`, derived: route.origin !== '' });
          continue;
        }
        // Two routes msa-gen derives from names clash only when the names do (MSA201, MSA107).
        if (first.derived && route.origin !== '') continue;
        findings.push({
          pointer: route.pointer,
          message: `Route ${text} of ${route.owner}${route.origin} in context "${context.name}" is ${first.what}; one service cannot serve both`,
        });
      }
    }
    return findings;
  },
};
