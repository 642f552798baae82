/**
 * The HTTP face of a service (Fastify): command routes with JSON-schema request validation,
 * read-model lookups, /healthz, /readyz, /metrics, the DLQ reprocessor's admin routes and the
 * saga admin route (GET /admin/sagas/{saga}/{id}).
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { AccessError, type RouteAccess } from './auth.ts';
import { Guard, sendProblem, type GuardOptions } from './guard.ts';
import { CallRejectedError, ServiceUnavailableError } from './http-client.ts';
import { CommandError, type ServiceRuntime } from './service.ts';

export interface CommandRoute {
  readonly kind: 'command';
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET';
  /** Model syntax: `/applications/{applicationId}/result`. */
  readonly path: string;
  /**
   * The command it runs: its input is the body (the query of GET and DELETE) with the path
   * parameters merged in, validated against the command's JSON schema.
   */
  readonly command: string;
  /** Who may call it (auth.ts): the command's actor and its aggregate's owner field. */
  readonly access?: RouteAccess;
}

/** What a command route answers: the aggregate key, its new state and the events it emitted. */
export interface CommandReply {
  readonly key: string;
  readonly state: Record<string, unknown> | null;
  readonly events: ReadonlyArray<{ readonly id: string; readonly type: string }>;
}

export interface LookupRoute {
  readonly kind: 'lookup';
  readonly path: string;
  readonly readModel: string;
  /** Who sees what (auth.ts): the read model's owner field and its pii fields. */
  readonly access?: RouteAccess;
}

export type Route = CommandRoute | LookupRoute;

export interface ServerOptions {
  /** Fastify's own request logging. Default off (the runtime logs what matters). */
  readonly logRequests?: boolean;
  /**
   * The access rules (auth.ts, guard.ts): every route but /healthz, /readyz and /metrics needs a
   * bearer token. startService always sets them; without them (runtime tests) routes are open.
   */
  readonly access?: GuardOptions;
}

/** `{applicationId}` → `:applicationId` (Fastify's syntax). */
export function toFastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof AccessError) return sendProblem(reply, error.status, error.message);
  if (error instanceof CommandError) return reply.code(error.status).send({ error: 'command-rejected', message: error.message });
  if (error instanceof ServiceUnavailableError) {
    return reply.code(503).send({ error: 'dependency-unavailable', service: error.service, reason: error.reason, message: error.message });
  }
  if (error instanceof CallRejectedError) return reply.code(502).send({ error: 'dependency-rejected', message: error.message, detail: error.body });
  throw error;
}

export function createHttpServer(runtime: ServiceRuntime, routes: readonly Route[], options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logRequests ?? false });
  const guard = options.access ? new Guard(options.access, runtime.definition, runtime.db) : undefined;
  if (guard) {
    app.addHook('onRequest', async (req, reply) => {
      // The matched route, not the raw URL: the router decodes %xx, so /%61dmin/dlq is /admin/dlq.
      if (!(req.routeOptions.url ?? '').startsWith('/admin/')) return;
      try {
        await guard.admin(req);
      } catch (error) {
        return sendError(reply, error);
      }
    });
  }

  app.get('/healthz', async () => ({ status: 'ok', service: runtime.definition.name }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await runtime.db.query('SELECT 1');
      return { status: 'ready', bus: runtime.bus.kind, db: runtime.db.kind };
    } catch (error) {
      return reply.code(503).send({ status: 'not-ready', message: error instanceof Error ? error.message : String(error) });
    }
  });
  app.get('/metrics', async (_req, reply) => reply.type('text/plain; version=0.0.4').send(await runtime.renderMetrics()));

  app.get('/admin/sagas/:saga/:id', async (req, reply) => {
    const { saga, id } = req.params as { saga: string; id: string };
    const found = await runtime.sagaInstance(saga, id);
    if (!found) return reply.code(404).send({ error: 'not-found', message: `saga ${saga} ${id} not found` });
    return found;
  });

  app.get('/admin/dlq', async (req) => {
    const status = (req.query as { status?: string }).status;
    return runtime.dlqRecords(status === 'pending' || status === 'replayed' || status === 'compensated' ? status : undefined);
  });
  app.post('/admin/dlq/:recordId/replay', async (req, reply) => {
    try {
      const result = await runtime.replay((req.params as { recordId: string }).recordId);
      return reply.code(result.outcome === 'failed' ? 500 : 200).send({
        outcome: result.outcome,
        attempts: result.attempts,
        ...(result.error ? { error: result.error instanceof Error ? result.error.message : String(result.error) } : {}),
      });
    } catch (error) {
      return sendError(reply, error);
    }
  });

  for (const route of routes) {
    if (route.kind === 'lookup') {
      app.get(toFastifyPath(route.path), async (req, reply) => {
        const params = req.params as Record<string, string>;
        const key = Object.values(params)[0] ?? '';
        let caller;
        try {
          caller = await guard?.lookup(req);
        } catch (error) {
          return sendError(reply, error);
        }
        const found = await runtime.lookup(route.readModel, key);
        // Another owner's record answers as one that does not exist.
        const view = found && guard && caller ? guard.rules.view(route.access ?? {}, caller, found) : found;
        if (!view) return reply.code(404).send({ error: 'not-found', message: `${route.readModel} ${key} not found` });
        return view;
      });
      continue;
    }
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    app.route({
      method: route.method,
      url: toFastifyPath(route.path),
      handler: async (req, reply) => {
        let input = { ...((hasBody ? req.body : req.query) as Record<string, unknown> | undefined), ...(req.params as Record<string, unknown>) };
        try {
          const allowed = guard ? await guard.command(route.access ?? {}, route.command, req, input) : undefined;
          if (allowed && !allowed.input) return reply.code(404).send({ error: 'not-found', message: `${route.command}: no such record of the caller` });
          if (allowed?.input) input = allowed.input;
          const correlationId = typeof req.headers['x-correlation-id'] === 'string' ? req.headers['x-correlation-id'] : undefined;
          // Idempotency-Key (the IETF httpapi draft's header): a retried request runs the command once.
          const idempotencyKey = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
          const result = await runtime.execute(route.command, input, { correlationId, idempotencyKey });
          const state = result.state && allowed ? (guard!.rules.view({ pii: route.access?.pii }, allowed.caller, result.state) ?? null) : result.state;
          const answer: CommandReply = { key: result.key, state, events: result.events.map((e) => ({ id: e.id, type: e.type })) };
          return reply.code(200).send(answer);
        } catch (error) {
          return sendError(reply, error);
        }
      },
    });
  }
  return app;
}
