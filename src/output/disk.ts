/**
 * Reads what is on disk at the paths a plan is about, refusing anything that would let a write
 * escape the output folder: a symlink on the way to a file, or a folder where a file goes.
 */
import type { EntryKind, OutputFs } from './fs-port.js';
import { ConfinementError, checkOutputPath } from '../tree/index.js';
import { DiskFile } from './disk-file.js';
import { parentFolders } from './paths.js';
import { trustedHash, type FileStamp, type StatRecord } from './stat-record.js';

/**
 * Runs `work` over `items`, at most `limit` at a time. After a failure no new item starts; the
 * first failure is thrown once the running ones settle.
 */
export async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>, limit = 16): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length && errors.length === 0) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}

/** A path the plan reads or writes must be a regular file (a symlink or anything else there stops the run). */
function refuseUnlessFile(path: string, kind: EntryKind): void {
  if (kind === 'symlink') throw new ConfinementError(`"${path}" is a symbolic link; refusing to write through it`);
  if (kind !== 'file') throw new ConfinementError(`"${path}" is not a regular file`);
}

/**
 * Which folders on the way to `paths` exist, outermost first (a folder under a missing one is
 * not asked about). A symlink or a file on the way stops everything (ConfinementError).
 */
export async function existingFolders(fs: OutputFs, paths: Iterable<string>): Promise<ReadonlyMap<string, boolean>> {
  const unique = new Set<string>();
  for (const path of paths) for (const folder of parentFolders(path)) unique.add(folder);
  // By depth, then name: each folder's depth counted once, not in every comparison.
  const folders = [...unique]
    .map((folder) => ({ folder, depth: depthOf(folder) }))
    .sort((a, b) => a.depth - b.depth || (a.folder < b.folder ? -1 : 1))
    .map((f) => f.folder);
  const exists = new Map<string, boolean>();
  for (const folder of folders) {
    const parent = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : undefined;
    if (parent !== undefined && !exists.get(parent)) {
      exists.set(folder, false);
      continue;
    }
    const kind = await fs.kind(folder);
    if (kind === 'symlink') throw new ConfinementError(`"${folder}" is a symbolic link; refusing to write through it`);
    if (kind !== undefined && kind !== 'dir') throw new ConfinementError(`"${folder}" is not a folder`);
    exists.set(folder, kind === 'dir');
  }
  return exists;
}

/** How many `/` a path holds. */
function depthOf(path: string): number {
  let n = 0;
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) n++;
  return n;
}

/** Whether the folder holding `path` exists, by `existingFolders` (the output folder itself always does). */
export function inExistingFolder(folders: ReadonlyMap<string, boolean>, path: string): boolean {
  const slash = path.lastIndexOf('/');
  return slash < 0 || folders.get(path.slice(0, slash)) === true;
}

export async function readDisk(fs: OutputFs, paths: Iterable<string>): Promise<Map<string, string>> {
  return (await readFolder(fs, paths)).disk;
}

/** What `readFolderFiles` found: per existing path its DiskFile, the stamps of the files it read, the folders. */
export interface FolderFiles {
  readonly files: ReadonlyMap<string, DiskFile>;
  /** The stamp of every file read (fstat of the descriptor it was read through), when the file system gives them. */
  readonly stamps: ReadonlyMap<string, FileStamp>;
  readonly folders: ReadonlyMap<string, boolean>;
}

/**
 * `readFolder` for the plan, with the stat record: a file whose lstat matches its entry (and is
 * not racily clean) is not read, its DiskFile only vouched for. Every other file is read, and
 * with `stamps` (a run that saves the record afterwards) through `readStamped`. The same
 * refusals as `readFolder`: a symlink or a non-file at a path, a symlink on the way.
 */
export async function readFolderFiles(fs: OutputFs, paths: Iterable<string>, options: { record?: StatRecord; stamps?: boolean } = {}): Promise<FolderFiles> {
  const { record } = options;
  const stamping = options.stamps === true && fs.readStamped !== undefined && fs.stamp !== undefined;
  if (!stamping && (record === undefined || fs.stamp === undefined)) {
    const { disk, folders } = await readFolder(fs, paths);
    return { files: new Map([...disk].map(([path, content]) => [path, DiskFile.read(path, content)])), stamps: new Map(), folders };
  }
  const all = [...new Set([...paths].map(checkOutputPath))].sort();
  const folders = await existingFolders(fs, all);
  const files = new Map<string, DiskFile>();
  const stamps = new Map<string, FileStamp>();
  for (const path of all) {
    if (!inExistingFolder(folders, path)) continue;
    const seen = await fs.stamp!(path);
    if (seen === undefined) continue;
    refuseUnlessFile(path, seen.kind);
    const hash = trustedHash(record, path, seen.stamp);
    if (hash !== undefined) {
      files.set(path, DiskFile.trusted(path, hash, () => fs.read(path)));
      stamps.set(path, seen.stamp!);
    } else if (stamping) {
      const { content, stamp } = await fs.readStamped!(path);
      files.set(path, DiskFile.read(path, content));
      stamps.set(path, stamp);
    } else {
      files.set(path, DiskFile.read(path, await fs.read(path)));
    }
  }
  return { files, stamps, folders };
}

/** What `readDisk` reads, and the folders it found on the way (`existingFolders`). */
export async function readFolder(fs: OutputFs, paths: Iterable<string>): Promise<{ disk: Map<string, string>; folders: ReadonlyMap<string, boolean> }> {
  const all = [...new Set([...paths].map(checkOutputPath))].sort();
  // Folders first, outermost first: a symlink or a file on the way stops everything.
  const folders = await existingFolders(fs, all);
  const candidates = all.filter((path) => inExistingFolder(folders, path));
  const disk = new Map<string, string>();
  await inParallel(candidates, async (path) => {
    const kind = await fs.kind(path);
    if (kind === undefined) return;
    refuseUnlessFile(path, kind);
    disk.set(path, await fs.read(path));
  });
  return { disk: new Map([...disk].sort(([a], [b]) => (a < b ? -1 : 1))), folders };
}
