/**
 * 100 SIGKILLs of a real `node bin/msa-gen.js scaffold` at random moments. Two folders take turns
 * between the minimal model and a copy of it under another platform name (each run writes 66
 * files and deletes 14: helm/<name>/ moves, every package name changes; gov24 costs about twice
 * as much per kill for the same phases):
 * each kill lands somewhere between the start of the process and the release of its lock, and is
 * followed by --check (never "up to date" unless the folder is byte for byte the finished one),
 * a plain run (exit 0, the folder exactly the finished one: complete, no temporary file, no lock)
 * and --check again. Two thirds of the kills wait for the run's journal to appear, then a random
 * part of the time the writes take; the others come at a random moment from the start.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';
import { snapshot } from '../support/snapshot.js';

const KILLS = 100;
const LANES = 2;
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'bin', 'msa-gen.js');
const supervisorScript = join(root, 'test', 'support', 'kill-supervisor.mjs');

let work: string;
const models = { a: '', b: '' };
/** The finished folders: a then b (the target of a run of b), and a, b, a (of a run of a). */
const refs: Record<'a' | 'b', { dir: string; files: Record<string, string>; manifest: string }> = {} as never;

const same = (x: Record<string, string>, y: Record<string, string>) => JSON.stringify(x) === JSON.stringify(y);

/** The runs' own cache folder (bytecode, stat records), for the killed processes and the repairs alike. */
const cacheEnv = () => ({ MSA_GEN_CACHE_DIR: join(work, 'cache') });

const cliRun = async (model: 'a' | 'b', dir: string, ...extra: string[]) => {
  const io = memoryIO(work, { NO_COLOR: '1', ...cacheEnv() });
  const code = await run(['scaffold', models[model], '-o', dir, ...extra], io);
  return { code, out: io.out(), err: io.err() };
};

interface Supervised {
  killed: boolean;
  code: number | null;
  signal: string | null;
  elapsed: number;
  journalAt?: number;
}
/** A supervisor process (test/support/kill-supervisor.mjs): one request at a time. */
function supervisor(): { supervise(model: 'a' | 'b', dir: string, mode: 'timer' | 'journal' | 'none', delay: number): Promise<Supervised>; close(): void } {
  const p = spawn(process.execPath, [supervisorScript], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...cacheEnv() } });
  const waiting: Array<(r: Supervised) => void> = [];
  let buffer = '';
  p.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      waiting.shift()!(JSON.parse(buffer.slice(0, nl)) as Supervised);
      buffer = buffer.slice(nl + 1);
    }
  });
  return {
    supervise: (model, dir, mode, delay) =>
      new Promise<Supervised>((resolve) => {
        waiting.push(resolve);
        p.stdin.write(`${JSON.stringify({ cli, model: models[model], out: dir, mode, delay })}\n`);
      }),
    close: () => p.stdin.end(),
  };
}

/** Where the kill landed, read from what it left on disk. */
function phase(dir: string, files: Record<string, string>, from: 'a' | 'b', to: 'a' | 'b', result: Supervised): string {
  if (!result.killed) return 'finished before the kill';
  const lock = existsSync(join(dir, '.msa-gen', 'lock'));
  const lockTemps = readdirSync(join(dir, '.msa-gen')).filter((n) => n.startsWith('.lock.'));
  const journalPath = join(dir, '.msa-gen', 'journal.json');
  if (!existsSync(journalPath)) {
    if (same(files, refs[to].files)) return lock ? 'after the journal was removed, before the lock was released' : 'after the lock was released, exiting';
    const before = { ...files };
    for (const n of lockTemps) delete before[`.msa-gen/${n}`];
    delete before['.msa-gen/.journal.json.msa-gen-tmp'];
    if (!same(before, refs[from].files)) return `other: ${Object.keys(files).filter((f) => files[f] !== refs[from].files[f]).slice(0, 5).join(', ')}`;
    if (lockTemps.length > 0) return 'taking the lock';
    if (files['.msa-gen/.journal.json.msa-gen-tmp']) return 'writing the journal';
    return lock ? 'holding the lock, before the journal' : 'before the lock (start, validation, generation)';
  }
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { ops: Array<{ path: string; newSha256: string | null }> };
  const done = journal.ops.filter((op) => (files[op.path] ?? null) === op.newSha256).length;
  if (done === 0) return 'creating temporary files';
  if (done < journal.ops.length) return 'renaming and deleting';
  return readFileSync(join(dir, '.msa-gen', 'manifest.json'), 'utf8') === refs[to].manifest ? 'removing the journal' : 'writing the manifest';
}

