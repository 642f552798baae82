#!/usr/bin/env node
// npm run build: compile the model schema into a standalone validator, list the runtime's
// exports (scripts/runtime-exports.mjs), then bundle the CLI into
// dist/cli/ (esbuild, ESM, code splitting: each command's code loads only when it runs), plus
// dist/cli/validate.cjs and dist/cli/code-cache.cjs, what `validate` starts from (see below).
// Type-checking is `npm run typecheck` (tsc); esbuild only strips types.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [`${root}scripts/compile-schema.mjs`], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [`${root}scripts/runtime-exports.mjs`], { cwd: root, stdio: 'inherit' });
rmSync(`${root}dist`, { recursive: true, force: true });
// What `validate` runs is bundled into the chunks: resolving and loading each package from
// node_modules costs more start-up time than the code itself. Every other dependency stays in
// node_modules: ts-morph (the TypeScript compiler) must load only for a merge.
const BUNDLED = new Set(['ajv', 'chalk', 'commander', 'js-yaml']);
const { dependencies } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name));
// Node's built-in modules are taken with require() rather than imported: an ESM import of a
// built-in (node:fs, node:process…) first builds an ES module facade of all its exports, which
// costs start-up time for nothing.
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace === 'builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/run.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [builtinsThroughRequire],
  // Bundled CommonJS (commander, ajv's runtime helpers) calls require() for Node's built-ins.
  banner: { js: "import { createRequire as __msaGenCreateRequire } from 'node:module';\nconst require = __msaGenCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// `msa-gen validate` starts from one CommonJS bundle that bin/msa-gen.js compiles with a V8 code
// cache (src/cli/code-cache.ts): run() with the validate command, the other commands left out
// (bin/msa-gen.js takes this path only for `validate`; the others stay in the chunks above).
const OTHER_COMMANDS = /\/(board|diff|explain|export|init|routes|scaffold)-command\.js$/;
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/cli/validate.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: true,
  external,
  // The bundle runs inside the wrapper of code-cache.ts, which passes its URL.
  define: { 'import.meta.url': '__bundleUrl' },
  plugins: [
    {
      name: 'validate-only',
      setup(b) {
        b.onResolve({ filter: OTHER_COMMANDS }, (args) => ({ path: args.path, namespace: 'left-out' }));
        b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
          contents: `throw new Error(${JSON.stringify(`${args.path} is not in the validate bundle`)});`,
          loader: 'js',
        }));
      },
    },
  ],
  logLevel: 'warning',
});
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/code-cache.ts'],
  outfile: 'dist/cli/code-cache.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const bundle = readFileSync(`${root}dist/cli/validate.cjs`, 'utf8');
// node:vm compiles the bundle without a dynamic import() handler: there must be none.
if (/\bimport\(/.test(bundle)) throw new Error('dist/cli/validate.cjs holds a dynamic import()');
// The bundle's hash on its first line keys its code cache, without hashing it at every start.
const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 32);
writeFileSync(`${root}dist/cli/validate.cjs`, `// msa-gen validate bundle ${hash}\n${bundle}`);
