/**
 * Who may call what, in the OpenAPI export: the bearer JWT scheme every route needs, the 401 and
 * 403 refusals as the runtime sends them (templates/runtime/src/guard.ts `sendProblem`: RFC 9457
 * problem details, `WWW-Authenticate: Bearer` on a 401), and `x-actor`, the roles a route
 * admits (templates/runtime/src/auth.ts `AccessRules`).
 */
import type { Command, Model } from '../model/valid.js';

type Doc = Record<string, unknown>;

/** The name of the bearer scheme in components.securitySchemes. */
export const BEARER_SCHEME = 'bearerAuth';

/** Media type of a refusal (401, 403): problem details (auth.ts `problem`). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The requirement every command and lookup carries. */
export const BEARER_REQUIREMENT: readonly Doc[] = [{ [BEARER_SCHEME]: [] }];

export const SECURITY_SCHEMES: Doc = {
  [BEARER_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "A JWT of the platform's identity provider (its roles in the claim AUTH_ROLES_CLAIM, default `roles`), or a service's own token: a projected ServiceAccount token in Kubernetes, a dev token locally.",
  },
};

export const PROBLEM_SCHEMA: Doc = {
  type: 'object',
  description: 'A refusal as problem details (RFC 9457).',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', const: 'about:blank' },
    title: { type: 'string', enum: ['Unauthorized', 'Forbidden'] },
    status: { type: 'integer', enum: [401, 403] },
    detail: { type: 'string', description: 'Why: no token, an invalid one, or a role the route does not admit.' },
  },
};

const problemContent = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };

/** The 401 and 403 responses of a route; `forbidden` says who the 403 turns away. */
export function refusals(forbidden: string): Doc {
  return {
    '401': {
      description: 'No bearer token, or an invalid one (signature, issuer, audience, expiry).',
      headers: { 'WWW-Authenticate': { description: 'How to authenticate.', schema: { type: 'string', const: 'Bearer' } } },
      content: problemContent,
    },
    '403': { description: forbidden, content: problemContent },
  };
}

/**
 * `x-actor` of a route: the model's actors (and the role claim values) it admits; services of
 * the platform are always admitted. `serviceOnly`: an internal command, no actor may call it.
 */
export interface ActorExtension {
  readonly actors: readonly string[];
  readonly roles: readonly string[];
  readonly services: true;
  readonly serviceOnly: boolean;
}

/** The role of an actor: its `role`, or its name for the implicit actors of a model without `actors:`. */
function roleOf(model: Model, actor: string): string {
  return model.actors?.find((a) => a.name === actor)?.role ?? actor;
}

export function commandActor(model: Model, command: Command): ActorExtension {
  if (command.actor === undefined) return { actors: [], roles: [], services: true, serviceOnly: true };
  return { actors: [command.actor], roles: [roleOf(model, command.actor)], services: true, serviceOnly: false };
}

/** A lookup answers any declared actor's role, and services. */
export function lookupActor(model: Model): ActorExtension {
  const actors = model.actors ?? [];
  return { actors: actors.map((a) => a.name), roles: [...new Set(actors.map((a) => a.role))], services: true, serviceOnly: false };
}

export function commandForbidden(command: Command, ownerField: string | undefined): string {
  if (command.actor === undefined) return 'An internal command: only services of the platform may call it.';
  const own = ownerField === undefined ? '' : ` A caller limited to its own records may not name another owner in ${ownerField}.`;
  return `The token holds no role of ${command.actor} and is no service of the platform.${own}`;
}

export const LOOKUP_FORBIDDEN = 'No role of the token is an actor of the model, and it is no service of the platform.';
