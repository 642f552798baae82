#!/usr/bin/env node
// npm run build: compile the model schema into a standalone validator, list the runtime's
// exports (scripts/runtime-exports.mjs), then bundle the CLI into
// dist/cli/ (esbuild, ESM, code splitting: each command's code loads only when it runs).
// Type-checking is `npm run typecheck` (tsc); esbuild only strips types.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [`${root}scripts/compile-schema.mjs`], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [`${root}scripts/runtime-exports.mjs`], { cwd: root, stdio: 'inherit' });
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/run.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules: ts-morph (the TypeScript compiler) must load only for a merge.
  packages: 'external',
  logLevel: 'warning',
});
