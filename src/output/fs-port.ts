/**
 * What the output stage needs from a file system and from its process, passed in (src/cli has
 * the real ones) so the stage stays testable and never touches `fs` or `process` itself. File
 * system paths are relative to the output folder, with forward slashes; '' is the folder itself.
 * Failures keep Node's `code` (`EEXIST`, `ENOENT`, …): see `errorCode`.
 */
import type { FileStamp } from './stat-record.js';

export type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

export interface OutputFs {
  /** Kind of the entry at `path`, without following a symlink; undefined when absent. */
  kind(path: string): Promise<EntryKind | undefined>;
  /** UTF-8 content of a regular file (never through a symlink at `path`). */
  read(path: string): Promise<string>;
  /** Names in a folder (empty when it does not exist). */
  list(path: string): Promise<string[]>;
  /** Creates one folder, never its parents; false when something already exists there. */
  makeDir(path: string): Promise<boolean>;
  /** Removes an empty folder; false when it is absent or not empty. */
  removeDir(path: string): Promise<boolean>;
  /**
   * Creates a new regular file and writes it: O_CREAT | O_EXCL | O_NOFOLLOW, so it fails
   * (EEXIST) on anything already there, a symlink included. `durable`: fsync before closing.
   */
  createFile(path: string, content: string, options?: { durable?: boolean }): Promise<void>;
  /** A second name for a file; fails with EEXIST when `path` exists (atomic test-and-create). */
  link(existing: string, path: string): Promise<void>;
  /** rename(2): replaces the entry at `to` itself (a symlink there is replaced, never followed). */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a symlink (unlink: never follows it). */
  remove(path: string): Promise<void>;
  /** Flushes a folder's entries to disk (after renames that must survive a crash); best effort. */
  syncDir(path: string): Promise<void>;
  /**
   * Optional, for the stat record (stat-record.ts): `kind`, plus the stamp of a regular file
   * (lstat: never follows a symlink). A file system without it is always read in full.
   */
  stamp?(path: string): Promise<{ readonly kind: EntryKind; readonly stamp?: FileStamp } | undefined>;
  /** Optional: `read`, plus the stamp of the very file read (fstat of the same descriptor). */
  readStamped?(path: string): Promise<{ readonly content: string; readonly stamp: FileStamp }>;
}

/** The process the stage runs in: who holds a lock, and whether its holder still runs. */
export interface HostInfo {
  readonly pid: number;
  readonly hostname: string;
  /** Whether a process with this id runs on this host (a zombie or another user's counts). */
  isAlive(pid: number): boolean;
  now(): Date;
}

/** Node's error code of a failure (`EEXIST`, `ENOENT`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
