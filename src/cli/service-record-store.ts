/**
 * Where the service record of an output folder lives (src/output/service-record.ts says what it
 * is): one file per output folder in the per-user cache folder (cache-folder.ts), under
 * `output-services/`, named by the hash of the folder's real path, beside the stat records
 * (stat-record-store.ts) and for the same reasons: not in the output folder, whose committed
 * state must be the same on every machine; this user's alone (a folder and files no one else may
 * write), so no other user can plant a record.
 *
 * The record names the folder it is about (real path, device and inode): a record of a folder
 * since deleted and made again is ignored, and a fresh folder has none, so its first scaffold
 * generates everything. Records not written for 30 days are removed, and the oldest beyond 200.
 * Every failure is silent: without a record a run generates every service.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseServiceRecord, serializeServiceRecord, type ServiceRecordStore } from '../output/service-record.js';
import { cacheDirectory, isLeftoverTemp, ownedByUs, usableFolder, writeWhole } from './cache-folder.js';

type Env = Readonly<Record<string, string | undefined>>;

const SUFFIX = '.services';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const MAX_RECORDS = 200;

/** The folder's identity as its record names it: real path, device and inode. */
function identity(folder: string): { real: string; id: string } {
  const real = realpathSync(folder);
  const s = statSync(real, { bigint: true });
  return { real, id: `${real} ${s.dev}:${s.ino}` };
}

/** The service record store of the output folder `folder` (absolute), or undefined when caching is off. */
export function nodeServiceRecordStore(folder: string, env: Env): ServiceRecordStore | undefined {
  const root = cacheDirectory(env);
  if (root === undefined) return undefined;
  const dir = join(root, 'output-services');
  const fileOf = (real: string) => join(dir, `${createHash('sha256').update(real).digest('hex').slice(0, 32)}${SUFFIX}`);
  return {
    async load() {
      try {
        const { real, id } = identity(folder);
        const d = lstatSync(dir);
        if (!d.isDirectory() || !ownedByUs(d)) return undefined;
        const fd = openSync(fileOf(real), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
        try {
          const s = fstatSync(fd);
          if (!s.isFile() || !ownedByUs(s)) return undefined;
          return parseServiceRecord(readFileSync(fd, 'utf8'), id);
        } finally {
          closeSync(fd);
        }
      } catch {
        return undefined;
      }
    },
    async save(record) {
      try {
        const { real, id } = identity(folder);
        if (!usableFolder(dir)) return;
        const file = fileOf(real);
        if (writeWhole(dir, file, serializeServiceRecord(id, record))) prune(dir, file);
      } catch {
        // Not saved: the next run generates every service.
      }
    },
  };
}

/** Removes records not written for 30 days, and the oldest beyond 200 (and temporary files left by a killed run). */
function prune(dir: string, keep: string): void {
  const now = Date.now();
  const found: { path: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep) continue;
    if (isLeftoverTemp(dir, name, now)) rmSync(path, { force: true });
    if (!name.endsWith(SUFFIX)) continue;
    const mtime = lstatSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) continue;
    if (now - mtime > MAX_AGE_MS) rmSync(path, { force: true });
    else found.push({ path, mtime });
  }
  found.sort((a, b) => b.mtime - a.mtime);
  for (const { path } of found.slice(MAX_RECORDS - 1)) rmSync(path, { force: true });
}
