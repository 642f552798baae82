/**
 * Writes a checked plan so that a kill at any moment leaves a folder the next run can complete:
 *
 *  1. the journal (every path about to change, its hashes and manifest entries before and
 *     after, its temporary file), fsynced and renamed into place;
 *  2. every new content into its temporary file (`.<name>.msa-gen-tmp`, created exclusively,
 *     never through a symlink), missing folders made one at a time;
 *  3. every rename onto its target, then the deletions;
 *  4. the manifest (fsynced, renamed), and the journal removed.
 *
 * Before each temporary file is created, every folder from the output folder down to the file is
 * checked with lstat, and again before the renames and deletions in each folder (those run back
 * to back, and a rename only moves a temporary file within its folder): a symlink or a
 * non-folder swapped in during the run stops it (WriteAbortedError). So does a target that changed since
 * the plan read it. A failure before the first rename undoes everything (temporary files,
 * journal, new folders); after it, the journal stays and the next run recovers from it.
 */
import { inParallel } from './disk.js';
import { errorCode, type EntryKind, type OutputFs } from './fs-port.js';
import { JOURNAL_PATH, serializeJournal, type JournalOp } from './journal.js';
import type { HeldLock } from './lock.js';
import { MANIFEST_PATH, serializeManifest, sha256 } from './manifest.js';
import { folderOf, parentFolders, tempPathFor } from './paths.js';
import { changes, conflicts, previousOf, type Action, type Plan } from './plan.js';
import type { FileStamp } from './stat-record.js';

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** The folder changed under the run (a symlink swapped in, a file edited): stopped, journal kept. */
export class WriteAbortedError extends Error {
  override readonly name = 'WriteAbortedError';
}

/**
 * Checks every folder on the way to `path` (lstat, outermost first): each must be a real folder,
 * never a symlink. With `created`, missing folders are made one segment at a time (never a
 * recursive mkdir through an unchecked path) and recorded there.
 */
export async function confineFolders(fs: OutputFs, path: string, created?: string[]): Promise<void> {
  for (const folder of parentFolders(path)) {
    // A real folder, the common case, settled here: one lstat, no further call.
    const kind = await fs.kind(folder);
    if (kind !== 'dir') await settleFolder(fs, folder, kind, created);
  }
}

/**
 * One folder of `confineFolders`, its parents checked already: a real folder, made when missing
 * with `created`. `fresh`: its parent was made by this run, so it is made without asking first
 * (mkdir never follows a symlink; what is there afterwards is checked all the same).
 */
async function confineFolder(fs: OutputFs, folder: string, created?: string[], fresh = false): Promise<void> {
  await settleFolder(fs, folder, fresh && created ? undefined : await fs.kind(folder), created);
}

/** The rest of `confineFolder`, given what lstat found at `folder` (`kind`). */
async function settleFolder(fs: OutputFs, folder: string, kind: EntryKind | undefined, created?: string[]): Promise<void> {
  if (kind === undefined && created) {
    if (await fs.makeDir(folder)) created.push(folder);
    kind = await fs.kind(folder);
  }
  if (kind === 'symlink') throw new WriteAbortedError(`"${folder}" is a symbolic link; refusing to write through it`);
  if (kind === undefined) throw new WriteAbortedError(`the folder "${folder}" disappeared during the run`);
  if (kind !== 'dir') throw new WriteAbortedError(`"${folder}" is not a folder`);
}

/** Every folder on the way to `paths`, once each, by depth (outermost first), sorted within a depth. */
function foldersByDepth(paths: readonly string[]): string[][] {
  const folders = new Set<string>();
  for (const path of paths) {
    // A folder already seen has its parents seen too: walk up only to the first one known.
    for (let folder = folderOf(path); folder !== '' && !folders.has(folder); folder = folderOf(folder)) folders.add(folder);
  }
  const levels: string[][] = [];
  for (const folder of folders) {
    let depth = 0;
    for (let slash = folder.indexOf('/'); slash >= 0; slash = folder.indexOf('/', slash + 1)) depth++;
    (levels[depth] ??= []).push(folder);
  }
  return levels.filter((level) => level !== undefined).map((level) => level.sort());
}

