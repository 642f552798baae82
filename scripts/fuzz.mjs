#!/usr/bin/env node
// npm run fuzz [-- --seed N --runs N --kind model|mutation|all --path P …]: bundles the fuzz driver
// (test/property/fuzz-main.ts, which runs the CLI in-process on drawn models and gov24 mutants)
// with esbuild into .tmp/fuzz-bin/ (two folders below the repository, as test/property is: paths
// relative to the module resolve the same) and runs it with source maps, so that stack traces of
// internal errors name msa-gen's own source files.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}.tmp/fuzz-bin/fuzz.mjs`;
await build({
  absWorkingDir: root,
  entryPoints: ['test/property/fuzz-main.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
