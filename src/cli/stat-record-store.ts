/**
 * Where the stat record of an output folder lives (src/output/stat-record.ts says what it is):
 * one file per output folder in the per-user cache folder (cache-folder.ts), under
 * `output-stat/`, named by the hash of the folder's real path. Not in the output folder:
 *
 *  - the output folder is committed (examples/gov24 is), and `.msa-gen/manifest.json` must be
 *    byte-identical across machines; inode numbers and nanosecond times are not. A file beside
 *    it would need an ignore file of its own in every output folder, and would travel with
 *    `cp -a`, rsync or a tarball to where none of its entries can match;
 *  - --check and --dry-run may run on a read-only checkout and must not write into it;
 *  - the cache folder is this user's alone (made 0700, refused when someone else owns it or may
 *    write it; so is a record file), so no other user can plant a record that vouches for a file.
 *
 * The record names the folder it is about (real path, device and inode of the folder): a record
 * of a folder since deleted and made again, or a hash collision, is ignored. Its write time,
 * which the racily-clean rule compares against, is its own mtime: the kernel's clock, as for the
 * output folder's files on any local file system. (An output folder on a network file system
 * has its server's clock; a server running behind lets more of the record be trusted, within
 * the same limits as git's index there.)
 *
 * Records are small (about 120 bytes per file) and written whole (a new file renamed into
 * place). Records not written for 30 days are removed, and the oldest beyond 200. Every failure
 * is silent: without a record a run reads the whole folder, as it did before there was one.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecord, serializeRecord, type RecordStore } from '../output/stat-record.js';
import { cacheDirectory, isLeftoverTemp, ownedByUs, usableFolder, writeWhole } from './cache-folder.js';

type Env = Readonly<Record<string, string | undefined>>;

const SUFFIX = '.record';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const MAX_RECORDS = 200;

/** The folder's identity as its record names it: real path, device and inode. */
function identity(folder: string): { real: string; id: string } {
  const real = realpathSync(folder);
  const s = statSync(real, { bigint: true });
  return { real, id: `${real} ${s.dev}:${s.ino}` };
}

/** The stat record store of the output folder `folder` (absolute), or undefined when caching is off. */
export function nodeRecordStore(folder: string, env: Env): RecordStore | undefined {
  const root = cacheDirectory(env);
  if (root === undefined) return undefined;
  const dir = join(root, 'output-stat');
  const fileOf = (real: string) => join(dir, `${createHash('sha256').update(real).digest('hex').slice(0, 32)}${SUFFIX}`);
  return {
    async load() {
      try {
        const { real, id } = identity(folder);
        const d = lstatSync(dir);
        if (!d.isDirectory() || !ownedByUs(d)) return undefined;
        const fd = openSync(fileOf(real), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
        try {
          const s = fstatSync(fd, { bigint: true });
          if (!s.isFile() || !ownedByUs(s)) return undefined;
          return parseRecord(readFileSync(fd, 'utf8'), id, s.mtimeNs);
        } finally {
          closeSync(fd);
        }
      } catch {
        return undefined;
      }
    },
    async save(entries) {
      try {
        const { real, id } = identity(folder);
        if (!usableFolder(dir)) return;
        const file = fileOf(real);
        if (writeWhole(dir, file, serializeRecord(id, entries))) prune(dir, file);
      } catch {
        // Not saved: the next run reads the whole folder.
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
