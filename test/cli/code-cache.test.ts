/**
 * The CLI as bin/msa-gen.js runs it: from dist/cli/validate.cjs or dist/cli/cli.cjs with a V8
 * code cache (src/cli/code-cache.ts), and, when a scaffold merges a user-owned file, ts-morph and
 * TypeScript compiled from the cache too. The output must be what run() prints in-process,
 * whatever state the cache is in: none yet, a hit, a corrupt or truncated file, a folder that
 * cannot be written, a folder others may write, a read-only install. MSA_GEN_CACHE_TRACE=1 makes
 * the cache say what it did (on stderr after the run: a line per module file, then the bundle's).
 * Needs dist/ (npm run build; npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fdOutput } from '../../src/cli/fd-output.js';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'msa-gen-code-cache-'));
const gov24 = 'models/gov24.yaml';
const tense = 'test/fixtures/cli/tense/model.yaml';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], cacheDir: string, { bin = join(root, 'bin', 'msa-gen.js'), env = {} as Record<string, string> } = {}): Result {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MSA_GEN_CACHE_DIR: cacheDir, MSA_GEN_CACHE_TRACE: '1', MSA_GEN_NO_CACHE: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What run() prints for the same arguments, in-process (no cache, no bundle). */
async function expected(args: readonly string[]): Promise<Result> {
  const io = memoryIO(root, { NO_COLOR: '1' });
  const code = await run(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** The trace lines come after whatever the run wrote on stderr: the module files', then the bundle's. */
function split(r: Result): { result: Result; state: string | undefined; modules: Record<string, string> } {
  const m = /(?:msa-gen: module \S+ cache \S+\n)*msa-gen: code cache (\S+)\n$/.exec(r.stderr);
  const modules: Record<string, string> = {};
  for (const [, file, state] of (m?.[0] ?? '').matchAll(/msa-gen: module (\S+) cache (\S+)\n/g)) modules[file!] = state!;
  return { result: { ...r, stderr: m ? r.stderr.slice(0, m.index) : r.stderr }, state: m?.[1], modules };
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'validate.cjs'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});
afterAll(() => {
  chmodRecursive(scratch, 0o700);
  rmSync(scratch, { recursive: true, force: true });
});

function chmodRecursive(path: string, mode: number): void {
  if (!existsSync(path)) return;
  chmodSync(path, mode);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) chmodRecursive(join(path, entry.name), mode);
  }
}

