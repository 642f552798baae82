/**
 * Start-up from a V8 code cache. Most of a short command's time is Node compiling JavaScript, so
 * bin/msa-gen.js runs the CLI from CommonJS bundles that scripts/build.mjs makes, compiled with
 * node:vm and the bytecode V8 made for them on an earlier run:
 * - dist/cli/validate.cjs: run() with the validate command only (the lean one);
 * - dist/cli/cli.cjs: run() with every command, cached once per command (the bytecode a
 *   command needs is what it ran), so `scaffold` starts from its own cache.
 * The TypeScript compiler that a scaffold loads to merge a user-owned file (ts-morph,
 * @ts-morph/common and its 9 MB typescript.js) compiles the same way: `cacheModules` hooks the
 * CommonJS loader for those packages' files only, keyed by the file's path, size, times and
 * inode. They are still loaded only when a merge needs them; the hook only changes how they
 * compile. (Only packages with no dynamic import(): a vm.Script with a code cache cannot serve
 * one on Node 20.) Works on every Node version the CLI supports (module.enableCompileCache
 * arrived in Node 22.1).
 *
 * The cache is a per-user folder: $MSA_GEN_CACHE_DIR, else $XDG_CACHE_HOME/msa-gen, else
 * ~/.cache/msa-gen, else msa-gen-<uid> in the temporary folder; never the install, which may be
 * read-only. Every file there is keyed by the Node version and the architecture; a bundle's by
 * its hash (stamped on its first line by the build) and length. A file is written whole or not
 * at all (a new file renamed into place), after the run, so it holds the functions that ran. The
 * cache only saves compile time: a folder that cannot be made or written, or that others may
 * write, or a file V8 rejects (truncated, not a cache, another V8 or other flags) is ignored,
 * the code compiled from source with the same output, and the file written anew.
 * MSA_GEN_NO_CACHE=1 turns it off; MSA_GEN_CACHE_TRACE=1 prints what the cache did on stderr
 * (a line per module file, then `msa-gen: code cache <state>` for the bundle).
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { cacheDirectory, isLeftoverTemp, usableFolder, writeWhole } from './cache-folder.js';
import type { CliIO } from './io.js';

export { fdOutput, type FdOutput } from './fd-output.js';

type Env = Readonly<Record<string, string | undefined>>;
type Run = (argv: readonly string[], io: CliIO) => Promise<number>;

export type CacheState = 'off' | 'hit' | 'miss' | 'rejected' | 'unusable-folder';

/** The parts of Node's CommonJS loader (`module.constructor` in a CommonJS file) this uses. */
export interface CommonJsLoader {
  createRequire(path: string): NodeJS.Require;
  wrap(source: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _extensions: Record<string, (module: CommonJsModule, filename: string) => void>;
  _cache: unknown;
  prototype: CommonJsModule;
}

interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string, format?: string): unknown;
}

export interface CodeCache {
  /** Compiles and runs a bundle of run(); `command` keys its cache. Throws when the bundle cannot be read or run. */
  loadRun(bundle: string, command: string): Run;
  /** From now on, the files of CACHED_FILES compile from the cache. */
  cacheModules(): void;
  /** After the run: stores the bytecode of what the cache did not serve. Never throws. */
  save(): void;
}

const SUFFIX = '.v8cache';
/** The first line of a bundle: `// msa-gen <name> bundle <hash>`, then ` ascii` when every byte is ASCII. */
const STAMP = /^\/\/ msa-gen ([a-z]+) bundle ([0-9a-f]+)( ascii)?( wrapped)?\n/;
/**
 * The files of node_modules that compile from the cache: large, and without a dynamic import().
 * Not @ts-morph/common's own ts-morph-common.js: most of its 3 MB are TypeScript's lib files as
 * string literals, which a code cache holds again (5.6 MB) and reads slower than V8 scans them.
 */
const CACHED_FILES = ['ts-morph/dist/ts-morph.js', '@ts-morph/common/dist/typescript.js', 'typescript/lib/typescript.js'].map(
  (file) => `${sep}node_modules${sep}${file.split('/').join(sep)}`,
);

/** A 64-bit FNV-1a hash of the text's UTF-16 code units, as 16 hex digits (a name, not a defence). */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/** The cached bytecode in `file`, or undefined when there is none. */
function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the whole file or nothing; then drops the files of this Node whose names start with
 * `stale` (older builds, older versions of a module file), and temporary files an hour old (a
 * process killed while writing). Another Node version's files stay: one may switch between them.
 */
function writeCache(dir: string, file: string, payload: Buffer, stale: string): void {
  if (!writeWhole(dir, file, payload)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(stale) && name.endsWith(SUFFIX) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
    else if (isLeftoverTemp(dir, name)) rmSync(join(dir, name), { force: true });
  }
}

interface Entry {
  readonly label: string;
  readonly script: Script;
  readonly state: CacheState;
  readonly file: string | undefined;
  readonly stale: string;
}

/** Compiles `source` with the cached bytecode in `file`, when there is a file. */
function compile(source: string, filename: string, file: string | undefined, usable: boolean, off: boolean): { script: Script; state: CacheState } {
  const cached = file ? readCache(file) : undefined;
  const script = new Script(source, { filename, ...(cached ? { cachedData: cached } : {}) });
  const state: CacheState = off ? 'off' : !usable ? 'unusable-folder' : cached === undefined ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  return { script, state };
}

