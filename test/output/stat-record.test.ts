/**
 * The stat record on the real file system: a plain run trusts a file whose lstat matches its
 * entry and does not read it; a changed size or mtime, a racily clean entry, a damaged or
 * foreign record, and an edit whose size and mtime were put back (only the ctime tells) are
 * read. --check never trusts the record.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost, nodeOutputFs } from '../../src/cli/node-fs.js';
import { nodeRecordStore } from '../../src/cli/stat-record-store.js';
import { version } from '../../src/cli/version.js';
import { runOutputStage, type OutputMode } from '../../src/core/stage.js';
import { generate } from '../../src/generators/index.js';
import { DiskChangedError, DiskFile } from '../../src/output/disk-file.js';
import type { OutputFs } from '../../src/output/fs-port.js';
import { createMerger } from '../../src/output/merge.js';
import { parseRecord, serializeRecord, trustedHash, type FileStamp, type StatRecord } from '../../src/output/stat-record.js';
import type { GeneratedFile } from '../../src/tree/index.js';
import { MINIMAL, modelOf, request } from '../generators/scaffold-support.js';

let work: string;
let files: GeneratedFile[];
let generated: string;
let userOwned: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'msa-gen-stat-record-'));
  files = generate(request(modelOf(MINIMAL), version()));
  generated = files.find((f) => f.ownership === 'generated' && f.path.endsWith('.ts'))!.path;
  userOwned = files.find((f) => f.ownership === 'user-owned' && f.merge)!.path;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real file system, counting the paths whose content is read. */
function counting(root: string): { fs: OutputFs; reads: Set<string> } {
  const inner = nodeOutputFs(root);
  const reads = new Set<string>();
  const fs: OutputFs = {
    ...inner,
    read: async (path) => {
      reads.add(path);
      return inner.read(path);
    },
    readStamped: async (path) => {
      reads.add(path);
      return inner.readStamped!(path);
    },
  };
  return { fs, reads };
}

