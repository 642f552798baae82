/** The journal (recovery after a kill) and the lock (one run at a time), on real temporary folders. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeOutputFs } from '../../src/cli/node-fs.js';
import type { HostInfo } from '../../src/output/fs-port.js';
import { parseJournal, recoverManifest, serializeJournal, type JournalOp } from '../../src/output/journal.js';
import { LOCK_PATH, LockedError, acquireLock, inspectLock } from '../../src/output/lock.js';
import { ManifestError, sha256, type Manifest, type ManifestEntry } from '../../src/output/manifest.js';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'msa-gen-journal-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entry = (path: string, content: string): ManifestEntry => ({ path, ownership: 'generated', sha256: sha256(content) });
const P = 'services/app/src/generated/a.ts';
const op = (previous: string | null, next: string | null): JournalOp => ({
  path: P,
  temp: next === null ? null : 'services/app/src/generated/.a.ts.msa-gen-tmp',
  previousSha256: previous === null ? null : sha256(previous),
  newSha256: next === null ? null : sha256(next),
  previousEntry: previous === null ? null : entry(P, previous),
  newEntry: next === null ? null : entry(P, next),
});

describe('journal', () => {
  it('round-trips', () => {
    const journal = { version: 1 as const, ops: [op('old', 'new')] };
    expect(parseJournal(serializeJournal(journal))).toEqual(journal);
  });

  it.each([
    ['a temporary file that is not the one derived from its path', { ...op('old', 'new'), temp: 'NOTES.md' }, /"temp" must be "services\/app\/src\/generated\/\.a\.ts\.msa-gen-tmp"/],
    ['a deletion with a temporary file', { ...op('old', null), temp: 'services/app/src/generated/.a.ts.msa-gen-tmp' }, /"temp" must be null/],
    ['a path outside what msa-gen owns', { ...op('old', 'new'), path: '.git/config', temp: '.git/.config.msa-gen-tmp', previousEntry: entry('.git/config', 'old'), newEntry: entry('.git/config', 'new') }, /not a path msa-gen ever writes/],
    ['entries about another path', { ...op('old', 'new'), newEntry: entry('services/app/src/generated/b.ts', 'new') }, /its entries are about/],
    ['no entry at all', { ...op('old', 'new'), previousEntry: null, newEntry: null }, /names no path msa-gen owns/],
    ['a bad hash', { ...op('old', 'new'), newSha256: 'zz' }, /64 lowercase hexadecimal/],
    ['a missing field', (({ temp: _, ...rest }) => rest)(op('old', 'new')), /exactly the fields/],
  ])('refuses %s', (_, bad, message) => {
    expect(() => parseJournal(JSON.stringify({ version: 1, ops: [bad] }))).toThrow(ManifestError);
    expect(() => parseJournal(JSON.stringify({ version: 1, ops: [bad] }))).toThrow(message);
  });

  describe('recoverManifest', () => {
    const old: Manifest = { version: 1, files: [entry(P, 'old')] };
    const journal = { version: 1 as const, ops: [op('old', 'new')] };
    it('takes the new entry when the rename happened', () => {
      expect(recoverManifest(old, journal, new Map([[P, 'new']])).files).toEqual([entry(P, 'new')]);
    });
    it('keeps the old entry when it did not', () => {
      expect(recoverManifest(old, journal, new Map([[P, 'old']])).files).toEqual([entry(P, 'old')]);
    });
    it('keeps an entry that makes a later hand edit a conflict', () => {
      expect(recoverManifest(old, journal, new Map([[P, 'edited']])).files).toEqual([entry(P, 'new')]);
    });
    it('drops the entry of a file created, then never renamed into place', () => {
      expect(recoverManifest({ version: 1, files: [] }, { version: 1, ops: [op(null, 'new')] }, new Map()).files).toEqual([]);
    });
    it('drops the entry of a deleted file, and keeps it while the file is still there', () => {
      const del = { version: 1 as const, ops: [op('old', null)] };
      expect(recoverManifest(old, del, new Map()).files).toEqual([]);
      expect(recoverManifest(old, del, new Map([[P, 'old']])).files).toEqual([entry(P, 'old')]);
    });
  });
});

describe('lock', () => {
  const host = (pid: number, alive: (pid: number) => boolean = () => true, hostname = 'here'): HostInfo => ({
    pid,
    hostname,
    isAlive: alive,
    now: () => new Date('2024-01-02T03:04:05Z'),
  });
  const folder = () => {
    const out = temp();
    mkdirSync(join(out, '.msa-gen'));
    return out;
  };

  it('is taken with pid, host and start time, refused to a second run naming the pid, and released', async () => {
    const out = folder();
    const fs = nodeOutputFs(out);
    const lock = await acquireLock(fs, host(100));
    expect(JSON.parse(readFileSync(join(out, LOCK_PATH), 'utf8'))).toEqual({ pid: 100, hostname: 'here', started: '2024-01-02T03:04:05.000Z' });
    await expect(acquireLock(fs, host(200))).rejects.toThrow(LockedError);
    await expect(acquireLock(fs, host(200))).rejects.toThrow('held by pid 100 since 2024-01-02T03:04:05.000Z');
    expect(await lock.stillOurs()).toBe(true);
    await lock.release();
    expect(existsSync(join(out, LOCK_PATH))).toBe(false);
    expect(readdirSync(join(out, '.msa-gen'))).toEqual([]);
  });

  it('takes over a stale lock (same host, process gone) and says whose it was', async () => {
    const out = folder();
    const fs = nodeOutputFs(out);
    await acquireLock(fs, host(100));
    const lock = await acquireLock(fs, host(200, (pid) => pid !== 100));
    expect(lock.tookOver?.pid).toBe(100);
    expect(JSON.parse(readFileSync(join(out, LOCK_PATH), 'utf8')).pid).toBe(200);
    expect(readdirSync(join(out, '.msa-gen'))).toEqual(['lock']);
  });

  it('takes over a lock left by a process with its own pid (containers reuse pids)', async () => {
    const out = folder();
    const fs = nodeOutputFs(out);
    await acquireLock(fs, host(1));
    expect((await acquireLock(fs, host(1))).tookOver?.pid).toBe(1);
  });

  it('never judges a lock of another host, nor one it cannot read', async () => {
    const out = folder();
    const fs = nodeOutputFs(out);
    await acquireLock(fs, host(100, () => false, 'elsewhere'));
    await expect(acquireLock(fs, host(200, () => false))).rejects.toThrow('held by pid 100 on host elsewhere');
    writeFileSync(join(out, LOCK_PATH), 'garbage');
    await expect(acquireLock(fs, host(200, () => false))).rejects.toThrow('is not a lock msa-gen wrote');
    expect(await inspectLock(fs, host(200, () => false))).toMatchObject({ kind: 'held' });
  });

  it('removes temporary files of lock attempts whose process is gone, and no one else\'s', async () => {
    const out = folder();
    writeFileSync(join(out, '.msa-gen', '.lock.100.msa-gen-tmp'), 'x');
    writeFileSync(join(out, '.msa-gen', '.lock.300.msa-gen-tmp'), 'x');
    writeFileSync(join(out, '.msa-gen', 'notes.txt'), 'mine');
    const lock = await acquireLock(nodeOutputFs(out), host(200, (pid) => pid === 300));
    expect(readdirSync(join(out, '.msa-gen')).sort()).toEqual(['.lock.300.msa-gen-tmp', 'lock', 'notes.txt']);
    await lock.release();
  });

  it('knows when another run took its lock over, and then does not remove that run\'s lock', async () => {
    const out = folder();
    const fs = nodeOutputFs(out);
    const first = await acquireLock(fs, host(100));
    const second = await acquireLock(fs, host(200, () => false));
    expect(await first.stillOurs()).toBe(false);
    await first.release();
    expect(JSON.parse(readFileSync(join(out, LOCK_PATH), 'utf8')).pid).toBe(200);
    await second.release();
  });
});
