/** The core's ports on the real machine: the output folder, its file system, the process. */
import {
  closeSync,
  constants,
  open,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, realpath, rmdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, normalize, parse, resolve, sep } from 'node:path';
import type { OutputFolder } from '../core/scaffold.js';
import { errorCode, type EntryKind, type HostInfo, type OutputFs } from '../output/fs-port.js';
import type { FileStamp } from '../output/stat-record.js';
import { UsageError } from './io.js';
import { nodeRecordStore } from './stat-record-store.js';

/** 0 where the platform has no O_NOFOLLOW (Windows): the lstat checks around it remain. */
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Runs `work` on a file descriptor and closes it, whatever happens. */
function withFd<T>(fd: number, work: (fd: number) => T): T {
  try {
    return work(fd);
  } finally {
    closeSync(fd);
  }
}

type BigStats = { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint; dev: bigint };
const stampOf = (s: BigStats): FileStamp => ({ size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, ino: s.ino, dev: s.dev });
const kindOf = (s: { isSymbolicLink(): boolean; isDirectory(): boolean; isFile(): boolean }): EntryKind =>
  s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';

/**
 * The output folder's file system. Most calls are synchronous behind the asynchronous port: a
 * scaffold makes tens of thousands of small calls (lstat, read, rename) that the kernel answers
 * from its caches in microseconds, where a trip through libuv's thread pool and a promise per
 * call costs several times that. Absent entries are answered without throwing (an exception per
 * missing path is the dearest part of a failed lstat). Creating a file or a folder (the open or
 * the mkdir, which allocate an inode) stays on the thread pool: that can cost the kernel far more
 * (ext4 without a journal skips recently deleted inodes one by one), and the pool spreads it over
 * the cores. Writing a small new file into the page cache and closing it are quick: done right
 * after the open, without a FileHandle (an object with a finalizer per file) or two more trips.
 */
export function nodeOutputFs(root: string): OutputFs {
  // A path of the stage is relative, forward slashes, no '.', '..' or empty segment (checkOutputPath):
  // on POSIX it is appended to the folder as it is, which is what join() gives for it. Anything
  // else still goes through join().
  const base = normalize(root);
  const prefix = base.endsWith(sep) ? base : base + sep;
  const plain = (path: string) => sep === '/' && !path.startsWith('/') && !path.includes('//') && !/(^|\/)\.\.?(\/|$)/.test(path);
  const abs = (path: string) => (path === '' ? root : plain(path) ? prefix + path : join(root, ...path.split('/')));
  return {
    async kind(path): Promise<EntryKind | undefined> {
      try {
        const s = lstatSync(abs(path), { throwIfNoEntry: false });
        return s === undefined ? undefined : kindOf(s);
      } catch (error) {
        if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
        throw error;
      }
    },
    async stamp(path) {
      try {
        const s = lstatSync(abs(path), { bigint: true, throwIfNoEntry: false });
        if (s === undefined) return undefined;
        const kind = kindOf(s);
        return kind === 'file' ? { kind, stamp: stampOf(s) } : { kind };
      } catch (error) {
        if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
        throw error;
      }
    },
    async readStamped(path) {
      return withFd(openSync(abs(path), constants.O_RDONLY | O_NOFOLLOW), (fd) => {
        const stamp = stampOf(fstatSync(fd, { bigint: true }));
        return { content: readFileSync(fd, 'utf8'), stamp };
      });
    },
    async read(path) {
      return withFd(openSync(abs(path), constants.O_RDONLY | O_NOFOLLOW), (fd) => readFileSync(fd, 'utf8'));
    },
    async list(path) {
      try {
        return readdirSync(abs(path));
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
        rmdirSync(abs(path));
        return true;
      } catch (error) {
        if (['ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(errorCode(error) ?? '')) return false;
        throw error;
      }
    },
    async createFile(path, content, options) {
      // The open (the inode allocated) on the thread pool; the write into the page cache and the close right here.
      const fd = await new Promise<number>((resolve, reject) => {
        open(abs(path), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o666, (error, fd) => (error ? reject(error) : resolve(fd)));
      });
      withFd(fd, (fd) => {
        writeFileSync(fd, content, 'utf8');
        if (options?.durable) fsyncSync(fd);
      });
    },
    async link(existing, path) {
      linkSync(abs(existing), abs(path));
    },
    async rename(from, to) {
      renameSync(abs(from), abs(to));
    },
    async remove(path) {
      unlinkSync(abs(path));
    },
    async syncDir(path) {
      try {
        withFd(openSync(abs(path), constants.O_RDONLY), (fd) => fsyncSync(fd));
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
 * that leads to the root of the file system through a symbolic link, is a usage error. With
 * `env`, the folder's stat record is kept in the per-user cache (stat-record-store.ts).
 */
export function nodeOutputFolder(path: string, shown: string, env?: Readonly<Record<string, string | undefined>>): OutputFolder {
  const record = env ? nodeRecordStore(path, env) : undefined;
  return {
    fs: nodeOutputFs(path),
    host: nodeHost(),
    ...(record ? { record } : {}),
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