/** A folder's identity as its record names it. */
const identity = (dir: string) => {
  const s = lstatSync(realpathSync(dir), { bigint: true });
  return `${realpathSync(dir)} ${s.dev}:${s.ino}`;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let folders = 0;
/** A fresh output folder, its own cache folder, and a way to run the stage on it. */
function folder() {
  const dir = join(work, `out-${++folders}`);
  const cache = join(work, `cache-${folders}`);
  mkdirSync(dir);
  const store = nodeRecordStore(dir, { MSA_GEN_CACHE_DIR: cache })!;
  /** The stage without a record, as --check and every caller without one run it. */
  const stage = async (mode: OutputMode = 'write') => {
    const { fs, reads } = counting(dir);
    const outcome = await runOutputStage({ fs, host: nodeHost(), files, mode, force: false, folderExisted: true, merger: async () => createMerger() });
    return { outcome, reads: [...reads].filter((p) => !p.startsWith('.msa-gen/')) };
  };
  const stageWith = async (mode: OutputMode = 'write') => {
    const { fs, reads } = counting(dir);
    const outcome = await runOutputStage({ fs, host: nodeHost(), files, mode, force: false, folderExisted: true, merger: async () => createMerger(), record: store });
    if (outcome.status !== 'planned') throw new Error(`${outcome.status}: ${'message' in outcome ? outcome.message : ''}`);
    return { outcome, reads: [...reads].filter((p) => !p.startsWith('.msa-gen/')) };
  };
  const recordFile = () => join(cache, 'output-stat', `${createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)}.record`);
  return { dir, cache, store, stage, stageWith, recordFile };
}

/** A folder written with the record, then a second run after the clock moved on: every entry trusted from then on. */
async function settled() {
  const f = folder();
  await f.stageWith();
  await sleep(30);
  // Files written in the record's own clock tick were racily clean: this run reads them and records them again.
  await f.stageWith();
  await sleep(30);
  return f;
}

const actionOf = (outcome: Awaited<ReturnType<ReturnType<typeof folder>['stageWith']>>['outcome'], path: string) =>
  outcome.status === 'planned' ? outcome.plan.actions.find((a) => a.path === path)?.kind : undefined;

describe('the stat record', () => {
  it('a file whose stat matches its entry is not read; the plan is the same as after a full read', async () => {
    const f = await settled();
    const { outcome, reads } = await f.stageWith();
    expect(reads).toEqual([]);
    const full = await f.stage('check');
    expect(full.reads.length).toBe(files.length);
    expect(outcome.status === 'planned' && outcome.plan.actions.map((a) => [a.path, a.kind])).toEqual(
      full.outcome.status === 'planned' && full.outcome.plan.actions.map((a) => [a.path, a.kind]),
    );
    expect(outcome.status === 'planned' && outcome.written).toBe(true);
  });

  it('a changed size is read again: a hand edit is a conflict', async () => {
    const f = await settled();
    appendFileSync(join(f.dir, generated), '// edited\n');
    const { outcome, reads } = await f.stageWith();
    expect(reads).toEqual([generated]);
    expect(actionOf(outcome, generated)).toBe('conflict');
    expect(outcome.status === 'planned' && outcome.blocked.map((b) => b.path)).toEqual([generated]);
  });

  it('a changed mtime (same content) is read again, and recorded anew', async () => {
    const f = await settled();
    utimesSync(join(f.dir, generated), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const first = await f.stageWith();
    expect(first.reads).toEqual([generated]);
    expect(actionOf(first.outcome, generated)).toBe('unchanged');
    await sleep(30);
    expect((await f.stageWith()).reads).toEqual([]);
  });

  it('racily clean: an entry whose mtime is not older than the record is read again', async () => {
    const f = await settled();
    // The record written in the same instant as the newest file (its mtime set back to that file's).
    const newest = files.map((file) => lstatSync(join(f.dir, file.path), { bigint: true })).reduce((a, b) => (a.ctimeNs > b.ctimeNs ? a : b));
    const seconds = Number(newest.ctimeNs / 1_000_000_000n);
    utimesSync(f.recordFile(), seconds, seconds);
    const { reads } = await f.stageWith();
    // Every file whose mtime or ctime is at or after the record's second is read; none before.
    const racy = files.filter((file) => {
      const s = lstatSync(join(f.dir, file.path), { bigint: true });
      return s.mtimeNs >= BigInt(seconds) * 1_000_000_000n || s.ctimeNs >= BigInt(seconds) * 1_000_000_000n;
    });
    expect(racy.length).toBeGreaterThan(0);
    expect(reads.sort()).toEqual(racy.map((file) => file.path).sort());
  });

  it('a damaged, truncated, foreign or other user\'s record is ignored: the whole folder is read', async () => {
    const f = await settled();
    const text = readFileSync(f.recordFile(), 'utf8');
    const at = text.lastIndexOf(generated);
    const damaged = `${text.slice(0, at - 3)}${text[at - 3] === '1' ? '2' : '1'}${text.slice(at - 2)}`;
    expect(damaged.length).toBe(text.length);
    for (const bad of [damaged, text.slice(0, -40), `${text}0000 1 2 3 4 5 x\n`, 'not a record\n']) {
      writeFileSync(f.recordFile(), bad);
      utimesSync(f.recordFile(), new Date(Date.now() + 3600_000), new Date(Date.now() + 3600_000));
      expect((await f.stageWith('dry-run')).reads.length).toBe(files.length);
    }
    // A record of another folder, copied under this folder's name.
    const other = await settled();
    copyFileSync(other.recordFile(), f.recordFile());
    expect((await f.stageWith('dry-run')).reads.length).toBe(files.length);
    // The folder copied elsewhere (cp -a: same sizes and mtimes, other inodes and ctimes), given this one's entries as its own.
    const g = await settled();
    const entries = parseRecord(readFileSync(g.recordFile(), 'utf8'), identity(g.dir), 0n)!.entries;
    expect(entries.size).toBe(files.length);
    const copy = folder();
    rmSync(copy.dir, { recursive: true });
    execFileSync('cp', ['-a', g.dir, copy.dir]);
    await copy.store.save(entries);
    await sleep(30);
    expect(parseRecord(readFileSync(copy.recordFile(), 'utf8'), identity(copy.dir), 0n)?.entries.size).toBe(files.length);
    expect((await copy.stageWith('dry-run')).reads.length).toBe(files.length);
  });

  it('an edit of the same size whose mtime was put back (touch -r) is found through the ctime', async () => {
    const f = await settled();
    const path = join(f.dir, generated);
    const reference = join(work, `reference-${folders}`);
    execFileSync('cp', ['-p', path, reference]);
    const before = lstatSync(path, { bigint: true });
    const content = readFileSync(path, 'utf8');
    const edited = content.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x'));
    expect(edited).not.toBe(content);
    expect(edited.length).toBe(content.length);
    writeFileSync(path, edited);
    execFileSync('touch', ['-m', '-r', reference, path]);
    const after = lstatSync(path, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    const { outcome, reads } = await f.stageWith();
    expect(reads).toEqual([generated]);
    expect(actionOf(outcome, generated)).toBe('conflict');
  });

  it('a user-owned file edited by hand is read, kept, and its merge still happens from what is on disk', async () => {
    const f = await settled();
    const path = join(f.dir, userOwned);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n// my note\n`);
    const { outcome, reads } = await f.stageWith();
    expect(reads).toEqual([userOwned]);
    expect(actionOf(outcome, userOwned)).toBe('keep');
    expect(readFileSync(path, 'utf8')).toContain('// my note');
  });

  it('--check never trusts the record: a record that vouches wrongly fools a plain run, never --check', async () => {
    const f = await settled();
    // An edit the stat cannot show: the content changed, the record rewritten to vouch for the old hash with the new stat.
    const path = join(f.dir, generated);
    writeFileSync(path, `${readFileSync(path, 'utf8')}// edited\n`);
    const s = lstatSync(path, { bigint: true });
    const record = parseRecord(readFileSync(f.recordFile(), 'utf8'), identity(f.dir), 0n)!;
    expect(record).toBeDefined();
    const entries = new Map(record.entries);
    entries.set(generated, { sha256: record.entries.get(generated)!.sha256, stamp: { size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, ino: s.ino, dev: s.dev } });
    await sleep(30);
    await f.store.save(entries);
    expect(actionOf((await f.stageWith('dry-run')).outcome, generated)).toBe('unchanged');
    const check = await f.stage('check');
    expect(check.reads).toContain(generated);
    expect(check.outcome.status === 'planned' && check.outcome.plan.actions.find((a) => a.path === generated)?.kind).toBe('conflict');
  });

  it('the store writes nothing when caching is off, and a record file it cannot read is no record', async () => {
    expect(nodeRecordStore(join(work, 'x'), { MSA_GEN_NO_CACHE: '1' })).toBeUndefined();
    const f = folder();
    await f.stageWith();
    expect(readdirSync(join(f.cache, 'output-stat'))).toHaveLength(1);
    rmSync(f.recordFile());
    expect(await f.store.load()).toBeUndefined();
  });
});

describe('stat-record.ts', () => {
  const stamp: FileStamp = { size: 10n, mtimeNs: 1_000n, ctimeNs: 2_000n, ino: 7n, dev: 9n };
  const record = (writtenNs: bigint): StatRecord => ({ writtenNs, entries: new Map([['a/b.ts', { stamp, sha256: 'f'.repeat(64) }]]) });

  it('trusts only all five values together, and only an entry older than the record', () => {
    expect(trustedHash(record(3_000n), 'a/b.ts', stamp)).toBe('f'.repeat(64));
    for (const change of [{ size: 11n }, { mtimeNs: 1_001n }, { ctimeNs: 2_001n }, { ino: 8n }, { dev: 10n }]) {
      expect(trustedHash(record(3_000n), 'a/b.ts', { ...stamp, ...change })).toBeUndefined();
    }
    expect(trustedHash(record(2_000n), 'a/b.ts', stamp)).toBeUndefined(); // ctime not older
    expect(trustedHash(record(1_000n), 'a/b.ts', stamp)).toBeUndefined(); // mtime not older
    expect(trustedHash(record(3_000n), 'a/c.ts', stamp)).toBeUndefined();
    expect(trustedHash(undefined, 'a/b.ts', stamp)).toBeUndefined();
  });

  it('round-trips, and refuses another folder, another version, a changed line', () => {
    const text = serializeRecord('/x 1:2', record(0n).entries);
    expect(parseRecord(text, '/x 1:2', 5n)).toEqual(record(5n));
    expect(parseRecord(text, '/y 1:2', 5n)).toBeUndefined();
    expect(parseRecord(text.replace('record 1', 'record 2'), '/x 1:2', 5n)).toBeUndefined();
    expect(parseRecord(text.replace(' 10 ', ' 11 '), '/x 1:2', 5n)).toBeUndefined();
  });

  it('a file vouched for that no longer hashes as vouched stops the plan (DiskChangedError)', async () => {
    const file = DiskFile.trusted('a.ts', createHash('sha256').update('old').digest('hex'), async () => 'new');
    expect(file.holds('old', () => createHash('sha256').update('old').digest('hex'))).toBe(true);
    await expect(file.text()).rejects.toThrow(DiskChangedError);
  });
});
