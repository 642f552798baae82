#!/usr/bin/env node
// npm run build: compile the model schema into a standalone validator, list the runtime's
// exports (scripts/runtime-exports.mjs), then bundle the CLI into
// dist/cli/ (esbuild, ESM, code splitting: each command's code loads only when it runs), plus
// dist/cli/validate.cjs, dist/cli/cli.cjs and dist/cli/code-cache.cjs, what bin/msa-gen.js
// starts from (see below; the ES modules are its fallback).
// Type-checking is `npm run typecheck` (tsc); esbuild only strips types.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [`${root}scripts/compile-schema.mjs`], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [`${root}scripts/runtime-exports.mjs`], { cwd: root, stdio: 'inherit' });
rmSync(`${root}dist`, { recursive: true, force: true });
// The build of the generators (src/cli/generator-build.ts): a hash of every source file and the
// version, part of the cache key of each generated service.
const sourceHash = createHash('sha256');
for (const file of readdirSync(`${root}src`, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort()) {
  sourceHash.update(`${file}\0${readFileSync(`${root}src/${file}`, 'utf8')}\0`);
}
sourceHash.update(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version);
const BUILD_DEFINE = { __MSA_GEN_BUILD__: JSON.stringify(sourceHash.digest('hex').slice(0, 32)) };
// What `validate` runs is bundled into the chunks: resolving and loading each package from
// node_modules costs more start-up time than the code itself. So is handlebars, which every
// scaffold loads (its 40-odd files from node_modules cost a fresh gov24 scaffold about a tenth of
// its time; bundled, they start from the scaffold's code cache). Every other dependency stays in
// node_modules: ts-morph (the TypeScript compiler) must load only for a merge.
const BUNDLED = new Set(['ajv', 'chalk', 'commander', 'handlebars', 'js-yaml']);
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
  define: BUILD_DEFINE,
  // Bundled CommonJS (commander, ajv's runtime helpers) calls require() for Node's built-ins.
  banner: { js: "import { createRequire as __msaGenCreateRequire } from 'node:module';\nconst require = __msaGenCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The commands start from CommonJS bundles that bin/msa-gen.js compiles with a V8 code cache
// (src/cli/code-cache.ts): dist/cli/validate.cjs is run() with the validate command only, the
// other commands left out (the lean one: less to read and to deserialise); dist/cli/cli.cjs is
// run() with every command (their code initialises only when the command runs), for the others.
// ts-morph and the other dependencies stay in node_modules, loaded with require() when needed.
const OTHER_COMMANDS = /\/(board|diff|explain|export|init|routes|scaffold)-command\.js$/;
const validateOnly = {
  name: 'validate-only',
  setup(b) {
    b.onResolve({ filter: OTHER_COMMANDS }, (args) => ({ path: args.path, namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in the validate bundle`)});`,
      loader: 'js',
    }));
  },
};
// Node's built-in modules that cost start-up time for nothing, taken at their first use instead:
// commander requires node:child_process at its start (for executable subcommands, which msa-gen
// has none of), and chalk asks node:tty whether stdout is a terminal; each loads Node's net and
// stream modules. The bundles' node:tty answers isatty() without it for a file, a pipe or
// /dev/null (src/cli/quick-tty.ts). Each stand-in has a getter per export of the real module.
const LAZY_BUILTINS = {
  'node:child_process': {},
  'node:tty': { isatty: `(fd) => !require(${JSON.stringify(`${root}src/cli/quick-tty.ts`)}).surelyNotTerminal(fd) && get().isatty(fd)` },
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const names = new RegExp(`^(${Object.keys(LAZY_BUILTINS).join('|')})$`);
    b.onResolve({ filter: names }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const real = await import(args.path);
      const own = LAZY_BUILTINS[args.path];
      const members = Object.keys(real.default).map((key) =>
        own[key] ? `  ${JSON.stringify(key)}: ${own[key]},` : `  get ${JSON.stringify(key)}() { return get()[${JSON.stringify(key)}]; },`,
      );
      return {
        contents: [`let real;`, `const get = () => (real ??= require(${JSON.stringify(args.path)}));`, `module.exports = {`, ...members, `};`].join('\n'),
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};
// A dynamic import() of a dependency (diff, elkjs) becomes a require() when it runs: every
// dependency left in node_modules has a CommonJS entry point, and the bundle may hold no import().
const externalImportAsRequire = {
  name: 'external-import-as-require',
  setup(b) {
    const isExternal = (path) => external.some((name) => path === name || path.startsWith(`${name}/`));
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.namespace === 'required-external' || (args.kind === 'require-call' && isExternal(args.path))) return { path: args.path, external: true };
      if (args.kind === 'dynamic-import' && isExternal(args.path)) return { path: args.path, namespace: 'required-external' };
      return undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'required-external' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
const cjsBundle = (outfile, plugins, { keepNames = true } = {}) => ({
  absWorkingDir: root,
  entryPoints: ['src/cli/run.ts'],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames,
  external,
  // The bundle runs inside the wrapper of code-cache.ts, which passes its URL.
  define: { 'import.meta.url': '__bundleUrl', ...BUILD_DEFINE },
  plugins: [...plugins, lazyBuiltins, externalImportAsRequire],
  logLevel: 'warning',
});
// validate.cjs reads model files with synchronous calls (src/cli/sync-open.ts): its
// node:fs/promises is the real one, but for open(path, 'r').
const syncOpen = {
  name: 'sync-open',
  setup(b) {
    b.onResolve({ filter: /^node:fs\/promises$/ }, (args) =>
      args.namespace === 'sync-open' ? { path: args.path, external: true } : { path: args.path, namespace: 'sync-open' },
    );
    b.onLoad({ filter: /.*/, namespace: 'sync-open' }, async (args) => {
      const real = await import(args.path);
      const members = Object.keys(real.default)
        .filter((key) => key !== 'open')
        .map((key) => `  get ${JSON.stringify(key)}() { return get()[${JSON.stringify(key)}]; },`);
      const sync = JSON.stringify(`${root}src/cli/sync-open.ts`);
      return {
        contents: [
          `let real;`,
          `const get = () => (real ??= require(${JSON.stringify(args.path)}));`,
          `module.exports = {`,
          `  open: (path, flags, mode) => (flags === 'r' ? require(${sync}).openForReading(path) : get().open(path, flags, mode)),`,
          ...members,
          `};`,
        ].join('\n'),
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};
// validate.cjs keeps no function names: keepNames wraps every function in a call that sets its
// `name` (about 360 at start-up, and one per closure made at run time, thousands on a large
// model); nothing validate runs reads a function's or a class's name.
await build(cjsBundle('dist/cli/validate.cjs', [validateOnly, syncOpen], { keepNames: false }));
// The merge (src/output/merge.ts) takes only `ts` from ts-morph: TypeScript's compiler API, which
// is @ts-morph/common's typescript.js. cli.cjs requires that file directly (from where ts-morph
// is installed) and skips ts-morph.js and ts-morph-common.js (4 MB, most of it TypeScript's lib
// files as strings); should that file move, it takes ts-morph itself.
const typescriptForMerge = {
  name: 'typescript-for-merge',
  setup(b) {
    b.onResolve({ filter: /^ts-morph$/ }, (args) =>
      args.namespace === 'typescript-for-merge' ? { path: args.path, external: true } : { path: args.path, namespace: 'typescript-for-merge' },
    );
    b.onLoad({ filter: /.*/, namespace: 'typescript-for-merge' }, () => ({
      contents: [
        'let ts;',
        'function typescript() {',
        '  try {',
        "    return require('node:module').createRequire(require.resolve('ts-morph'))('@ts-morph/common/dist/typescript.js');",
        '  } catch {',
        "    return require('ts-morph').ts;",
        '  }',
        '}',
        'module.exports = { get ts() { return (ts ??= typescript()); } };',
      ].join('\n'),
      loader: 'js',
    }));
  },
};
await build(cjsBundle('dist/cli/cli.cjs', [typescriptForMerge]));
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
for (const name of ['validate', 'cli']) {
  const file = `${root}dist/cli/${name}.cjs`;
  const bundle = readFileSync(file, 'utf8');
  // node:vm compiles a bundle without a dynamic import() handler (Node 20 cannot serve one from a
  // code cache): there must be none.
  if (/\bimport\(/.test(bundle)) throw new Error(`dist/cli/${name}.cjs holds a dynamic import()`);
  // The bundle's hash on its first line keys its code cache, without hashing it at every start.
  // ` ascii` after it: code-cache.ts may read the bundle as Latin-1 (a copy) rather than decode
  // UTF-8 (a scan of half a megabyte at every start). esbuild escapes non-ASCII text but in a
  // regular expression (write such a character as an escape, \u00b9, in the source) and in the
  // comments of a build without minify.
  const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 32);
  const ascii = /^[\x00-\x7f]*$/.test(bundle) ? ' ascii' : '';
  // ` wrapped`: the file is the bundle inside the function code-cache.ts runs it in (exports,
  // require, module, __filename, __dirname, __bundleUrl), so it compiles as read, without a
  // second copy of half a megabyte joined to a wrapper at every start.
  writeFileSync(file, `// msa-gen ${name} bundle ${hash}${ascii} wrapped\n(function (exports, require, module, __filename, __dirname, __bundleUrl) {${bundle}\n})`);
}
