/**
 * `msa-gen validate` as bin/msa-gen.js runs it: from dist/cli/validate.cjs with a V8 code cache
 * (src/cli/code-cache.ts). The output must be what run() prints in-process, whatever state the
 * cache is in: none yet, a hit, a corrupt or truncated file, a folder that cannot be written, a
 * folder others may write, a read-only install. MSA_GEN_CACHE_TRACE=1 makes the cache say what
 * it did (one line on stderr after the run). Needs dist/ (npm run build; npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** The trace line comes after whatever the run wrote on stderr. */
function split(r: Result): { result: Result; state: string | undefined } {
  const m = /msa-gen: code cache (\S+)\n$/.exec(r.stderr);
  return { result: { ...r, stderr: m ? r.stderr.slice(0, m.index) : r.stderr }, state: m?.[1] };
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
    expect(split(cli(['validate', gov24], dir)).state).toBe('miss');
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

  it('leaves usage errors, --help and the other commands as they were', async () => {
    const dir = join(scratch, 'usage');
    for (const args of [['validate', '--bogus', gov24], ['validate', '--help'], ['validate'], ['validate', 'no-such-file.yaml'], ['validate', '--max-warnings', 'x', gov24]]) {
      const want = await expected(args);
      const r = split(cli(args, dir));
      expect(r.result, args.join(' ')).toEqual(want);
    }
    const other = cli(['explain', 'MSA103'], dir);
    expect(other.stderr).toBe('');
    expect(other).toEqual({ ...(await expected(['explain', 'MSA103'])) });
  });
});
