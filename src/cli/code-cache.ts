/**
 * Start-up of `msa-gen validate` from a V8 code cache. Most of validate's time on a model of
 * gov24's size is Node compiling the CLI's code, so bin/msa-gen.js runs validate from one
 * CommonJS bundle (dist/cli/validate.cjs: the same run() and commands, the others left out),
 * compiled with node:vm and the bytecode V8 made for it on an earlier run. Works on every Node
 * version the CLI supports (module.enableCompileCache arrived in Node 22.1).
 *
 * The cache is a per-user folder: $MSA_GEN_CACHE_DIR, else $XDG_CACHE_HOME/msa-gen, else
 * ~/.cache/msa-gen, else msa-gen-<uid> in the temporary folder; never the install, which may be
 * read-only. A file there is keyed by the Node version, the architecture, and the bundle's hash
 * (stamped on its first line by the build) and length; it is written whole or not at all (a
 * new file renamed into place). The cache only saves compile time: a folder that cannot be made
 * or written, or a file V8 rejects (truncated, not a cache, another V8 or other flags) is
 * ignored, the code compiled from source with the same output, and the file written anew.
 * MSA_GEN_NO_CACHE=1 turns it off; MSA_GEN_CACHE_TRACE=1 prints what the cache did on stderr.
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import type { CliIO } from './io.js';

type Env = Readonly<Record<string, string | undefined>>;
type Run = (argv: readonly string[], io: CliIO) => Promise<number>;

export type CacheState = 'off' | 'hit' | 'miss' | 'rejected' | 'unusable-folder';

export interface CachedRun {
  readonly run: Run;
  /** After the run: stores the bytecode V8 made when the cache did not serve it. Never throws. */
  save(): void;
}

const PREFIX = 'validate-';
const SUFFIX = '.v8cache';
/** The first line of the bundle: `// msa-gen validate bundle <hash>`. */
const STAMP = /^\/\/ msa-gen validate bundle ([0-9a-f]+)\n/;

/** The cache folder to use, or undefined when caching is off. */
export function cacheDirectory(env: Env): string | undefined {
  if (env['MSA_GEN_NO_CACHE'] && env['MSA_GEN_NO_CACHE'] !== '0') return undefined;
  const own = env['MSA_GEN_CACHE_DIR'];
  if (own) return own;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'msa-gen');
  let home = '';
  try {
    home = homedir();
  } catch {
    // no home folder: the temporary folder below
  }
  if (home) return join(home, '.cache', 'msa-gen');
  return join(tmpdir(), `msa-gen-${process.getuid?.() ?? 'user'}`);
}

/** Makes the folder; usable only when it is a folder of this user that no one else may write. */
function usableFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return false;
    const uid = process.getuid?.();
    return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
  } catch {
    return false;
  }
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
 * Writes the whole file or nothing; drops this Node's caches of other bundles (older builds).
 * Another Node version's cache stays: one may switch between Node versions.
 */
function writeCache(dir: string, file: string, payload: Buffer): void {
  const temp = join(dir, `${PREFIX}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temp, payload, { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
    return;
  }
  const ours = `${PREFIX}${process.version}-${process.arch}-`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(ours) && name.endsWith(SUFFIX) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Compiles and runs the validate bundle, from the code cache when it has one for it. Throws
 * only when the bundle itself cannot be read or run (the caller then takes the ES modules).
 */
export function loadCachedRun(bundle: string, env: Env, trace: (line: string) => void): CachedRun {
  const source = readFileSync(bundle, 'utf8');
  const stamp = STAMP.exec(source)?.[1];
  const dir = stamp ? cacheDirectory(env) : undefined;
  const usable = dir !== undefined && usableFolder(dir);
  const file = usable ? join(dir, `${PREFIX}${process.version}-${process.arch}-${stamp}-${source.length}${SUFFIX}`) : undefined;
  const cached = file ? readCache(file) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  const state: CacheState = dir === undefined ? 'off' : !usable ? 'unusable-folder' : cached === undefined ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  const module = { exports: {} as { run?: Run } };
  const factory = script.runInThisContext() as (...args: unknown[]) => void;
  factory(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  const { run } = module.exports;
  if (typeof run !== 'function') throw new Error(`${bundle} does not export run`);
  return {
    run,
    save() {
      try {
        if (file && dir && (state === 'miss' || state === 'rejected')) writeCache(dir, file, script.createCachedData());
      } catch {
        // the cache only saves time
      }
      if (env['MSA_GEN_CACHE_TRACE'] === '1') trace(`msa-gen: code cache ${state}\n`);
    },
  };
}