/** Actions by the folder that holds them, in path order. */
function byFolder<A extends { readonly path: string }>(actions: readonly A[]): Map<string, A[]> {
  const groups = new Map<string, A[]>();
  for (const a of [...actions].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const folder = folderOf(a.path);
    const group = groups.get(folder);
    if (group) group.push(a);
    else groups.set(folder, [a]);
  }
  return groups;
}

/** Writes a file of msa-gen's own (journal, manifest) durably: temporary file, fsync, rename, fsync the folder. */
export async function writeDurable(fs: OutputFs, path: string, content: string): Promise<void> {
  const temp = tempPathFor(path);
  await confineFolders(fs, path);
  await fs.createFile(temp, content, { durable: true });
  await confineFolders(fs, path);
  await fs.rename(temp, path);
  await fs.syncDir(parentFolders(path).at(-1) ?? '');
}

/** Removes a temporary file msa-gen created, if it is there (a file or a symlink; never followed). */
export async function removeTemp(fs: OutputFs, temp: string): Promise<void> {
  for (const folder of parentFolders(temp)) {
    const kind = await fs.kind(folder);
    if (kind === undefined) return; // no folder, so no temporary file in it
    if (kind === 'symlink') throw new WriteAbortedError(`"${folder}" is a symbolic link; refusing to remove anything through it`);
    if (kind !== 'dir') throw new WriteAbortedError(`"${folder}" is not a folder`);
  }
  const kind = await fs.kind(temp);
  if (kind === undefined) return;
  if (kind === 'dir' || kind === 'other') throw new WriteAbortedError(`"${temp}" is not a file; remove it by hand`);
  await fs.remove(temp).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
  });
}

/** The same, when cleaning up after a failure: never lets a second failure hide the first. */
const removedQuietly = (fs: OutputFs, temp: string) =>
  removeTemp(fs, temp).then(
    () => true,
    () => false,
  );

/** Removes temporary files after a failure; true when all of them are gone. */
async function cleanUp(fs: OutputFs, temps: readonly string[]): Promise<boolean> {
  let left = 0;
  await inParallel(temps, async (temp) => {
    if (!(await removedQuietly(fs, temp))) left++;
  });
  return left === 0;
}

async function sameAsPlanned(fs: OutputFs, action: Action): Promise<boolean> {
  const kind = await fs.kind(action.path);
  const previous = previousOf(action);
  if (previous === undefined) return kind === undefined;
  return kind === 'file' && (await fs.read(action.path)) === previous;
}

export interface ApplyOptions {
  /** The lock this run holds: checked once more before the first write. */
  readonly lock?: HeldLock;
  /** Folders this run created: new ones are added (the caller removes them if the run fails). */
  readonly created?: string[];
  /** The manifest's text on disk now: nothing at all is written when the plan changes nothing. */
  readonly manifestOnDisk?: string;
  /** For the stat record: filled with the stamp (lstat) of every file written, taken right after its rename. */
  readonly stamps?: Map<string, FileStamp>;
}