/** A small deterministic generator (mulberry32): the same delays on every run of the test. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'msa-gen-sigkill-'));
  const minimal = readFileSync(join(root, 'test', 'fixtures', 'minimal', 'model.yaml'), 'utf8');
  models.a = join(work, 'permits.yaml');
  models.b = join(work, 'permits2.yaml');
  writeFileSync(models.a, minimal);
  writeFileSync(models.b, minimal.replace(/^ {2}name: permits$/m, '  name: permits2'));
  expect(readFileSync(models.b, 'utf8')).not.toBe(minimal);
  for (const [name, sequence] of [['b', ['a', 'b']], ['a', ['a', 'b', 'a']]] as const) {
    const dir = join(work, `ref-${name}`);
    for (const m of sequence) expect((await cliRun(m, dir)).code).toBe(0);
    refs[name] = { dir, files: snapshot(dir), manifest: readFileSync(join(dir, '.msa-gen', 'manifest.json'), 'utf8') };
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('SIGKILL at random moments', () => {
  it(`${KILLS} kills of a real scaffold process: the next plain run always completes the folder`, { timeout: 600_000 }, async () => {
    const started = performance.now();
    // How long a run takes, from its start and from its journal, in each direction.
    const calibration = join(work, 'calibration');
    cpSync(refs.b.dir, calibration, { recursive: true });
    const calibrator = supervisor();
    // Twice: the first runs compile the CLI and fill its code cache, which the runs that are
    // killed then start from (a window measured on the first would overshoot).
    await calibrator.supervise('a', calibration, 'none', 0);
    await calibrator.supervise('b', calibration, 'none', 0);
    const timing = { a: await calibrator.supervise('a', calibration, 'none', 0), b: await calibrator.supervise('b', calibration, 'none', 0) };
    calibrator.close();
    for (const t of Object.values(timing)) expect(t).toMatchObject({ killed: false, code: 0 });
    expect(snapshot(calibration)).toEqual(refs.b.files);

    const phases = new Map<string, number>();
    let checked = 0;
    const lane = async (index: number) => {
      const next = random(20240607 + index);
      const { supervise, close } = supervisor();
      onTestFinished(close);
      const dir = join(work, `lane-${index}`);
      cpSync(refs.b.dir, dir, { recursive: true });
      let state: 'a' | 'b' = 'b';
      for (let i = index; i < KILLS; i += LANES) {
        const target: 'a' | 'b' = state === 'a' ? 'b' : 'a';
        const t = timing[target];
        const byJournal = next() < 2 / 3 && t.journalAt !== undefined;
        const delay = byJournal ? next() * (t.elapsed - t.journalAt!) * 1.1 : next() * t.elapsed * 1.05;
        const result = await supervise(target, dir, byJournal ? 'journal' : 'timer', Math.round(delay));
        expect(result.signal === 'SIGKILL' || result.code === 0, JSON.stringify(result)).toBe(true);
        const files = snapshot(dir);
        const where = phase(dir, files, state, target, result);
        phases.set(where, (phases.get(where) ?? 0) + 1);

        const consistent = same(files, refs[target].files);
        const before = await cliRun(target, dir, '--check');
        expect(before.code, `--check after a kill (${where}): ${before.out}${before.err}`).toBe(consistent ? 0 : 1);
        if (!consistent) expect(before.out).not.toContain('is up to date');
        const repair = await cliRun(target, dir);
        expect(repair.code, `plain run after a kill (${where}): ${repair.err}`).toBe(0);
        expect(snapshot(dir), `after a kill (${where})`).toEqual(refs[target].files);
        expect(existsSync(join(dir, '.msa-gen', 'lock'))).toBe(false);
        const after = await cliRun(target, dir, '--check');
        expect(after.code, after.out).toBe(0);
        checked++;
        state = target;
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
    expect(checked).toBe(KILLS);
    const landed = [...phases].sort((x, y) => y[1] - x[1]).map(([p, n]) => `${n} ${p}`);
    expect([...phases.keys()].filter((p) => p.startsWith('other'))).toEqual([]);
    // Most kills must land inside the write (journal on disk), or the test proves little.
    const inWrite = ['creating temporary files', 'renaming and deleting', 'writing the manifest', 'removing the journal'].reduce((n, p) => n + (phases.get(p) ?? 0), 0);
    expect(inWrite, landed.join(', ')).toBeGreaterThanOrEqual(KILLS / 3);
    console.log(`${KILLS} SIGKILLs in ${((performance.now() - started) / 1000).toFixed(1)} s (run: ${timing.a.elapsed} ms, writes from the journal on: ${(timing.a.elapsed - (timing.a.journalAt ?? 0)).toFixed(0)} ms): ${landed.join(', ')}`);
  });
});