describe('validate from the code cache', { timeout: 120_000 }, () => {
  it('writes the cache on the first run, uses it on the second, and prints what run() prints both times', async () => {
    const dir = join(scratch, 'fresh');
    for (const args of [['validate', gov24], ['validate', tense], ['validate', '--format', 'json', tense, gov24]]) {
      const want = await expected(args);
      rmSync(dir, { recursive: true, force: true });
      const first = split(cli(args, dir));
      expect(first.state).toBe('miss');
      expect(first.result).toEqual(want);
      expect(cacheFiles(dir)).toHaveLength(1);
      const second = split(cli(args, dir));
      expect(second.state).toBe('hit');
      expect(second.result).toEqual(want);
    }
  });

  it('keys the file by the Node version; drops the file of an older build, keeps another Node version\'s', () => {
    const dir = join(scratch, 'keyed');
    mkdirSync(dir, { mode: 0o700 });
    const olderBuild = `validate-${process.version}-${process.arch}-0123456789abcdef0123456789abcdef-1.v8cache`;
    const otherNode = `validate-v99.0.0-${process.arch}-0123456789abcdef0123456789abcdef-1.v8cache`;
    writeFileSync(join(dir, olderBuild), 'x');
    writeFileSync(join(dir, otherNode), 'x');
    // What a process killed while writing leaves: an old one goes, a recent one (maybe being written) stays.
    const [oldTemp, newTemp] = ['tmp-1-1-a.tmp', 'tmp-2-2-b.tmp'];
    writeFileSync(join(dir, oldTemp), 'x');
    writeFileSync(join(dir, newTemp), 'x');
    utimesSync(join(dir, oldTemp), new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));
    expect(split(cli(['validate', gov24], dir)).state).toBe('miss');
    expect(existsSync(join(dir, oldTemp))).toBe(false);
    expect(existsSync(join(dir, newTemp))).toBe(true);
    const files = cacheFiles(dir);
    expect(files).toHaveLength(2);
    expect(files).toContain(otherNode);
    expect(files.find((f) => f !== otherNode)).toMatch(new RegExp(`^validate-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{32}-\\d+\\.v8cache$`));
  });

  it('ignores a corrupt or truncated cache file, prints the same, and writes it anew', async () => {
    const dir = join(scratch, 'corrupt');
    const want = await expected(['validate', tense]);
    expect(split(cli(['validate', tense], dir)).state).toBe('miss');
    const file = join(dir, cacheFiles(dir)[0]!);
    const good = readFileSync(file);
    const damaged = [Buffer.from('not a code cache'), Buffer.alloc(good.length, 0xa5), good.subarray(0, good.length >> 1), Buffer.alloc(0)];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      const r = split(cli(['validate', tense], dir));
      expect(r.state).toBe('rejected');
      expect(r.result).toEqual(want);
      expect(readFileSync(file).equals(bytes)).toBe(false);
      expect(split(cli(['validate', tense], dir)).state).toBe('hit');
    }
  });

  it('validates with the same output when the cache folder cannot be made', async () => {
    const notAFolder = join(scratch, 'a-file');
    writeFileSync(notAFolder, 'x');
    const want = await expected(['validate', gov24]);
    for (const dir of [notAFolder, join(notAFolder, 'below')]) {
      const r = split(cli(['validate', gov24], dir));
      expect(r.state).toBe('unusable-folder');
      expect(r.result).toEqual(want);
    }
  });

  it('does not use a folder that other users may write', async () => {
    const dir = join(scratch, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const want = await expected(['validate', tense]);
    const r = split(cli(['validate', tense], dir));
    expect(r.state).toBe('unusable-folder');
    expect(r.result).toEqual(want);
    expect(cacheFiles(dir)).toEqual([]);
  });

  it('runs from a read-only install with a read-only cache folder, with the same output', async () => {
    const install = join(scratch, 'install');
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(install, part), { recursive: true });
    const dir = join(scratch, 'read-only-cache');
    mkdirSync(dir, { mode: 0o700 });
    chmodRecursive(install, 0o555);
    chmodSync(dir, 0o500);
    const want = await expected(['validate', tense]);
    const r = split(cli(['validate', tense], dir, { bin: join(install, 'bin', 'msa-gen.js') }));
    // Writable anyway for root, so the state is miss (root) or miss without a file (anyone else).
    expect(r.state).toBe('miss');
    expect(r.result).toEqual(want);
  });

  it('is off with MSA_GEN_NO_CACHE=1, with the same output', async () => {
    const dir = join(scratch, 'off');
    const want = await expected(['validate', gov24]);
    const r = split(cli(['validate', gov24], dir, { env: { MSA_GEN_NO_CACHE: '1' } }));
    expect(r.state).toBe('off');
    expect(r.result).toEqual(want);
    expect(existsSync(dir)).toBe(false);
  });

  it('reads a bundle the build marks ASCII as Latin-1, and one with other characters as UTF-8, with the same output', async () => {
    // The build marks both bundles: the start-up reads them without a UTF-8 decode.
    for (const name of ['validate', 'cli']) {
      expect(readFileSync(join(root, 'dist', 'cli', `${name}.cjs`), 'latin1').split('\n', 1)[0]).toMatch(/^\/\/ msa-gen [a-z]+ bundle [0-9a-f]+ ascii wrapped$/);
    }
    // A bundle with a non-ASCII character (a build without minify keeps comments) carries no mark.
    const install = join(scratch, 'utf8-install');
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(install, part), { recursive: true });
    const file = join(install, 'dist', 'cli', 'validate.cjs');
    const [stamp, ...rest] = readFileSync(file, 'latin1').split('\n');
    // Decoded as Latin-1, the three characters would be seven: the bundle would throw, and
    // bin/msa-gen.js would run from the ES modules, with no cache to report.
    const body = rest.join('\n').replace('"use strict";', '"use strict";if ("é²→".length !== 3) throw new Error("decoded as Latin-1");');
    expect(body).toContain('é²→');
    writeFileSync(file, `${stamp!.replace(/ ascii wrapped$/, ' wrapped')}\n${body}`, 'utf8');
    const dir = join(scratch, 'utf8-cache');
    const want = await expected(['validate', tense]);
    for (const state of ['miss', 'hit']) {
      const r = split(cli(['validate', tense], dir, { bin: join(install, 'bin', 'msa-gen.js') }));
      expect(r.state).toBe(state);
      expect(r.result).toEqual(want);
    }
  });

  it('runs a bundle the build wrapped as read, and one without the wrapper inside it, with the same output', async () => {
    // The build writes each bundle inside the function it runs in: no second copy of the source at start-up.
    const [stamp, ...rest] = readFileSync(join(root, 'dist', 'cli', 'validate.cjs'), 'latin1').split('\n');
    const body = rest.join('\n');
    expect(body.startsWith('(function (exports, require, module, __filename, __dirname, __bundleUrl) {')).toBe(true);
    expect(body.endsWith('\n})')).toBe(true);
    // Without the mark, the loader wraps the bundle itself.
    const install = join(scratch, 'unwrapped-install');
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(install, part), { recursive: true });
    const unwrapped = body.slice(body.indexOf('{') + 1, -'\n})'.length);
    writeFileSync(join(install, 'dist', 'cli', 'validate.cjs'), `${stamp!.replace(/ wrapped$/, '')}\n${unwrapped}`, 'latin1');
    const dir = join(scratch, 'unwrapped-cache');
    const want = await expected(['validate', tense]);
    for (const state of ['miss', 'hit']) {
      const r = split(cli(['validate', tense], dir, { bin: join(install, 'bin', 'msa-gen.js') }));
      expect(r.state).toBe(state);
      expect(r.result).toEqual(want);
    }
  });

  it('leaves usage errors, --help and the other commands as they were', async () => {
    const dir = join(scratch, 'usage');
    // validate.cjs reads models with synchronous calls: the same findings and errors for a missing file, a folder, a device.
    for (const args of [['validate', '--bogus', gov24], ['validate', '--help'], ['validate'], ['validate', 'no-such-file.yaml'], ['validate', 'models'], ['validate', '--max-size', '1KB', '/dev/zero', gov24], ['validate', '--max-warnings', 'x', gov24]]) {
      const want = await expected(args);
      const r = split(cli(args, dir));
      expect(r.result, args.join(' ')).toEqual(want);
    }
    const seen = new Set<string>();
    for (const args of [['explain', 'MSA103'], ['explain'], ['routes', gov24], ['export', 'asyncapi', tense], ['--version'], ['--help'], ['scaffold', '--bogus']]) {
      const want = await expected(args);
      const r = split(cli(args, dir));
      expect(r.result, args.join(' ')).toEqual(want);
      // The commands run from dist/cli/cli.cjs, each with a cache of its own; no command: from the ES modules.
      const command = args[0]!;
      expect(r.state, args.join(' ')).toBe(command.startsWith('-') ? undefined : seen.has(command) ? 'hit' : 'miss');
      seen.add(command);
    }
    expect(cacheFiles(dir).filter((f) => f.startsWith('cli-')).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cli-explain-/), expect.stringMatching(/^cli-routes-/), expect.stringMatching(/^cli-export-/), expect.stringMatching(/^cli-scaffold-/)]),
    );
  });
});