export async function applyPlan(fs: OutputFs, plan: Plan, options: ApplyOptions = {}): Promise<{ written: number; deleted: number }> {
  if (conflicts(plan).length > 0) throw new ConflictError('the plan has conflicts; nothing written');
  const { writes, deletes } = changes(plan);
  const manifestText = serializeManifest(plan.manifest);
  if (writes.length === 0 && deletes.length === 0 && manifestText === options.manifestOnDisk) return { written: 0, deleted: 0 };
  if (options.lock && !(await options.lock.stillOurs())) throw new WriteAbortedError('another run took the lock over; nothing written');

  const created = options.created ?? [];
  const before = new Map(plan.previousManifest.files.map((e) => [e.path, e]));
  const after = new Map(plan.manifest.files.map((e) => [e.path, e]));
  const ops: JournalOp[] = [...writes, ...deletes].map((a) => {
    const previous = previousOf(a);
    return {
      path: a.path,
      temp: a.kind === 'delete' ? null : tempPathFor(a.path),
      previousSha256: previous === undefined ? null : sha256(previous),
      // The plan's new entry holds the hash of exactly this content (Plan.manifest): not hashed twice.
      newSha256: a.kind === 'delete' ? null : (after.get(a.path)?.sha256 ?? sha256(a.content)),
      previousEntry: before.get(a.path) ?? null,
      newEntry: after.get(a.path) ?? null,
    };
  });
  if (ops.length > 0) await writeDurable(fs, JOURNAL_PATH, serializeJournal({ version: 1, ops }));

  // Every temporary file first: a failure here leaves the folder as it was.
  const made: string[] = [];
  try {
    // The missing folders first, each made once, outermost first: one depth after the other, the
    // folders of one depth side by side (the checks per file below remain).
    for (const level of foldersByDepth(writes.map((a) => a.path))) {
      const made = new Set(created);
      await inParallel(level, (folder) => confineFolder(fs, folder, created, made.has(folderOf(folder)) && folder.includes('/')));
    }
    await inParallel(writes, async (a) => {
      await confineFolders(fs, a.path, created);
      const temp = tempPathFor(a.path);
      try {
        await fs.createFile(temp, a.content);
      } catch (error) {
        if (errorCode(error) === 'EEXIST') {
          throw new WriteAbortedError(`"${temp}" is in the way: msa-gen's journal does not name it, so it is not msa-gen's to remove; remove it yourself`);
        }
        made.push(temp); // may exist, half written
        throw error;
      }
      made.push(temp);
    });
  } catch (error) {
    // Nothing was renamed: without its temporary files the journal has nothing left to recover.
    // If one cannot be removed (a folder on its way is a symlink now), the journal stays for the next run.
    if ((await cleanUp(fs, made)) && ops.length > 0) await fs.remove(JOURNAL_PATH).catch(() => {});
    throw error;
  }

  // Then the renames and deletions: from here on, a failure leaves the journal for the next run.
  // Folder by folder: the folders on the way checked once, then its files renamed back to back
  // (each rename moves a temporary file within its folder, so a folder swapped after the check
  // has no temporary file to give: the rename fails instead of going through it).
  const renamed = new Set<string>();
  try {
    for (const [folder, group] of byFolder(writes)) {
      if (folder !== '') await confineFolders(fs, `${folder}/`);
      for (const a of group) {
        if (!(await sameAsPlanned(fs, a))) throw new WriteAbortedError(`"${a.path}" changed during the run; run scaffold again`);
        await fs.rename(tempPathFor(a.path), a.path);
        renamed.add(a.path);
        if (options.stamps) {
          const seen = await fs.stamp?.(a.path);
          if (seen?.stamp) options.stamps.set(a.path, seen.stamp);
        }
      }
    }
    for (const [folder, group] of byFolder(deletes)) {
      if (folder !== '') await confineFolders(fs, `${folder}/`);
      for (const a of group) {
        if (!(await sameAsPlanned(fs, a))) throw new WriteAbortedError(`"${a.path}" changed during the run; run scaffold again`);
        await fs.remove(a.path);
      }
    }
  } catch (error) {
    // Half written: whatever went wrong, the folder changed under the run or cannot be written.
    const reason = error instanceof WriteAbortedError ? error : new WriteAbortedError(`writing failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp(
      fs,
      writes.filter((a) => !renamed.has(a.path)).map((a) => tempPathFor(a.path)),
    );
    throw reason;
  }

  await writeDurable(fs, MANIFEST_PATH, manifestText);
  if (ops.length > 0) {
    await fs.remove(JOURNAL_PATH);
    await fs.syncDir('.msa-gen');
  }
  return { written: writes.length, deleted: deletes.length };
}
