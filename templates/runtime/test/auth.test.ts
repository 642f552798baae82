/**
 * Access rules (auth.ts): bearer tokens verified with jose against the dev secret or a JWKS
 * (a real key pair and key set served over HTTP here), service identities, and what the model's
 * actors allow: a command's role, internal commands, own records, personal data, admin routes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessError, AccessRules, Authenticator, authSettingsFrom, devToken, type ActorDef, type Caller } from '../src/auth.ts';
import { createServiceClient } from '../src/http-client.ts';

const SECRET = 'auth test secret, long enough for HS256';

const actors: ActorDef[] = [
  { name: 'Citizen', role: 'citizen', pii: false, records: 'own', operator: false },
  { name: 'Clerk', role: 'clerk', pii: true, records: 'all', operator: false },
  { name: 'Operator', role: 'ops', pii: false, records: 'all', operator: true },
];
const rules = new AccessRules(actors);
const dev = new Authenticator({ devSecret: SECRET });

/** What `f` threw: its AccessError status, or 'ok'. */
async function outcome(f: () => unknown): Promise<number | 'ok'> {
  try {
    await f();
    return 'ok';
  } catch (error) {
    if (error instanceof AccessError) return error.status;
    throw error;
  }
}

const citizen = (sub: string): Caller => ({ sub, roles: ['citizen'], service: undefined });
const clerk: Caller = { sub: 'clerk-1', roles: ['clerk'], service: undefined };
const operator: Caller = { sub: 'ops-1', roles: ['ops'], service: undefined };
const service: Caller = { sub: 'service:issuance', roles: [], service: 'issuance' };