/** Every file under `dir` with its bytes, by relative path. */
function tree(dir: string, base = dir, into = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tree(path, base, into);
    else into.set(path.slice(base.length + 1), readFileSync(path, 'base64'));
  }
  return into;
}

/** gov24 plus one command: scaffolded onto gov24's output, a user-owned domain file gets a handler stub (edited by hand first, `byHand`: a merge, ts-morph loads). */
function plusOneCommand(): string {
  const model = load(readFileSync(join(root, gov24), 'utf8')) as { contexts: { aggregates?: { commands?: Record<string, unknown>[] }[] }[] };
  for (const context of model.contexts) {
    const aggregate = (context.aggregates ?? []).find((a) => (a.commands ?? []).length > 0);
    if (!aggregate) continue;
    const first = aggregate.commands![0]!;
    aggregate.commands!.push({ name: 'ReviewCacheRequest', fields: first['fields'] ?? [], emits: first['emits'], http: 'POST /cache-reviews' });
    return dump(model, { lineWidth: -1 });
  }
  throw new Error('no aggregate with commands');
}

/**
 * The user's hand in the domain file that plus.yaml adds a command to (a comment at its end): it
 * is no longer what the generators wrote, so adding the stub parses it (ts-morph loads). An
 * unedited file would just be replaced with the fresh content (src/output/plan.ts).
 */
