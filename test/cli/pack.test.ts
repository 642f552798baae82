/**
 * msa-gen as a user gets it: `npm pack` makes the tarball from the built CLI (dist/, which the
 * suite builds first), `npm install <tarball>` puts it into an empty folder (its dependencies
 * come from the npm cache, or the registry), and `npx msa-gen` validates, scaffolds and prints
 * the routes of a model there. Everything the CLI reads at run time (dist/, templates/, schema/,
 * package.json) must ship in the package: a file left out of `files` fails here.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const scratch = mkdtempSync(join(tmpdir(), 'msa-gen-pack-'));
const user = join(scratch, 'user');

function sh(file: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  // No colour, and npm quiet about funding and audits: the output is what the test reads.
  const env = { ...process.env, NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  return spawnSync(file, [...args], { cwd, env, encoding: 'utf8', timeout: 240_000 });
}

let packed: { files: Array<{ path: string }>; filename: string };

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet; it is built already.
  const pack = sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], root);
  expect(pack.status, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as Array<typeof packed>)[0]!;
  mkdirSync(user);
  writeFileSync(join(user, 'package.json'), `${JSON.stringify({ name: 'architect', private: true }, null, 2)}\n`);
  const install = sh(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, packed.filename)], user);
  expect(install.status, install.stderr).toBe(0);
  copyFileSync(join(root, 'models', 'gov24.yaml'), join(user, 'gov24.yaml'));
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each test spawns npx and a fresh CLI process (a shared machine may be slow to start them).
describe('the packed CLI, installed into an empty folder', { timeout: 240_000 }, () => {
  it('ships the CLI, its templates and its schema, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['bin/msa-gen.js', 'dist/cli/run.js', 'package.json', 'schema/msa-gen.schema.json', 'templates/root/README.md.hbs']));
    expect(paths.some((p) => p.startsWith('templates/runtime/src/'))).toBe(true);
    expect(paths.filter((p) => /^(src|test|bench|examples|models|scripts)\//.test(p))).toEqual([]);
  });

  it('validates a model with npx msa-gen validate', () => {
    const r = sh(npx, ['--no-install', 'msa-gen', 'validate', 'gov24.yaml'], user);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^gov24\.yaml: no problems \(15 contexts, /);
    expect(r.status).toBe(0);
  });

  it('scaffolds the platform with npx msa-gen scaffold, templates included, and says what to run next', () => {
    const r = sh(npx, ['--no-install', 'msa-gen', 'scaffold', 'gov24.yaml', '-o', 'platform'], user);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^platform: \d+ create$/m);
    expect(r.stdout).toMatch(/^ {2}services {3}15 services/m);
    expect(r.stdout).toContain('cd platform && npm install && npm run typecheck && npm test');
    // Files from each template family: the root README, the runtime package, a Dockerfile, the chart.
    expect(readFileSync(join(user, 'platform', 'README.md'), 'utf8')).toContain('Government24 Complaint Portal');
    for (const file of ['packages/runtime/src/index.ts', 'services/application/Dockerfile', 'helm/gov24/Chart.yaml', 'kafka/gov24/topics.yaml']) {
      expect(existsSync(join(user, 'platform', file)), file).toBe(true);
    }
    const check = sh(npx, ['--no-install', 'msa-gen', 'scaffold', 'gov24.yaml', '-o', 'platform', '--check'], user);
    expect(check.stdout).toMatch(/^platform is up to date with gov24\.yaml/);
    expect(check.status).toBe(0);
  });

  it('prints the routes with npx msa-gen routes', () => {
    const r = sh(npx, ['--no-install', 'msa-gen', 'routes', 'gov24.yaml', '--format', 'json'], user);
    expect(r.status, r.stderr).toBe(0);
    const table = JSON.parse(r.stdout) as { routes: Array<{ name: string; path: string }> };
    expect(table.routes.find((x) => x.name === 'RecordIssuanceResult')?.path).toBe('/applications/{applicationId}/issuance-result');
  });
});
