/**
 * Scenario 8 — who may call what (issue 10): the model's actors as access rules.
 *
 * Every route but /healthz, /readyz and /metrics needs a bearer token (real JWTs signed with
 * AUTH_DEV_SECRET, verified by each service with jose). A command with an actor accepts that
 * actor's role only; a command without one is internal (services of the platform: policies,
 * saga steps, `calls`). The result lookup has `owner: citizenId`: a citizen reads their own
 * applications only (another's answers 404, as if it did not exist), and without the personal
 * data fields (`pii`), which ministry staff do see. The DLQ and saga admin routes need the
 * Operator role. Refusals are application/problem+json.
 *
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorization, generalApplication, getJson, postJson, startScenario, waitUntil, type Scenario } from './support.ts';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
});

afterAll(async () => {
  await s?.stop();
});

const submitUrl = () => `${s.url('application')}/applications/general`;
const resultUrl = (id: string) => `${s.url('result')}/application-results/${id}`;

/** Submits a general application as its citizen and waits until the result lookup has it. */
async function submitted(): Promise<ReturnType<typeof generalApplication>> {
  const body = generalApplication();
  const res = await postJson(submitUrl(), body, { actor: 'Citizen', sub: body.citizenId });
  expect(res.status).toBe(200);
  await s.settle();
  await waitUntil('the result lookup', async () => (await getJson(resultUrl(body.applicationId))).status === 200);
  return body;
}

describe(`access control (${process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('answers 401 with problem details to a request without a token, or with a forged one', async () => {
    const body = generalApplication();
    const none = await fetch(submitUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toMatchObject({ status: 401, title: 'Unauthorized' });

    // A token signed with another secret: the same claims, not the platform's signature.
    const forged = await fetch(submitUrl(), {
      method: 'POST',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiY2l0aXplbiJdfQ.c2lnbmF0dXJl', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(forged.status).toBe(401);
    expect((await getJson(resultUrl(body.applicationId), 'anonymous')).status).toBe(401);
    // Nothing happened: no application was stored.
    expect(await s.platform.service('application').runtime.load('Application', body.applicationId)).toBeUndefined();
  });

  it('keeps the probes and the metrics open', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) expect((await fetch(`${s.url('application')}${path}`)).status, path).toBe(200);
  });

  it("answers 403 to a role the command's actor does not have", async () => {
    const body = generalApplication();
    // SubmitGeneralApplication: actor Citizen. Ministry staff may not submit for a citizen.
    const staff = await postJson(submitUrl(), body, { actor: 'Administrator', sub: 'ministry-staff' });
    expect(staff.status).toBe(403);
    expect(staff.body).toMatchObject({ status: 403, title: 'Forbidden' });
    // PublishGuide: actor Administrator. A citizen may not publish one.
    const guide = await postJson(`${s.url('guidance')}/guides`, { complaintType: 'X', requirements: ['y'] }, { actor: 'Citizen', sub: 'c-1' });
    expect(guide.status).toBe(403);
  });

  it('refuses a citizen submitting in the name of another citizen (403)', async () => {
    const body = generalApplication();
    const res = await postJson(submitUrl(), body, { actor: 'Citizen', sub: 'someone-else' });
    expect(res.status).toBe(403);
  });

  it("shows a citizen their own result without personal data, another citizen's as not found, and staff everything", async () => {
    const mine = await submitted();
    const own = await getJson(resultUrl(mine.applicationId), { actor: 'Citizen', sub: mine.citizenId });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ applicationId: mine.applicationId, complaintType: mine.complaintType });
    expect(own.body).not.toHaveProperty('citizenId'); // pii: the Citizen role does not see it

    const other = await getJson(resultUrl(mine.applicationId), { actor: 'Citizen', sub: `citizen-${randomUUID().slice(0, 8)}` });
    expect(other.status).toBe(404);

    const staff = await getJson(resultUrl(mine.applicationId), { actor: 'Administrator', sub: 'ministry-staff' });
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({ applicationId: mine.applicationId, citizenId: mine.citizenId });
  });

  it("leaves the citizen's personal data out of their command's reply", async () => {
    const body = generalApplication();
    const res = await postJson<{ state: Record<string, unknown> }>(submitUrl(), body, { actor: 'Citizen', sub: body.citizenId });
    expect(res.status).toBe(200);
    expect(res.body.state).toMatchObject({ applicationId: body.applicationId, complaintType: body.complaintType });
    expect(res.body.state).not.toHaveProperty('citizenId');
  });

  it('keeps an internal command to services: no actor of the model may call it from outside (403)', async () => {
    const mine = await submitted();
    // RecordIssuanceResult has no actor: instant-issuance calls it over `calls` with its service identity.
    const url = `${s.url('application')}/applications/${mine.applicationId}/issuance-result`;
    const result = { status: 'Issued', issuedDocumentUrl: 'https://docs.gov24.go.kr/forged.pdf' };
    for (const as of [{ actor: 'Citizen', sub: mine.citizenId }, { actor: 'Administrator', sub: 'ministry-staff' }, { actor: 'Operator', sub: 'ops' }] as const) {
      expect((await postJson(url, result, as)).status, as.actor).toBe(403);
    }
    const state = await s.platform.service('application').runtime.load('Application', mine.applicationId);
    expect(state).not.toMatchObject({ issuedDocumentUrl: result.issuedDocumentUrl });
  });

  it('keeps the admin routes to the Operator role (403 for the others, 401 without a token)', async () => {
    const issuance = s.url('issuance');
    for (const as of [{ actor: 'Citizen', sub: 'c-1' }, { actor: 'Administrator', sub: 'ministry-staff' }] as const) {
      expect((await getJson(`${issuance}/admin/dlq`, as)).status, as.actor).toBe(403);
      expect((await postJson(`${issuance}/admin/dlq/${randomUUID()}/replay`, {}, as)).status, as.actor).toBe(403);
      expect((await getJson(`${s.url('car-application')}/admin/sagas/CarRegistration/${randomUUID()}`, as)).status, as.actor).toBe(403);
    }
    // A service identity is no operator either.
    expect((await getJson(`${issuance}/admin/dlq`, { service: 'application' })).status).toBe(403);
    expect((await getJson(`${issuance}/admin/dlq`, 'anonymous')).status).toBe(401);
    // The router decodes %xx before it matches: an encoded path reaches the same admin route.
    for (const encoded of ['/%61dmin/dlq', '/adm%69n/dlq']) {
      expect((await getJson(`${issuance}${encoded}`, 'anonymous')).status, encoded).toBe(401);
      expect((await getJson(`${issuance}${encoded}`, { actor: 'Citizen', sub: 'c-1' })).status, encoded).toBe(403);
    }
    const operator = await getJson(`${issuance}/admin/dlq`, { actor: 'Operator', sub: 'ops' });
    expect(operator.status).toBe(200);
    expect(Array.isArray(operator.body)).toBe(true);
  });

  it('signs the support helper tokens the way the services verify them', async () => {
    // The same header a test builds by hand reaches the lookup as ministry staff.
    const mine = await submitted();
    const res = await fetch(resultUrl(mine.applicationId), { headers: await authorization({ actor: 'Administrator', sub: 'ministry-staff' }) });
    expect(res.status).toBe(200);
  });
});
