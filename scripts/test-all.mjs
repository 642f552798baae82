#!/usr/bin/env node
// npm test: the whole suite.
//  1. the CLI: build, type-check, unit, golden and CLI tests (vitest);
//  2. examples/gov24: `msa-gen scaffold --check` against models/gov24.yaml, install (its `node`
//     dev dependency brings Node 22 for the generated services), type-check, run its tests —
//     starter tests, runtime tests and the failure scenarios — on PGlite;
//  3. the runtime tests and the scenarios again on a PostgreSQL server: TEST_DATABASE_URL when set,
//     else a throwaway cluster when the server binaries are installed (.ci/run installs them).
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
console.log('\nall tests passed');