/** `loader` is Node's CommonJS Module class (`module.constructor` in the caller). */
export function openCodeCache(env: Env, loader: CommonJsLoader, trace: (line: string) => void): CodeCache {
  const dir = cacheDirectory(env);
  let checked: boolean | undefined;
  const usable = () => (checked ??= dir !== undefined && usableFolder(dir));
  const node = `${process.version}-${process.arch}`;
  const entries: Entry[] = [];
  let hooked = false;

  /** Compiles a file of a cached package as Node would, with the cache. Undefined: Node compiles it. */
  function compileModule(content: string, filename: string): Script | undefined {
    let stat;
    try {
      stat = statSync(filename, { bigint: true });
    } catch {
      return undefined;
    }
    const where = fnv1a(filename);
    const version = fnv1a(`${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.dev}:${content.length}`);
    const stale = `module-${node}-${where}-`;
    const file = usable() ? join(dir!, `${stale}${version}${SUFFIX}`) : undefined;
    let compiled;
    try {
      compiled = compile(loader.wrap(content), filename, file, usable(), false);
    } catch {
      return undefined; // not a script (an ES module's syntax): Node's own loader decides
    }
    const label = filename.slice(filename.lastIndexOf(`${sep}node_modules${sep}`) + 14).split(sep).join('/');
    entries.push({ label: `module ${label}`, script: compiled.script, state: compiled.state, file, stale });
    return compiled.script;
  }

  return {
    loadRun(bundle, command) {
      if (!/^[a-z]+$/.test(command)) throw new Error(`not a command name: ${command}`);
      // One read (with an encoding, Node reads 8 KB a time). An ASCII bundle (the build says so
      // on its first line) decodes as Latin-1, a copy, where UTF-8 would scan half a megabyte.
      const bytes = readFileSync(bundle);
      const stamp = STAMP.exec(bytes.toString('latin1', 0, 128));
      const source = bytes.toString(stamp?.[3] ? 'latin1' : 'utf8');
      const key = stamp?.[1] === 'validate' ? 'validate' : `${stamp?.[1] ?? 'bundle'}-${command}`;
      const stale = `${key}-${node}-`;
      const file = stamp && usable() ? join(dir!, `${stale}${stamp[2]}-${source.length}${SUFFIX}`) : undefined;
      // The build writes the bundle inside the function that it runs in (` wrapped`): the source
      // compiles as read, without a second half-megabyte string made by joining it to a wrapper.
      const wrapped = stamp?.[4] ? source : `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${source}\n})`;
      const { script, state } = compile(wrapped, bundle, file, stamp !== null && usable(), dir === undefined || stamp === null);
      entries.push({ label: 'code', script, state, file, stale });
      const module = { exports: {} as { run?: Run } };
      const factory = script.runInThisContext() as (...args: unknown[]) => void;
      factory(module.exports, loader.createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
      const { run } = module.exports;
      if (typeof run !== 'function') throw new Error(`${bundle} does not export run`);
      return run;
    },

    cacheModules() {
      if (hooked || dir === undefined) return;
      hooked = true;
      const cachedFile = (filename: string) => CACHED_FILES.some((f) => filename.endsWith(f)) && usable();
      // Node's loader reads a file 8 KB a time into a growing string; for the 9 MB of
      // typescript.js one read and one decode cost about half.
      const js = loader._extensions['.js']!;
      loader._extensions['.js'] = function readAtOnce(this: unknown, module: CommonJsModule, filename: string) {
        let content: string | undefined;
        if (cachedFile(filename)) {
          try {
            content = readFileSync(filename).toString('utf8');
          } catch {
            // Node's loader reads it, and says what is wrong
          }
        }
        if (content === undefined) return Reflect.apply(js, this, [module, filename]);
        module._compile(content, filename, 'commonjs');
      };
      const original = loader.prototype._compile;
      loader.prototype._compile = function compileFromCache(this: CommonJsModule, content: string, filename: string, format?: string) {
        const script = format !== 'module' && cachedFile(filename) ? compileModule(content, filename) : undefined;
        // eslint-disable-next-line prefer-rest-params
        if (!script) return Reflect.apply(original, this, arguments);
        const factory = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
        const require = ((id: string) => this.require(id)) as NodeJS.Require;
        require.resolve = ((request: string, options?: unknown) => loader._resolveFilename(request, this, false, options)) as NodeJS.RequireResolve;
        Object.assign(require, { main: process.mainModule, extensions: loader._extensions, cache: loader._cache });
        return factory.call(this.exports, this.exports, require, this, filename, dirname(filename));
      };
    },

    save() {
      const lines: string[] = [];
      let codeLine = '';
      for (const { label, script, state, file, stale } of entries) {
        try {
          if (file && (state === 'miss' || state === 'rejected')) writeCache(dir!, file, script.createCachedData(), stale);
        } catch {
          // the cache only saves time
        }
        // The bundle's line comes last (tests and users read it there).
        if (label === 'code') codeLine = `msa-gen: code cache ${state}\n`;
        else lines.push(`msa-gen: ${label} cache ${state}\n`);
      }
      if (env['MSA_GEN_CACHE_TRACE'] === '1' && entries.length > 0) trace(lines.join('') + codeLine);
    },
  };
}
