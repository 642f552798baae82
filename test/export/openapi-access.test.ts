/**
 * Security in the OpenAPI export: every command and lookup needs the bearer JWT scheme, refuses
 * with 401/403 problem details exactly as the runtime sends them (its real auth.ts and guard.ts
 * behind a real Fastify server), and names in `x-actor` the roles the runtime admits.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/export/openapi.js';
import { MODEL_FILES, modelFile } from './support.js';

type Doc = Record<string, any>;

/**
 * The runtime's own modules (templates/runtime/src: TypeScript with `.ts` imports, run by Node 22
 * in a generated platform), loaded by vitest at run time: the project's typecheck does not
 * compile the runtime, so their types are spelled out here for what the test uses.
 */
interface ActorDef {
  name: string;
  role: string;
  pii: boolean;
  records: 'own' | 'all';
  operator: boolean;
}
interface Caller {
  sub: string;
  roles: readonly string[];
  service: string | undefined;
}
interface AuthModule {
  AccessError: new (status: 401 | 403, message: string) => Error & { status: 401 | 403 };
  AccessRules: new (actors: readonly ActorDef[]) => { command(access: { actor?: string | undefined }, caller: Caller): void };
  Authenticator: new (settings: { devSecret: string }) => { caller(authorization: string | undefined): Promise<Caller> };
  devToken(options: { actor?: string; service?: string; actors?: readonly ActorDef[]; secret: string }): Promise<string>;
}
interface GuardModule {
  sendProblem(reply: unknown, status: number, detail: string): unknown;
}
const runtimeSource = (name: string) => new URL(`../../templates/runtime/src/${name}`, import.meta.url).href;
const { AccessError, AccessRules, Authenticator, devToken } = (await import(runtimeSource('auth.ts'))) as AuthModule;
const { sendProblem } = (await import(runtimeSource('guard.ts'))) as GuardModule;

const operations = (doc: Doc): [string, Doc][] =>
  Object.entries<Doc>(doc['paths']).flatMap(([path, item]) => Object.entries<Doc>(item).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as [string, Doc]));

describe.each(MODEL_FILES)('%s', (file) => {
  const model = modelFile(file);
  const commands = new Map(model.contexts.flatMap((c) => c.aggregates.flatMap((a) => a.commands)).map((c) => [c.name, c]));
  const roleOf = (actor: string) => model.actors?.find((a) => a.name === actor)?.role ?? actor;

  it('declares one http bearer JWT scheme and requires it on every command and lookup', () => {
    let count = 0;
    for (const context of model.contexts) {
      const doc: Doc = openApiDocument(model, context);
      expect(doc['components'].securitySchemes).toEqual({
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: expect.any(String) },
      });
      for (const [route, op] of operations(doc)) {
        count++;
        expect(op.security, route).toEqual([{ bearerAuth: [] }]);
        const ref = { $ref: '#/components/schemas/Problem' };
        expect(op.responses['401'].content, route).toEqual({ 'application/problem+json': { schema: ref } });
        expect(op.responses['403'].content, route).toEqual({ 'application/problem+json': { schema: ref } });
        expect(op.responses['401'].headers['WWW-Authenticate'].schema, route).toEqual({ type: 'string', const: 'Bearer' });
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('names the admitted roles in x-actor: the command\u2019s actor, services only without one, any actor for a lookup', () => {
    const allRoles = [...new Set((model.actors ?? []).map((a) => a.role))];
    let serviceOnly = 0;
    for (const context of model.contexts) {
      const doc: Doc = openApiDocument(model, context);
      for (const [route, op] of operations(doc)) {
        const xActor = op['x-actor'];
        expect(xActor?.services, route).toBe(true);
        const command = commands.get(op.operationId);
        if (!command) {
          expect(xActor, route).toEqual({ actors: (model.actors ?? []).map((a) => a.name), roles: allRoles, services: true, serviceOnly: false });
        } else if (command.actor === undefined) {
          serviceOnly++;
          expect(xActor, route).toEqual({ actors: [], roles: [], services: true, serviceOnly: true });
          expect(op.description, route).toContain('Service-only');
        } else {
          expect(xActor, route).toEqual({ actors: [command.actor], roles: [roleOf(command.actor)], services: true, serviceOnly: false });
        }
      }
    }
    if (file === 'models/gov24.yaml') expect(serviceOnly).toBeGreaterThan(0);
  });
});

describe('the refusals are what the runtime sends', () => {
  const model = modelFile('models/gov24.yaml');
  const application = model.contexts.find((c) => c.name === 'application')!;
  const doc: Doc = openApiDocument(model, application);
  const submit = doc['paths']['/applications/general'].post;
  const record = doc['paths']['/applications/{applicationId}/issuance-result'].post;
  const actors: ActorDef[] = (model.actors ?? []).map((a) => ({ name: a.name, role: a.role, pii: a.pii, records: a.records, operator: a.operator }));
  const secret = 'openapi access test secret';
  const auth = new Authenticator({ devSecret: secret });
  const rules = new AccessRules(actors);

  /** A server guarding two routes the way guard.ts does: the caller from its token, the rules, sendProblem on refusal. */
  async function server() {
    const app = Fastify();
    for (const [path, actor] of [['/submit', submit['x-actor'].actors[0]], ['/record', undefined]] as const) {
      app.post(path, async (req, reply) => {
        try {
          const caller = await auth.caller(req.headers.authorization);
          rules.command({ actor }, caller);
          return reply.code(200).send({});
        } catch (error) {
          if (error instanceof AccessError) return sendProblem(reply, error.status, error.message);
          throw error;
        }
      });
    }
    await app.ready();
    return app;
  }

  it('401 and 403 bodies validate against the exported Problem schema, with the exported media type and header', async () => {
    const validate = new Ajv2020({ strict: true }).compile(doc['components'].schemas.Problem);
    const app = await server();
    try {
      const citizen = await devToken({ actor: 'Citizen', actors, secret });
      const administrator = await devToken({ actor: 'Administrator', actors, secret });
      const service = await devToken({ service: 'instant-issuance', secret });
      const cases = [
        { url: '/submit', token: undefined, status: 401, op: submit },
        { url: '/submit', token: 'not-a-jwt', status: 401, op: submit },
        { url: '/submit', token: administrator, status: 403, op: submit },
        { url: '/record', token: citizen, status: 403, op: record },
      ];
      for (const c of cases) {
        const res = await app.inject({ method: 'POST', url: c.url, headers: c.token ? { authorization: `Bearer ${c.token}` } : {}, payload: {} });
        expect(res.statusCode, `${c.url} ${c.status}`).toBe(c.status);
        const response = c.op.responses[String(c.status)];
        expect(res.headers['content-type']).toMatch(new RegExp(`^${Object.keys(response.content)[0]!.replace('+', '\\+')}`));
        const body = res.json();
        expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
        if (c.status === 401) expect(res.headers['www-authenticate']).toBe(response.headers['WWW-Authenticate'].schema.const);
      }
      // What x-actor admits is admitted: the actor's role, and a service on the service-only route.
      expect((await app.inject({ method: 'POST', url: '/submit', headers: { authorization: `Bearer ${citizen}` }, payload: {} })).statusCode).toBe(200);
      expect(record['x-actor'].serviceOnly).toBe(true);
      expect((await app.inject({ method: 'POST', url: '/record', headers: { authorization: `Bearer ${service}` }, payload: {} })).statusCode).toBe(200);
      expect(submit['x-actor'].roles).toEqual(['citizen']);
    } finally {
      await app.close();
    }
  });
});
