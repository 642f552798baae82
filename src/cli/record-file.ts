/**
 * The file of one output folder's record in the per-user cache folder (cache-folder.ts): the
 * stat record (stat-record-store.ts) and the service record (service-record-store.ts) each keep
 * one per output folder, in a subfolder of their own, named by the hash of the folder's real path.
 *
 * Not in the output folder, whose committed state must be the same on every machine; this
 * user's alone (a folder and files no one else may write, refused otherwise), so no other user
 * can plant a record. The text names the folder it is about (real path, device and inode), so
 * a record of a folder since deleted and made again is ignored by its parser. Written whole (a
 * new file renamed into place); records not written for 30 days are removed, and the oldest
 * beyond 200, with temporary files a killed run left. Every failure is silent: a record is a
 * cache, and without one a run does all the work.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirectory, isLeftoverTemp, ownedByUs, usableFolder, writeWhole } from './cache-folder.js';

type Env = Readonly<Record<string, string | undefined>>;

const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const MAX_RECORDS = 200;

export interface StoredRecord {
  /** The folder's identity as a record names it: real path, device and inode. */
  readonly id: string;
  readonly text: string;
  /** The record file's mtime in ns: when it was written, by the kernel's clock. */
  readonly writtenNs: bigint;
}

export interface RecordFile {
  /** The stored record of the folder, or undefined (none, unreadable, not ours). */
  read(): StoredRecord | undefined;
  /** Stores the text `textFor(id)` gives for the folder's identity; silent when it cannot. */
  write(textFor: (id: string) => string): void;
}

/** The folder's identity as its record names it: real path, device and inode. */
function identity(folder: string): { real: string; id: string } {
  const real = realpathSync(folder);
  const s = statSync(real, { bigint: true });
  return { real, id: `${real} ${s.dev}:${s.ino}` };
}

/** The record file of the output folder `folder` (absolute) under `<cache>/<subfolder>/`, or undefined when caching is off. */
export function recordFile(folder: string, env: Env, subfolder: string, suffix: string): RecordFile | undefined {
  const root = cacheDirectory(env);
  if (root === undefined) return undefined;
  const dir = join(root, subfolder);
  const fileOf = (real: string) => join(dir, `${createHash('sha256').update(real).digest('hex').slice(0, 32)}${suffix}`);
  return {
    read() {
      try {
        const { real, id } = identity(folder);
        const d = lstatSync(dir);
        if (!d.isDirectory() || !ownedByUs(d)) return undefined;
        const fd = openSync(fileOf(real), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
        try {
          const s = fstatSync(fd, { bigint: true });
          if (!s.isFile() || !ownedByUs(s)) return undefined;
          return { id, text: readFileSync(fd, 'utf8'), writtenNs: s.mtimeNs };
        } finally {
          closeSync(fd);
        }
      } catch {
        return undefined;
      }
    },
    write(textFor) {
      try {
        const { real, id } = identity(folder);
        if (!usableFolder(dir)) return;
        const file = fileOf(real);
        if (writeWhole(dir, file, textFor(id))) prune(dir, file, suffix);
      } catch {
        // Not saved: the next run does all the work.
      }
    },
  };
}

/** Removes records not written for 30 days, and the oldest beyond 200 (and temporary files left by a killed run). */
function prune(dir: string, keep: string, suffix: string): void {
  const now = Date.now();
  const found: { path: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep) continue;
    if (isLeftoverTemp(dir, name, now)) rmSync(path, { force: true });
    if (!name.endsWith(suffix)) continue;
    const mtime = lstatSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) continue;
    if (now - mtime > MAX_AGE_MS) rmSync(path, { force: true });
    else found.push({ path, mtime });
  }
  found.sort((a, b) => b.mtime - a.mtime);
  for (const { path } of found.slice(MAX_RECORDS - 1)) rmSync(path, { force: true });
}
