/**
 * Who may call what: bearer JWTs verified with jose, and the model's actors turned into access
 * rules.
 *
 * - A caller proves who it is with `Authorization: Bearer <JWT>`. In production the token is
 *   verified against the identity provider's key set (AUTH_JWKS_URL, with AUTH_ISSUER and
 *   AUTH_AUDIENCE); locally and in tests against a shared dev secret (AUTH_DEV_SECRET, HS256).
 *   Its roles are the claim AUTH_ROLES_CLAIM (default `roles`: a string or an array; a dotted
 *   path such as `realm_access.roles` reaches into an object).
 * - A service proves it is a service of the platform with a token carrying a `svc` claim (its
 *   name): minted with the dev secret locally; in Kubernetes a projected ServiceAccount token
 *   (AUTH_SERVICE_TOKEN_FILE) verified against the cluster's key set (AUTH_SERVICE_JWKS_URL,
 *   AUTH_SERVICE_ISSUER, AUTH_SERVICE_AUDIENCE): its `sub` `system:serviceaccount:<ns>:<name>`
 *   names the service.
 * - A command with an actor accepts callers in that actor's role (and services: saga steps and
 *   `calls`); a command without one is internal: services only. Lookups answer callers in any
 *   declared role and services; an owner field limits an actor with `records: own` to records
 *   whose owner is its `sub` (404 for the others); pii fields are left out unless a role of the
 *   caller may see them. /admin/* needs an operator role. /healthz, /readyz and /metrics stay
 *   open (probes and the metrics scraper hold no token).
 * - Refusals are RFC 9457 problem details (application/problem+json): 401 without a valid token,
 *   403 when the token's roles do not allow the route.
 */
import { readFile } from 'node:fs/promises';
import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * The dev secret of `npm run dev` and `npm run token` when AUTH_DEV_SECRET is not set: public,
 * so a service never falls back to it (it starts only with AUTH_JWKS_URL or AUTH_DEV_SECRET).
 */
export const LOCAL_DEV_SECRET = 'msa-gen local development secret: never use it in production';

/** An actor of the model: who it is (its role claim value) and what it may see. */
export interface ActorDef {
  readonly name: string;
  /** The value of the roles claim that identifies it. */
  readonly role: string;
  /** May it see fields marked pii? */
  readonly pii: boolean;
  /** `own`: only records whose owner field is its `sub`; `all`: every record. */
  readonly records: 'own' | 'all';
  /** May it use the admin routes (/admin/dlq, /admin/sagas)? */
  readonly operator: boolean;
}

/** The verified caller of a request. */
export interface Caller {
  readonly sub: string;
  readonly roles: readonly string[];
  /** Set when the caller is a service of the platform (its name). */
  readonly service: string | undefined;
}

/** What a route needs: the actor of a command, the owner field and the pii fields of its records. */
export interface RouteAccess {
  /** The command's actor (a name of ActorDef); undefined: an internal command. */
  readonly actor?: string | undefined;
  /** The field that ties a record to its owner's `sub`. */
  readonly owner?: string | undefined;
  /** Fields left out for callers whose roles may not see personal data. */
  readonly pii?: readonly string[] | undefined;
}

export interface AuthSettings {
  /** Production: the identity provider's JWKS URL (and the `iss` and `aud` it must carry). */
  readonly jwksUrl?: string | undefined;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  /** Local development and tests: the HS256 secret every token is signed with. */
  readonly devSecret?: string | undefined;
  /** Claim holding the roles (dotted path). Default `roles`. */
  readonly rolesClaim?: string | undefined;
  /** Kubernetes: the cluster's service-account key set, for projected ServiceAccount tokens. */
  readonly serviceJwksUrl?: string | undefined;
  readonly serviceIssuer?: string | undefined;
  readonly serviceAudience?: string | undefined;
  /** The projected ServiceAccount token this service sends to the others (read at each call). */
  readonly serviceTokenFile?: string | undefined;
  /** NODE_ENV=production (the image sets it): the dev secret is refused. */
  readonly production?: boolean | undefined;
}

/** A refusal: 401 (no or invalid token) or 403 (the token does not allow it). */
export class AccessError extends Error {
  override readonly name = 'AccessError';
  readonly status: 401 | 403;
  constructor(status: 401 | 403, message: string) {
    super(message);
    this.status = status;
  }
}

/** The problem details (RFC 9457) of a refusal. */
export function problem(status: number, detail: string): { type: string; title: string; status: number; detail: string } {
  const title = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Error';
  return { type: 'about:blank', title, status, detail };
}

type Env = Readonly<Record<string, string | undefined>>;

