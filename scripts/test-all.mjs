#!/usr/bin/env node
// npm test: the whole suite.
//  1. the CLI: build, type-check, unit, golden and CLI tests (vitest);
//  2. examples/gov24: `msa-gen scaffold --check` against models/gov24.yaml, install (its `node`
//     dev dependency brings Node 22 for the generated services), type-check, run its tests —
//     starter tests, runtime tests and the failure scenarios — on PGlite;
//  3. the runtime tests and the scenarios again on a PostgreSQL server: TEST_DATABASE_URL when set,
//     else a throwaway cluster when the server binaries are installed (.ci/run installs them);
//  4. examples/dmv (the orchestration example) the same way: scaffold --check, install,
//     type-check, its services' tests and scenarios on PGlite, its scenarios on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPostgresBin } from './with-postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = `${root}examples/gov24`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(title, file, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(file, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.status !== 0) {
    console.error(`✗ ${title} (exit ${r.status})`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

step('build', npm, ['run', 'build']);
step('type-check msa-gen', npm, ['run', 'typecheck']);
step('unit, golden and CLI tests', npm, ['exec', '--', 'vitest', 'run']);
step('examples/gov24 matches models/gov24.yaml', process.execPath, ['bin/msa-gen.js', 'scaffold', 'models/gov24.yaml', '-o', 'examples/gov24', '--check']);
step(
  'install examples/gov24',
  npm,
  existsSync(`${example}/node_modules/.package-lock.json`) ? ['install', '--no-audit', '--no-fund'] : ['ci', '--no-audit', '--no-fund'],
  { cwd: example },
);
step('type-check examples/gov24', npm, ['run', 'typecheck'], { cwd: example });
step('examples/gov24 tests on PGlite', npm, ['test'], { cwd: example, env: { ...process.env, TEST_DATABASE_URL: '' } });

const pgSuite = ['exec', '--', 'vitest', 'run', 'packages/runtime/test', 'tests/scenarios'];
if (process.env.TEST_DATABASE_URL) {
  step('runtime tests and scenarios on PostgreSQL (TEST_DATABASE_URL)', npm, pgSuite, { cwd: example });
} else if (findPostgresBin()) {
  step('runtime tests and scenarios on a throwaway PostgreSQL cluster', process.execPath, [`${root}scripts/with-postgres.mjs`, '--', npm, ...pgSuite], {
    cwd: example,
  });
} else {
  console.log('\n! PostgreSQL server not installed: the PostgreSQL pass did not run (Debian: apt-get install postgresql; .ci/run does).');
}
// examples/dmv: the orchestration example (models/examples/dmv-licence-renewal.yaml). Its runtime
// is the one examples/gov24 just tested (both come from templates/runtime, which scaffold --check
// holds them to), so only its services' tests and its scenarios run, on PGlite and PostgreSQL.
const dmv = `${root}examples/dmv`;
step('examples/dmv matches models/examples/dmv-licence-renewal.yaml', process.execPath, [
  'bin/msa-gen.js',
  'scaffold',
  'models/examples/dmv-licence-renewal.yaml',
  '-o',
  'examples/dmv',
  '--check',
]);
step(
  'install examples/dmv',
  npm,
  existsSync(`${dmv}/node_modules/.package-lock.json`) ? ['install', '--no-audit', '--no-fund'] : ['ci', '--no-audit', '--no-fund'],
  { cwd: dmv },
);
step('type-check examples/dmv', npm, ['run', 'typecheck'], { cwd: dmv });
step('examples/dmv services and scenarios on PGlite', npm, ['exec', '--', 'vitest', 'run', 'services', 'tests'], {
  cwd: dmv,
  env: { ...process.env, TEST_DATABASE_URL: '' },
});
const dmvPg = ['exec', '--', 'vitest', 'run', 'tests/scenarios'];
if (process.env.TEST_DATABASE_URL) {
  step('examples/dmv scenarios on PostgreSQL (TEST_DATABASE_URL)', npm, dmvPg, { cwd: dmv });
} else if (findPostgresBin()) {
  step('examples/dmv scenarios on a throwaway PostgreSQL cluster', process.execPath, [`${root}scripts/with-postgres.mjs`, '--', npm, ...dmvPg], { cwd: dmv });
}
console.log('\nall tests passed');
