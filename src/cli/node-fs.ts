/** The core's ports on the real machine: the output folder, its file system, the process. */
import { constants, lstatSync } from 'node:fs';
import { link, mkdir, open, readdir, realpath, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import type { OutputFolder } from '../core/scaffold.js';
import { errorCode, type EntryKind, type HostInfo, type OutputFs } from '../output/fs-port.js';
import { UsageError } from './io.js';

/** 0 where the platform has no O_NOFOLLOW (Windows): the lstat checks around it remain. */
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export function nodeOutputFs(root: string): OutputFs {
  const abs = (path: string) => (path === '' ? root : join(root, ...path.split('/')));
  return {
    // lstat synchronously: the write-time checks make thousands of these, each a cached lookup of
    // a microsecond or two, and a trip through libuv's thread pool costs far more than that.
    async kind(path): Promise<EntryKind | undefined> {
      try {
        const s = lstatSync(abs(path));
        return s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
      } catch (error) {
        if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
        throw error;
      }
    },
    async read(path) {
      const handle = await open(abs(path), constants.O_RDONLY | O_NOFOLLOW);
      try {
        return await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    },
    async list(path) {
      try {
        return await readdir(abs(path));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return [];
        throw error;
      }
    },
    async makeDir(path) {
      try {
        await mkdir(abs(path));
        return true;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return false;
        throw error;
      }
    },
    async removeDir(path) {
      try {
        await rmdir(abs(path));
        return true;
      } catch (error) {
        if (['ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(errorCode(error) ?? '')) return false;
        throw error;
      }
    },
    async createFile(path, content, options) {
      const handle = await open(abs(path), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o666);
      try {
        await handle.writeFile(content, 'utf8');
        if (options?.durable) await handle.sync();
      } finally {
        await handle.close();
      }
    },
    link: (existing, path) => link(abs(existing), abs(path)),
    rename: (from, to) => rename(abs(from), abs(to)),
    remove: (path) => unlink(abs(path)),
    async syncDir(path) {
      try {
        const handle = await open(abs(path), constants.O_RDONLY);
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch {
        // Not every platform can open or fsync a folder (Windows); the rename itself is atomic.
      }
    },
  };
}

export function nodeHost(): HostInfo {
  return {
    pid: process.pid,
    hostname: hostname(),
    isAlive(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return errorCode(error) !== 'ESRCH';
      }
    },
    now: () => new Date(),
  };
}

/**
 * Makes sure the output folder exists before a run that writes (its parents too: `-o` is the
 * user's path, symlinks in it included). Returns an undo that removes the folders it created,
 * if they are still empty, for a run that ends without writing.
 */
export async function prepareOutputFolder(path: string): Promise<() => Promise<void>> {
  const target = resolve(path);
  const first = await mkdir(target, { recursive: true });
  if (first === undefined) return async () => {};
  return async () => {
    for (let dir = target; dir.length >= first.length; dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        return;
      }
      if (dir === first) return;
    }
  };
}

/** Whether an absolute path is the root of its file system. */
export const isRoot = (abs: string): boolean => parse(abs).root === abs;

/**
 * The output folder at `path` (absolute), `shown` as the user wrote it: a file there, or a path
 * that leads to the root of the file system through a symbolic link, is a usage error.
 */
export function nodeOutputFolder(path: string, shown: string): OutputFolder {
  return {
    fs: nodeOutputFs(path),
    host: nodeHost(),
    async exists() {
      const kind = await stat(path).then(
        (s) => (s.isDirectory() ? 'dir' : 'other'),
        () => undefined,
      );
      if (kind === 'other') throw new UsageError(`${shown} exists and is not a folder`);
      if (kind === 'dir' && isRoot(await realpath(path))) {
        throw new UsageError(`-o ${shown} leads to the root of the file system; scaffold into a folder of its own`);
      }
      return kind === 'dir';
    },
    make: () => prepareOutputFolder(path),
  };
}