/** The auth settings of the environment, each falling back to this process's own environment. */
export function authSettingsFrom(env: Env): AuthSettings {
  const get = (name: string) => {
    const v = env[name] ?? process.env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  return {
    jwksUrl: get('AUTH_JWKS_URL'),
    issuer: get('AUTH_ISSUER'),
    audience: get('AUTH_AUDIENCE'),
    devSecret: get('AUTH_DEV_SECRET'),
    rolesClaim: get('AUTH_ROLES_CLAIM'),
    serviceJwksUrl: get('AUTH_SERVICE_JWKS_URL'),
    serviceIssuer: get('AUTH_SERVICE_ISSUER'),
    serviceAudience: get('AUTH_SERVICE_AUDIENCE'),
    serviceTokenFile: get('AUTH_SERVICE_TOKEN_FILE'),
    production: get('NODE_ENV') === 'production',
  };
}

const encoder = new TextEncoder();

function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function rolesOf(payload: JWTPayload, claim: string): string[] {
  const value = claimAt(payload, claim);
  if (typeof value === 'string') return value.split(' ').filter((r) => r !== '');
  if (Array.isArray(value)) return value.filter((r): r is string => typeof r === 'string');
  return [];
}

const SERVICE_ACCOUNT = /^system:serviceaccount:[^:]+:([^:]+)$/;

/** The `iss` a token claims, before anything is verified (only to choose the key set); undefined if unreadable. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies bearer tokens and mints this service's own identity. Refuses to exist without a key
 * to verify against: a service never runs open.
 */
export class Authenticator {
  readonly settings: AuthSettings;
  private readonly keys: JWTVerifyGetKey | Uint8Array;
  private readonly serviceKeys: JWTVerifyGetKey | undefined;
  private readonly rolesClaim: string;
  private minted: { token: string; until: number } | undefined;

  constructor(settings: AuthSettings) {
    this.settings = settings;
    this.rolesClaim = settings.rolesClaim ?? 'roles';
    if (settings.jwksUrl) {
      // Without both, a token the identity provider issued to another application (another
      // audience) or another realm of the same key set would be accepted here.
      if (!settings.issuer || !settings.audience) {
        throw new Error('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE: the iss and aud every caller\'s token must carry');
      }
      this.keys = createRemoteJWKSet(new URL(settings.jwksUrl));
    } else if (settings.devSecret) {
      if (settings.production) {
        throw new Error('AUTH_DEV_SECRET is for local development and tests, not NODE_ENV=production: set AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE');
      }
      this.keys = encoder.encode(settings.devSecret);
    } else {
      throw new Error(
        'no way to verify callers: set AUTH_JWKS_URL (the identity provider\'s key set) in production, or AUTH_DEV_SECRET locally',
      );
    }
    this.serviceKeys = settings.serviceJwksUrl ? createRemoteJWKSet(new URL(settings.serviceJwksUrl)) : undefined;
  }

  /** The caller of a request from its Authorization header; AccessError 401 when there is none or it is invalid. */
  async caller(authorization: string | undefined): Promise<Caller> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AccessError(401, 'a bearer token is required');
    const token = match[1]!;
    const { issuer, audience } = this.settings;
    // A token naming the cluster's service-account issuer is a service's: verified against the
    // cluster's key set only, so a service-to-service call never asks the identity provider's
    // key set about a key it cannot have (jose would fetch that key set again for the unknown key).
    if (this.serviceKeys && this.settings.serviceIssuer && unverifiedIssuer(token) === this.settings.serviceIssuer) {
      return this.serviceCaller(token);
    }
    try {
      // With the dev secret a service proves itself by the `svc` claim of a token it minted with
      // that secret. A token of the identity provider never names a service, whatever it claims:
      // there, services prove themselves with their ServiceAccount token (below).
      const dev = this.keys instanceof Uint8Array;
      const { payload } =
        this.keys instanceof Uint8Array
          ? await jwtVerify(token, this.keys, { algorithms: ['HS256'] })
          : await jwtVerify(token, this.keys, { issuer, audience });
      return {
        sub: typeof payload.sub === 'string' ? payload.sub : '',
        roles: rolesOf(payload, this.rolesClaim),
        service: dev && typeof payload['svc'] === 'string' ? payload['svc'] : undefined,
      };
    } catch (error) {
      if (this.serviceKeys && !this.settings.serviceIssuer) {
        // No service issuer to tell the tokens apart by: a service's token may still be one.
        try {
          return await this.serviceCaller(token);
        } catch {
          // not a service-account token either: the first error explains it
        }
      }
      throw new AccessError(401, `invalid token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A projected ServiceAccount token, verified against the cluster's key set: the service it names. */
  private async serviceCaller(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.serviceKeys!, {
        issuer: this.settings.serviceIssuer,
        audience: this.settings.serviceAudience,
      });
      const account = SERVICE_ACCOUNT.exec(payload.sub ?? '');
      if (!account) throw new Error(`not a service account: ${payload.sub ?? '(no sub)'}`);
      return { sub: payload.sub!, roles: [], service: account[1] };
    } catch (error) {
      throw new AccessError(401, `invalid service token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The Authorization header this service sends to the others: its projected ServiceAccount
   * token (re-read at each call: the kubelet rotates it), or locally a token minted with the dev
   * secret. Undefined when neither is available.
   */
  async serviceAuthorization(service: string): Promise<string | undefined> {
    if (this.settings.serviceTokenFile) return `Bearer ${(await readFile(this.settings.serviceTokenFile, 'utf8')).trim()}`;
    if (!this.settings.devSecret) return undefined;
    const now = Date.now();
    if (!this.minted || this.minted.until < now) {
      this.minted = { token: await signDevToken(this.settings.devSecret, { sub: `service:${service}`, svc: service }, 3600), until: now + 1800_000 };
    }
    return `Bearer ${this.minted.token}`;
  }
}

async function signDevToken(secret: string, claims: Record<string, unknown>, seconds: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .sign(encoder.encode(secret));
}

export interface DevTokenOptions {
  /** The actor to act as (its role is looked up in `actors`). */
  readonly actor?: string | undefined;
  /** Roles to carry, besides the actor's. */
  readonly roles?: readonly string[] | undefined;
  readonly sub?: string | undefined;
  /** Mint a service identity of this name instead. */
  readonly service?: string | undefined;
  readonly actors?: readonly ActorDef[] | undefined;
  /** Default: AUTH_DEV_SECRET of this process. */
  readonly secret?: string | undefined;
  /** Lifetime in seconds. Default one hour. */
  readonly expiresInSeconds?: number | undefined;
}

/** A token signed with the dev secret (tests, `npm run token`). Never valid where AUTH_JWKS_URL is set. */
export async function devToken(options: DevTokenOptions): Promise<string> {
  const secret = options.secret ?? process.env['AUTH_DEV_SECRET'];
  if (!secret) throw new Error('AUTH_DEV_SECRET is not set: dev tokens are signed with it');
  const roles = [...(options.roles ?? [])];
  if (options.actor !== undefined) {
    const actor = options.actors?.find((a) => a.name === options.actor);
    if (!actor) throw new Error(`unknown actor ${options.actor}; the actors are ${(options.actors ?? []).map((a) => a.name).join(', ') || 'none'}`);
    roles.push(actor.role);
  }
  const claims: Record<string, unknown> = { sub: options.sub ?? options.service ?? 'dev', roles };
  if (options.service !== undefined) claims['svc'] = options.service;
  return signDevToken(secret, claims, options.expiresInSeconds ?? 3600);
}

/** The access rules of one service: its actors applied to a caller. */
export class AccessRules {
  readonly actors: readonly ActorDef[];
  constructor(actors: readonly ActorDef[]) {
    this.actors = actors;
  }

  /** The actors whose role the caller holds. */
  actorsOf(caller: Caller): ActorDef[] {
    return this.actors.filter((a) => caller.roles.includes(a.role));
  }

  /** May the caller run this command? Throws AccessError 403 when not. */
  command(access: RouteAccess, caller: Caller): void {
    if (caller.service !== undefined) return;
    if (access.actor === undefined) throw new AccessError(403, 'an internal command: only services of the platform may call it');
    const actor = this.actors.find((a) => a.name === access.actor);
    if (!actor || !caller.roles.includes(actor.role)) throw new AccessError(403, `only the ${access.actor} role may call this command`);
  }

  /** May the caller use the lookups? Throws AccessError 403 when no role of it is declared. */
  lookup(caller: Caller): void {
    if (caller.service !== undefined) return;
    if (this.actorsOf(caller).length === 0) throw new AccessError(403, 'no role of the caller may read this');
  }

  /** May the caller use the admin routes? */
  admin(caller: Caller): void {
    if (!this.actorsOf(caller).some((a) => a.operator)) throw new AccessError(403, 'the admin routes need an operator role');
  }

  /** Is the caller limited to its own records? */
  ownRecordsOnly(caller: Caller): boolean {
    if (caller.service !== undefined) return false;
    const actors = this.actorsOf(caller);
    return actors.length > 0 && actors.every((a) => a.records === 'own');
  }

  /** May the caller see personal data? */
  seesPii(caller: Caller): boolean {
    return caller.service !== undefined || this.actorsOf(caller).some((a) => a.pii);
  }

  /**
   * A record as the caller may see it: undefined when it is another owner's (the route answers
   * 404, as for a record that does not exist), without the pii fields the caller may not see.
   */
  view(access: RouteAccess, caller: Caller, record: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
    if (access.owner !== undefined && this.ownRecordsOnly(caller) && String(record[access.owner] ?? '') !== caller.sub) return undefined;
    if (this.seesPii(caller) || !access.pii || access.pii.length === 0) return { ...record };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (!access.pii.includes(k)) out[k] = v;
    return out;
  }

  /**
   * A command's input for a caller limited to its own records: the owner field, when absent, is
   * the caller's `sub`; another owner's is refused (403).
   */
  ownInput(access: RouteAccess, caller: Caller, input: Record<string, unknown>): Record<string, unknown> {
    if (access.owner === undefined || !this.ownRecordsOnly(caller)) return input;
    const given = input[access.owner];
    if (given === undefined || given === null || given === '') return { ...input, [access.owner]: caller.sub };
    if (String(given) !== caller.sub) throw new AccessError(403, `${access.owner} must be the caller's own`);
    return input;
  }
}