describe('Authenticator with the dev secret', () => {
  it('refuses to exist without a key to verify callers against', () => {
    expect(() => new Authenticator({})).toThrow(/AUTH_JWKS_URL.*AUTH_DEV_SECRET/);
  });

  it('refuses the dev secret under NODE_ENV=production, and a key set without the iss and aud to require', () => {
    const production = authSettingsFrom({ NODE_ENV: 'production', AUTH_DEV_SECRET: SECRET });
    expect(production.production).toBe(true);
    expect(() => new Authenticator(production)).toThrow(/AUTH_DEV_SECRET is for local development and tests, not NODE_ENV=production/);
    expect(() => new Authenticator(authSettingsFrom({ NODE_ENV: 'development', AUTH_DEV_SECRET: SECRET }))).not.toThrow();
    // With the identity provider's key set in production, a dev secret left over does no harm: it is ignored.
    const idp = { AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'gov24' };
    expect(() => new Authenticator(authSettingsFrom({ NODE_ENV: 'production', AUTH_DEV_SECRET: SECRET, ...idp }))).not.toThrow();
    expect(() => new Authenticator({ jwksUrl: idp.AUTH_JWKS_URL, issuer: idp.AUTH_ISSUER })).toThrow(/AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE/);
    expect(() => new Authenticator({ jwksUrl: idp.AUTH_JWKS_URL, audience: idp.AUTH_AUDIENCE })).toThrow(/AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE/);
  });

  it('answers 401 without a bearer token, with a malformed one and with one signed by another secret', async () => {
    expect(await outcome(() => dev.caller(undefined))).toBe(401);
    expect(await outcome(() => dev.caller('Basic dXNlcjpwYXNz'))).toBe(401);
    expect(await outcome(() => dev.caller('Bearer not.a.jwt'))).toBe(401);
    const forged = await devToken({ actor: 'Clerk', sub: 'x', actors, secret: 'another secret of the same length!!' });
    expect(await outcome(() => dev.caller(`Bearer ${forged}`))).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT({ roles: ['clerk'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('clerk-1')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(SECRET));
    expect(await outcome(() => dev.caller(`Bearer ${expired}`))).toBe(401);
  });

  it('reads the sub, the roles of an actor and the service name of a service identity', async () => {
    const token = await devToken({ actor: 'Citizen', sub: 'citizen-7', actors, secret: SECRET });
    expect(await dev.caller(`Bearer ${token}`)).toEqual({ sub: 'citizen-7', roles: ['citizen'], service: undefined });
    const svc = await devToken({ service: 'issuance', secret: SECRET });
    expect((await dev.caller(`Bearer ${svc}`)).service).toBe('issuance');
  });

  it('reads roles from a dotted claim path (AUTH_ROLES_CLAIM)', async () => {
    const keycloak = new Authenticator({ devSecret: SECRET, rolesClaim: 'realm_access.roles' });
    const token = await new SignJWT({ realm_access: { roles: ['clerk', 'other'] } })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('k-1')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    expect((await keycloak.caller(`Bearer ${token}`)).roles).toEqual(['clerk', 'other']);
  });

  it('mints its own service identity, which another service accepts as that service', async () => {
    const header = await dev.serviceAuthorization('instant-issuance');
    expect(header).toMatch(/^Bearer /);
    expect(await dev.caller(header)).toMatchObject({ service: 'instant-issuance' });
  });

  it('refuses to mint a token for an actor the platform does not declare', async () => {
    await expect(devToken({ actor: 'Mayor', actors, secret: SECRET })).rejects.toThrow(/unknown actor Mayor/);
  });
});

describe('Authenticator with a JWKS (production)', () => {
  let server: Server;
  let jwks: Authenticator;
  let sign: (claims: Record<string, unknown>, audience?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    jwks = new Authenticator({ jwksUrl: url, issuer: 'https://idp.example', audience: 'gov24', devSecret: SECRET });
    sign = (claims, audience = 'gov24') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('https://idp.example')
        .setAudience(audience)
        .setSubject('citizen-9')
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("accepts a token the identity provider signed, for its issuer and audience", async () => {
    expect(await jwks.caller(`Bearer ${await sign({ roles: 'citizen' })}`)).toEqual({ sub: 'citizen-9', roles: ['citizen'], service: undefined });
  });

  it('never takes a service name from a token of the identity provider', async () => {
    const caller = await jwks.caller(`Bearer ${await sign({ roles: ['citizen'], svc: 'issuance' })}`);
    expect(caller).toEqual({ sub: 'citizen-9', roles: ['citizen'], service: undefined });
  });

  it('refuses a token for another audience, and a dev token even when a dev secret is also set', async () => {
    expect(await outcome(async () => jwks.caller(`Bearer ${await sign({ roles: ['citizen'] }, 'other-app')}`))).toBe(401);
    const devSigned = await devToken({ actor: 'Clerk', sub: 'x', actors, secret: SECRET });
    expect(await outcome(() => jwks.caller(`Bearer ${devSigned}`))).toBe(401);
  });
});

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

describe('Authenticator with the cluster\'s service-account key set (production)', () => {
  const servers: Server[] = [];
  const requests = { idp: 0, cluster: 0 };
  let auth: Authenticator;
  let signService: (sub: string, audience?: string) => Promise<string>;
  let signUser: () => Promise<string>;

  /** A key set served over HTTP, counting the requests it answers. */
  async function keySet(name: 'idp' | 'cluster'): Promise<{ url: string; privateKey: SigningKey }> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: name, alg: 'RS256', use: 'sig' };
    const server = createServer((_req, res) => {
      requests[name]++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`, privateKey };
  }

  beforeAll(async () => {
    const idp = await keySet('idp');
    const cluster = await keySet('cluster');
    auth = new Authenticator({
      jwksUrl: idp.url,
      issuer: 'https://idp.example',
      audience: 'gov24',
      serviceJwksUrl: cluster.url,
      serviceIssuer: 'https://kubernetes.default.svc.cluster.local',
      serviceAudience: 'gov24-services',
    });
    signService = (sub, audience = 'gov24-services') =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'cluster' })
        .setIssuer('https://kubernetes.default.svc.cluster.local')
        .setAudience(audience)
        .setSubject(sub)
        .setExpirationTime('5m')
        .sign(cluster.privateKey);
    signUser = () =>
      new SignJWT({ roles: ['citizen'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'idp' })
        .setIssuer('https://idp.example')
        .setAudience('gov24')
        .setSubject('citizen-3')
        .setExpirationTime('5m')
        .sign(idp.privateKey);
  });
  afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

  it('knows a service by its ServiceAccount token, without asking the identity provider', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await auth.caller(`Bearer ${await signService('system:serviceaccount:gov24-car:car-issuance')}`)).toEqual({
        sub: 'system:serviceaccount:gov24-car:car-issuance',
        roles: [],
        service: 'car-issuance',
      });
    }
    expect(requests).toEqual({ idp: 0, cluster: 1 });
    // A user's token goes to the identity provider's key set, and never names a service.
    expect(await auth.caller(`Bearer ${await signUser()}`)).toEqual({ sub: 'citizen-3', roles: ['citizen'], service: undefined });
    expect(requests).toEqual({ idp: 1, cluster: 1 });
  });

  it('refuses a service token for another audience, or of an account that is no service account', async () => {
    expect(await outcome(async () => auth.caller(`Bearer ${await signService('system:serviceaccount:gov24:application', 'kubernetes')}`))).toBe(401);
    expect(await outcome(async () => auth.caller(`Bearer ${await signService('system:node:worker-1')}`))).toBe(401);
  });
});

describe('service identity from a projected ServiceAccount token', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'msa-auth-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('sends the token file, read again at each call (the kubelet rotates it)', async () => {
    const file = join(dir, 'token');
    const auth = new Authenticator({ jwksUrl: 'http://127.0.0.1:9/jwks', issuer: 'https://idp.example', audience: 'gov24', serviceTokenFile: file });
    await writeFile(file, 'first-token\n');
    expect(await auth.serviceAuthorization('application')).toBe('Bearer first-token');
    await writeFile(file, 'rotated-token\n');
    expect(await auth.serviceAuthorization('application')).toBe('Bearer rotated-token');
  });

  it('has no identity to send in production without a token file', async () => {
    expect(await new Authenticator({ jwksUrl: 'http://127.0.0.1:9/jwks', issuer: 'https://idp.example', audience: 'gov24' }).serviceAuthorization('application')).toBeUndefined();
  });
});

describe('the HTTP client', () => {
  it('sends the service identity with every call', async () => {
    const seen: Array<string | undefined> = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createServiceClient({
        service: 'application',
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        timeoutMs: 1000,
        retry: { maxAttempts: 1, backoffMs: 1, maxBackoffMs: 1 },
        circuitBreaker: { consecutiveFailures: 5, halfOpenAfterMs: 1000 },
        authorization: () => dev.serviceAuthorization('instant-issuance'),
      });
      await client.call('POST', '/applications/1/issuance-result', { ok: true });
      expect(seen).toHaveLength(1);
      expect(await dev.caller(seen[0])).toMatchObject({ service: 'instant-issuance' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('AccessRules', () => {
  it("lets a command's actor and services run it, and nobody else (403)", async () => {
    const submit = { actor: 'Citizen' };
    expect(await outcome(() => rules.command(submit, citizen('c-1')))).toBe('ok');
    expect(await outcome(() => rules.command(submit, service))).toBe('ok');
    expect(await outcome(() => rules.command(submit, clerk))).toBe(403);
    expect(await outcome(() => rules.command(submit, { sub: 'x', roles: [], service: undefined }))).toBe(403);
  });

  it('keeps an internal command (no actor) to services', async () => {
    expect(await outcome(() => rules.command({}, service))).toBe('ok');
    for (const caller of [citizen('c-1'), clerk, operator]) expect(await outcome(() => rules.command({}, caller))).toBe(403);
  });

  it('opens the admin routes to an operator role only', async () => {
    expect(await outcome(() => rules.admin(operator))).toBe('ok');
    for (const caller of [citizen('c-1'), clerk, service]) expect(await outcome(() => rules.admin(caller))).toBe(403);
  });

  it('answers lookups to declared roles and services only', async () => {
    for (const caller of [citizen('c-1'), clerk, operator, service]) expect(await outcome(() => rules.lookup(caller))).toBe('ok');
    expect(await outcome(() => rules.lookup({ sub: 'x', roles: ['stranger'], service: undefined }))).toBe(403);
  });

  it("shows a citizen only their own records, without personal data; a clerk and a service every record with it", () => {
    const access = { owner: 'citizenId', pii: ['citizenId', 'phone'] };
    const record = { applicationId: 'a-1', citizenId: 'c-1', phone: '010', status: 'Received' };
    expect(rules.view(access, citizen('c-1'), record)).toEqual({ applicationId: 'a-1', status: 'Received' });
    expect(rules.view(access, citizen('c-2'), record)).toBeUndefined();
    expect(rules.view(access, clerk, record)).toEqual(record);
    expect(rules.view(access, service, record)).toEqual(record);
    // The operator sees every record but no personal data.
    expect(rules.view(access, operator, record)).toEqual({ applicationId: 'a-1', status: 'Received' });
  });

  it("makes a citizen's command their own: the owner field is their sub, another's is refused", async () => {
    const access = { actor: 'Citizen', owner: 'citizenId' };
    expect(rules.ownInput(access, citizen('c-1'), { complaintType: 'x' })).toEqual({ complaintType: 'x', citizenId: 'c-1' });
    expect(rules.ownInput(access, citizen('c-1'), { citizenId: 'c-1' })).toEqual({ citizenId: 'c-1' });
    expect(await outcome(() => rules.ownInput(access, citizen('c-1'), { citizenId: 'c-2' }))).toBe(403);
    expect(rules.ownInput(access, service, { citizenId: 'c-2' })).toEqual({ citizenId: 'c-2' });
  });
});
