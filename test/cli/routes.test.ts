/** `msa-gen routes`: the route table of a model, as text and JSON, and what it does with a model that has errors. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { RouteRow } from '../../src/model/route-table.js';
import { expectGolden } from '../support/golden.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'msa-gen-routes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a model of the repository without a single `http:` line, in the scratch folder. */
function withoutRoutes(model: string): string {
  const text = readFileSync(join(root, model), 'utf8');
  const name = model.split('/').pop()!;
  writeFileSync(join(scratch, name), text.split('\n').filter((l) => !/^\s*http:/.test(l)).join('\n'));
  return name;
}

describe('msa-gen routes', () => {
  it("prints gov24's routes per service, where each comes from, and exits 0", async () => {
    const io = memoryIO(root);
    expect(await run(['routes', 'models/gov24.yaml'], io)).toBe(0);
    expect(io.err()).toBe('');
    expectGolden(join(root, 'test', 'fixtures', 'cli', 'routes', 'gov24.txt'), io.out());
    expect(io.out()).toMatch(/^application\n {2}POST {2}\/applications\/general +command SubmitGeneralApplication +written +actor Citizen$/m);
  });

  it('gives every step an orchestrator sends to another context its conventional route when the model writes none (--format json)', async () => {
    const io = memoryIO(scratch);
    expect(await run(['routes', withoutRoutes('models/examples/dmv-licence-renewal.yaml'), '--format', 'json'], io)).toBe(0);
    const table = JSON.parse(io.out()) as { model: string; routes: RouteRow[]; serviceRoutes: Array<{ path: string }> };
    const route = (name: string) => table.routes.find((r) => r.name === name);
    expect(route('RefundPayment')).toMatchObject({
      context: 'payment',
      method: 'POST',
      path: '/payments/{paymentId}/refund-payment',
      origin: 'convention',
      why: 'sent by saga LicenseRenewal, orchestrated by renewal',
    });
    // CapturePayment creates its payment: the key is not in its input, so not in its path either.
    expect(route('CapturePayment')).toMatchObject({ path: '/payments/capture-payment', origin: 'convention' });
    expect(route('SubmitRenewal')).toMatchObject({ path: '/renewals/submit-renewal', origin: 'convention', why: 'actor Driver' });
    // A compensation in the orchestrator's own context keeps its internal route.
    expect(route('RejectRenewal')).toMatchObject({ path: '/commands/reject-renewal', origin: 'internal' });
    expect(table.serviceRoutes.map((r) => r.path)).toContain('/healthz');
  });

  it('prints the findings of a model with errors on stderr, nothing on stdout, and exits 1', async () => {
    const io = memoryIO(root, { NO_COLOR: '1' });
    expect(await run(['routes', 'test/fixtures/cli/tense/model.yaml'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('error MSA103');
  });

  it('reports a conventional route another route of the service takes (MSA407) instead of printing the table', async () => {
    const text = readFileSync(join(root, 'test/fixtures/minimal/model.yaml'), 'utf8')
      .replace('- name: CancelApplication\n', '- name: CancelApplication\n            actor: Clerk\n')
      .replace('http: POST /applications/{applicationId}/result', 'http: POST /applications/{applicationId}/cancel-application');
    writeFileSync(join(scratch, 'collision.yaml'), text);
    const io = memoryIO(scratch, { NO_COLOR: '1' });
    expect(await run(['routes', 'collision.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/error MSA407 Route "POST \/applications\/\{applicationId\}\/cancel-application" of command "RecordIssuanceResult" .* is the route of command "CancelApplication" \(its conventional route\)/);
    expect(io.err()).toContain('Write an `http:` route for "CancelApplication"');
  });

  it('refuses an unknown format with exit 2', async () => {
    const io = memoryIO(root);
    expect(await run(['routes', 'models/gov24.yaml', '--format', 'sarif'], io)).toBe(2);
    expect(io.err()).toMatch(/sarif/);
  });
});

describe('the example models without a hand-written route', () => {
  it.each(['models/gov24.yaml', 'models/examples/dmv-licence-renewal.yaml'])('%s validates with every `http:` line removed', async (model) => {
    const io = memoryIO(scratch, { NO_COLOR: '1' });
    const code = await run(['validate', withoutRoutes(model)], io);
    expect(io.out()).toMatch(/no problems/);
    expect(code).toBe(0);
  });
});