function byHand(project: string): void {
  const file = join(project, 'out', 'services', 'guidance', 'src', 'domain', 'Guide.ts');
  writeFileSync(file, `${readFileSync(file, 'utf8')}// the user's note\n`);
}

/** What a merge compiles from the cache: TypeScript's compiler API as ts-morph installs it (cli.cjs takes it directly). */
const TS_MORPH_FILES = ['@ts-morph/common/dist/typescript.js'];
const modulesIn = (state: string) => Object.fromEntries(TS_MORPH_FILES.map((f) => [f, state]));

describe('scaffold from the code cache, ts-morph and TypeScript included', { timeout: 300_000 }, () => {
  const work = join(scratch, 'scaffold');
  const cache = join(scratch, 'scaffold-cache');
  /** A project folder with the two models; the runs scaffold into `out` in it, so every path printed is the same. */
  function project(name: string): string {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    cpSync(join(root, gov24), join(dir, 'model.yaml'));
    writeFileSync(join(dir, 'plus.yaml'), plusOneCommand());
    return dir;
  }
  function cliIn(dir: string, args: readonly string[], cacheDir = cache, bin?: string) {
    const r = spawnSync(process.execPath, [bin ?? join(root, 'bin', 'msa-gen.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', MSA_GEN_CACHE_DIR: cacheDir, MSA_GEN_CACHE_TRACE: '1', MSA_GEN_NO_CACHE: '' },
      timeout: 120_000,
    });
    return split({ code: r.status, stdout: r.stdout, stderr: r.stderr });
  }
  async function inProcess(dir: string, args: readonly string[]): Promise<Result> {
    const io = memoryIO(dir, { NO_COLOR: '1' });
    const code = await run(args, io);
    return { code, stdout: io.out(), stderr: io.err() };
  }
  const fresh = ['scaffold', 'model.yaml', '-o', 'out'];
  const plus = ['scaffold', 'plus.yaml', '-o', 'out'];
  const check = ['scaffold', 'plus.yaml', '-o', 'out', '--check'];
  let want: { fresh: Result; plus: Result; check: Result; tree: Map<string, string> };

  beforeAll(async () => {
    const dir = project('in-process');
    const wantFresh = await inProcess(dir, fresh);
    byHand(dir);
    want = { fresh: wantFresh, plus: await inProcess(dir, plus), check: await inProcess(dir, check), tree: tree(join(dir, 'out')) };
    expect(want.fresh.code).toBe(0);
    expect(want.plus.code).toBe(0);
    expect(want.plus.stdout).toMatch(/merged|merge/i);
    expect(want.check.code).toBe(0);
  });

  it('compiles ts-morph and TypeScript from source and caches them on the first merge, from the cache on the next; same output and files', () => {
    for (const [name, first] of [['first', true], ['second', false]] as const) {
      const dir = project(name);
      const a = cliIn(dir, fresh);
      expect(a.result).toEqual(want.fresh);
      expect(a.state).toBe(first ? 'miss' : 'hit');
      expect(a.modules).toEqual({}); // nothing to merge: ts-morph stays unloaded
      byHand(dir);
      const b = cliIn(dir, plus);
      expect(b.result).toEqual(want.plus);
      expect(b.state).toBe('hit');
      expect(b.modules).toEqual(modulesIn(first ? 'miss' : 'hit'));
      const c = cliIn(dir, check);
      expect(c.result).toEqual(want.check);
      expect(c.modules).toEqual({}); // --check never loads ts-morph
      expect(tree(join(dir, 'out'))).toEqual(want.tree);
    }
    const files = cacheFiles(cache);
    expect(files.filter((f) => f.startsWith('module-'))).toHaveLength(TS_MORPH_FILES.length);
    expect(files.filter((f) => f.startsWith('cli-scaffold-'))).toHaveLength(1);
  });

  it('ignores damaged caches of ts-morph and TypeScript, merges the same, and writes them anew', () => {
    const dir = project('damaged');
    const files = cacheFiles(cache).filter((f) => f.startsWith('module-'));
    expect(files).toHaveLength(TS_MORPH_FILES.length);
    const good = new Map(files.map((f) => [f, readFileSync(join(cache, f))]));
    for (const damage of [(b: Buffer) => b.subarray(0, b.length >> 1), (b: Buffer) => Buffer.alloc(b.length, 0xa5)]) {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      expect(cliIn(dir, fresh).result).toEqual(want.fresh);
      byHand(dir);
      for (const [f, bytes] of good) writeFileSync(join(cache, f), damage(bytes));
      const r = cliIn(dir, plus);
      expect(r.result).toEqual(want.plus);
      expect(r.modules).toEqual(modulesIn('rejected'));
      expect(tree(join(dir, 'out'))).toEqual(want.tree);
      for (const [f, bytes] of good) expect(readFileSync(join(cache, f)).equals(damage(bytes))).toBe(false);
    }
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    expect(cliIn(dir, fresh).result).toEqual(want.fresh);
    byHand(dir);
    expect(cliIn(dir, plus).modules).toEqual(modulesIn('hit'));
  });

  it('keys a module file by its path and stat: a changed file is compiled anew, the stale cache dropped', () => {
    // A copy of the install with its own ts-morph files (their paths and times differ).
    const install = join(scratch, 'module-install');
    for (const part of ['bin', 'dist', 'package.json', 'templates']) cpSync(join(root, part), join(install, part), { recursive: true });
    mkdirSync(join(install, 'node_modules'));
    for (const entry of readdirSync(join(root, 'node_modules'))) {
      if (entry !== 'ts-morph' && entry !== '@ts-morph') symlinkSync(join(root, 'node_modules', entry), join(install, 'node_modules', entry));
    }
    cpSync(join(root, 'node_modules', 'ts-morph'), join(install, 'node_modules', 'ts-morph'), { recursive: true });
    cpSync(join(root, 'node_modules', '@ts-morph'), join(install, 'node_modules', '@ts-morph'), { recursive: true });
    const bin = join(install, 'bin', 'msa-gen.js');
    const dir = join(scratch, 'module-cache');
    const once = (expectState: string) => {
      const p = project(`keyed-${expectState}-${Math.random().toString(36).slice(2)}`);
      expect(cliIn(p, fresh, dir, bin).result).toEqual(want.fresh);
      byHand(p);
      const r = cliIn(p, plus, dir, bin);
      expect(r.result).toEqual(want.plus);
      expect(r.modules).toEqual(modulesIn(expectState));
    };
    once('miss');
    once('hit');
    const before = cacheFiles(dir).filter((f) => f.startsWith('module-'));
    // Same text, new times: a new key; the old file for that path goes.
    const ts = join(install, 'node_modules', '@ts-morph', 'common', 'dist', 'typescript.js');
    writeFileSync(ts, readFileSync(ts));
    const p = project(`keyed-touched`);
    expect(cliIn(p, fresh, dir, bin).result).toEqual(want.fresh);
    byHand(p);
    const r = cliIn(p, plus, dir, bin);
    expect(r.result).toEqual(want.plus);
    expect(r.modules).toEqual({ ...modulesIn('hit'), '@ts-morph/common/dist/typescript.js': 'miss' });
    const after = cacheFiles(dir).filter((f) => f.startsWith('module-'));
    expect(after).toHaveLength(before.length);
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
  });

  it('scaffolds and merges from a read-only install with a read-only cache folder, with the same output and files', () => {
    const install = join(scratch, 'scaffold-install');
    for (const part of ['bin', 'dist', 'package.json', 'templates']) cpSync(join(root, part), join(install, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(install, 'node_modules'));
    const dir = join(scratch, 'scaffold-read-only-cache');
    mkdirSync(dir, { mode: 0o700 });
    chmodRecursive(join(install, 'bin'), 0o555);
    chmodRecursive(join(install, 'dist'), 0o555);
    chmodRecursive(join(install, 'templates'), 0o555);
    chmodSync(install, 0o555);
    chmodSync(dir, 0o500);
    const p = project('read-only');
    const a = cliIn(p, fresh, dir, join(install, 'bin', 'msa-gen.js'));
    expect(a.result).toEqual(want.fresh);
    byHand(p);
    const b = cliIn(p, plus, dir, join(install, 'bin', 'msa-gen.js'));
    expect(b.result).toEqual(want.plus);
    expect(tree(join(p, 'out'))).toEqual(want.tree);
    chmodSync(install, 0o755);
  });

  it('is off with MSA_GEN_NO_CACHE=1: no cache, ts-morph from source, the same output', () => {
    const p = project('off');
    const dir = join(scratch, 'scaffold-off');
    const env = (args: readonly string[]) =>
      spawnSync(process.execPath, [join(root, 'bin', 'msa-gen.js'), ...args], {
        cwd: p,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', MSA_GEN_CACHE_DIR: dir, MSA_GEN_CACHE_TRACE: '1', MSA_GEN_NO_CACHE: '1' },
      });
    expect(env(fresh).status).toBe(0);
    byHand(p);
    const r = env(plus);
    const b = split({ code: r.status, stdout: r.stdout, stderr: r.stderr });
    expect(b.result).toEqual(want.plus);
    expect(b.state).toBe('off');
    expect(b.modules).toEqual({});
    expect(existsSync(dir)).toBe(false);
  });
});

describe('output on the file descriptors (src/cli/fd-output.ts)', () => {
  it('writes everything; on a full non-blocking pipe the rest goes to the fallback stream, in order; a closed pipe calls brokenPipe', () => {
    const fifo = join(scratch, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const handedOver: Uint8Array[] = [];
    let broken = 0;
    const out = fdOutput(writer, {
      fallback: () => ({ write: (chunk: string | Uint8Array) => handedOver.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk) > 0 }),
      brokenPipe: () => broken++,
      isatty: () => {
        throw new Error('a pipe is surely no terminal');
      },
    });
    expect(out.isTTY).toBe(false);
    const text = 'x' + 'é'.repeat(100_000) + 'end'; // more than a pipe holds (64 KiB): a character is cut there
    out.write(text);
    expect(out.synchronous).toBe(false);
    out.write(' and more');
    const direct = Buffer.alloc(1 << 20);
    const n = readSync(reader, direct);
    expect(Buffer.concat([direct.subarray(0, n), ...handedOver]).toString('utf8')).toBe(text + ' and more');
    closeSync(reader);
    const second = fdOutput(writer, { fallback: () => process.stdout, brokenPipe: () => broken++, isatty: () => false });
    second.write('nobody reads this');
    expect(broken).toBe(1);
    expect(second.synchronous).toBe(true);
    closeSync(writer);
  });
});
