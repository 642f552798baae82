/**
 * The folder half of `scaffold`: from generated files to a planned, and in write mode written,
 * output folder. Three steps:
 *
 *  1. open the folder: in write mode take the lock (nothing is read before it is held) and
 *     complete an interrupted run from its journal; in --check and --dry-run, change nothing and
 *     only look (a lock, a journal, temporary files left by a killed run are drift or notes);
 *  2. read the manifest and the disk, and plan: the same for every mode;
 *  3. finish: write the plan (write), compare the manifest too (--check), or nothing (--dry-run).
 *
 * The mode reaches only steps 1 and 3, and step 1 only because the guarantees demand it (a run
 * that writes holds the lock before it reads; a run that must not write cannot recover). The
 * mechanisms are src/output's; this module decides their order and turns their refusals into
 * an outcome.
 */
import { WriteAbortedError, applyPlan, confineFolders, removeTemp, writeDurable } from '../output/apply.js';
import { DiskChangedError, type DiskFile } from '../output/disk-file.js';
import { inExistingFolder, readDisk, readFolderFiles, type FolderFiles } from '../output/disk.js';
import { errorCode, type HostInfo, type OutputFs } from '../output/fs-port.js';
import { JOURNAL_PATH, parseJournal, recoverManifest, type Journal } from '../output/journal.js';
import { LOCK_PATH, LockedError, acquireLock, inspectLock, type HeldLock } from '../output/lock.js';
import { EMPTY_MANIFEST, MANIFEST_PATH, ManifestError, parseManifest, serializeManifest, type Manifest } from '../output/manifest.js';
import { TEMP_SUFFIX, folderOf, tempPathFor } from '../output/paths.js';
import { MergeError, changes, conflicts, planOutput, type Merger, type Plan } from '../output/plan.js';
import type { DriftItem } from '../output/report.js';
import type { FileStamp, RecordEntry, RecordStore } from '../output/stat-record.js';
import type { RecordedFile } from '../output/service-record.js';
import { ConfinementError, checkOutputPath, type GeneratedFile } from '../tree/index.js';
import { settleReused, type ServiceReuse } from './service-reuse.js';

export type OutputMode = 'write' | 'check' | 'dry-run';

export interface StageInput {
  readonly fs: OutputFs;
  readonly host: HostInfo;
  readonly files: readonly GeneratedFile[];
  readonly mode: OutputMode;
  readonly force: boolean;
  /** Whether the output folder existed before the run (in write mode it has been made by now). */
  readonly folderExisted: boolean;
  /** Loaded only when a user-owned file must be parsed: it brings in the TypeScript compiler. */
  readonly merger: () => Promise<Merger>;
  /**
   * The output folder's stat record (stat-record.ts), if the caller keeps one. A plain run and
   * --dry-run use it to skip reading files that have not changed; only a plain run writes it.
   * --check never uses it: its verdict rests on every byte, on a fresh clone as on this machine.
   */
  readonly record?: RecordStore;
  /**
   * Services whose generated files are not in `files`, taken from the previous run instead
   * (service-cache.ts): planned as unchanged where the disk holds them exactly, generated otherwise.
   */
  readonly reuse?: ServiceReuse;
}

/** A path that stops the write: a conflict, or a temporary file in the way. */
export interface Blocked {
  readonly path: string;
  readonly reason: string;
  /** Whether --force may override it. */
  readonly forceable: boolean;
}

export type StageOutcome =
  /** Planned; in write mode, written unless `blocked` is not empty. */
  | {
      readonly status: 'planned';
      readonly plan: Plan;
      /** Drift besides the plan's actions: a run in progress or interrupted, temporary files, the manifest. */
      readonly drift: readonly DriftItem[];
      readonly notes: readonly string[];
      readonly blocked: readonly Blocked[];
      readonly written: boolean;
    }
  /** Refused before anything was written: a bad manifest or journal, a path that would leave the folder, a merge that would break a file. */
  | { readonly status: 'refused'; readonly message: string }
  /** Another run holds the lock. */
  | { readonly status: 'locked'; readonly message: string }
  /** Stopped while writing: the folder changed under the run. The journal lets the next run recover. */
  | { readonly status: 'aborted'; readonly message: string };

/** The temporary files of msa-gen's own files in `.msa-gen/`. */
const OWN_TEMPS = [tempPathFor(MANIFEST_PATH), tempPathFor(JOURNAL_PATH)];

/** What a run collects on its way besides the plan. */
interface Run {
  readonly input: StageInput;
  /** Folders this run made: removed again when it writes nothing. */
  readonly created: string[];
  lock?: HeldLock;
  readonly notes: string[];
  readonly drift: DriftItem[];
}

export async function runOutputStage(input: StageInput): Promise<StageOutcome> {
  const run: Run = { input, created: [], notes: [], drift: [] };
  let written = false;
  try {
    const outcome = await stage(run);
    written = outcome.status === 'planned' && outcome.written;
    return outcome;
  } catch (error) {
    if (error instanceof LockedError) return { status: 'locked', message: error.message };
    if (error instanceof WriteAbortedError) return { status: 'aborted', message: error.message };
    if (error instanceof ConfinementError || error instanceof ManifestError || error instanceof MergeError || error instanceof DiskChangedError) {
      return { status: 'refused', message: error.message };
    }
    throw error;
  } finally {
    await run.lock?.release();
    // A run that wrote nothing leaves no new (empty) folders behind.
    if (!written) for (const folder of run.created.reverse()) await input.fs.removeDir(folder);
  }
}

async function stage(run: Run): Promise<StageOutcome> {
  const { input } = run;
  // The generators are not trusted either: every path stays inside the folder.
  for (const f of input.files) checkOutputPath(f.path);
  const reusedPaths = (input.reuse?.services ?? []).flatMap((s) => s.files.map((f) => checkOutputPath(f.path)));
  const exists = input.mode === 'write' || input.folderExisted;

  // 1. Open the folder.
  if (input.mode === 'write') await lock(run);
  else if (exists) await look(run);
  const record = exists && input.mode !== 'check' ? await input.record?.load() : undefined;
  const meta = exists ? await readDisk(input.fs, [MANIFEST_PATH, JOURNAL_PATH]) : new Map<string, string>();
  let manifestOnDisk = meta.get(MANIFEST_PATH);
  let manifest: Manifest = manifestOnDisk === undefined ? EMPTY_MANIFEST : parseManifest(manifestOnDisk);
  const journalText = meta.get(JOURNAL_PATH);
  const journal = journalText === undefined ? undefined : parseJournal(journalText);
  if (journal) {
    // An interrupted run: what is on disk now says, per path it touched, which entry holds.
    manifest = recoverManifest(manifest, journal, await readDisk(input.fs, journal.ops.map((op) => op.path)));
    if (input.mode === 'write') manifestOnDisk = await complete(run, journal, manifest);
    else run.drift.push({ what: 'interrupted', path: JOURNAL_PATH, detail: 'a scaffold run was interrupted (or is in progress); a plain run completes it' });
  }

  // 2. Read the disk and plan.
  const paths = [...new Set([...input.files.map((f) => f.path), ...reusedPaths, ...manifest.files.map((f) => f.path), ...(journal?.ops.map((op) => op.path) ?? [])])];
  const saving = input.mode === 'write' && input.record !== undefined;
  const read = (list: readonly string[]): Promise<FolderFiles> =>
    exists
      ? readFolderFiles(input.fs, list, { ...(record ? { record } : {}), stamps: saving })
      : Promise.resolve({ files: new Map(), stamps: new Map<string, FileStamp>(), folders: new Map<string, boolean>() });
  const settled = await withReused(input, paths, await read(paths), read);
  const { files, stamps, folders } = settled.folder;
  const temps = exists ? await leftoverTemps(input.fs, settled.paths.filter((path) => inExistingFolder(folders, path))) : [];
  const plan = await planOutput({ files: settled.files, unchanged: settled.unchanged, disk: files, manifest, force: input.force, merger: input.merger });

  // 3. Finish.
  const blocked: Blocked[] = conflicts(plan).map((a) => ({ path: a.path, reason: a.reason, forceable: a.forceable }));
  const toWrite = new Set(changes(plan).writes.map((a) => a.path));
  for (const { temp, path } of temps) {
    const detail = `temporary file ${input.mode === 'write' ? 'that no journal names: not msa-gen\'s to remove; remove it yourself' : 'of an interrupted run'}`;
    if (input.mode === 'check') run.drift.push({ what: 'leftover', path: temp, detail });
    else if (toWrite.has(path)) blocked.push({ path: temp, reason: `${detail} (it is in the way of ${path})`, forceable: false });
    else run.notes.push(`${temp}: ${detail}`);
  }
  if (input.mode === 'check' && serializeManifest(plan.manifest) !== manifestOnDisk) {
    run.drift.push({ what: manifestOnDisk === undefined ? 'missing' : 'stale', path: MANIFEST_PATH, detail: 'does not record what is on disk' });
  }
  const planned = { status: 'planned', plan, drift: run.drift, notes: run.notes, blocked } as const;
  if (input.mode !== 'write' || blocked.length > 0) {
    if (saving) await input.record!.save(recordAfter(plan, files, stamps, new Map()));
    return { ...planned, written: false };
  }
  const written = new Map<string, FileStamp>();
  await applyPlan(input.fs, plan, {
    ...(run.lock ? { lock: run.lock } : {}),
    created: run.created,
    ...(manifestOnDisk !== undefined ? { manifestOnDisk } : {}),
    ...(saving ? { stamps: written } : {}),
  });
  if (saving) await input.record!.save(recordAfter(plan, files, stamps, written));
  return { ...planned, written: true };
}

/**
 * The reused services (service-cache.ts) against what the disk holds: the recorded files of those
 * it holds exactly are unchanged; the others are generated after all, and any path of theirs not
 * read yet is read now (with one record, one generation, the paths are the same).
 */
async function withReused(
  input: StageInput,
  paths: readonly string[],
  folder: FolderFiles,
  read: (paths: readonly string[]) => Promise<FolderFiles>,
): Promise<{ files: readonly GeneratedFile[]; unchanged: readonly RecordedFile[]; folder: FolderFiles; paths: readonly string[] }> {
  if (!input.reuse) return { files: input.files, unchanged: [], folder, paths };
  const { unchanged, stale } = settleReused(input.reuse.services, folder.files, new Set(input.files.map((f) => f.path)));
  if (stale.size === 0) return { files: input.files, unchanged, folder, paths };
  const made = input.reuse.regenerate(stale);
  const taken = new Set([...input.files.map((f) => f.path), ...unchanged.map((f) => f.path)]);
  for (const f of made) {
    checkOutputPath(f.path);
    if (taken.has(f.path)) throw new Error(`two generated files claim the path "${f.path}"`);
    taken.add(f.path);
  }
  const known = new Set(paths);
  const more = [...new Set(made.map((f) => f.path).filter((p) => !known.has(p)))];
  if (more.length > 0) {
    const extra = await read(more);
    folder = {
      files: new Map([...folder.files, ...extra.files]),
      stamps: new Map([...folder.stamps, ...extra.stamps]),
      folders: new Map([...folder.folders, ...extra.folders]),
    };
  }
  return { files: [...input.files, ...made], unchanged, folder, paths: [...paths, ...more] };
}

/**
 * The stat record after a run, for the files its manifest lists: those it wrote, with the stamp
 * taken after their rename and the hash of what it wrote; the others as it found them, with the
 * stamp of the descriptor they were read through (or the entry that vouched for them).
 */
function recordAfter(plan: Plan, files: ReadonlyMap<string, DiskFile>, stamps: ReadonlyMap<string, FileStamp>, written: ReadonlyMap<string, FileStamp>): Map<string, RecordEntry> {
  const entries = new Map<string, RecordEntry>();
  const writes = new Set(changes(plan).writes.map((a) => a.path));
  for (const e of plan.manifest.files) {
    if (writes.has(e.path)) {
      const stamp = written.get(e.path);
      if (stamp) entries.set(e.path, { stamp, sha256: e.sha256 });
      continue;
    }
    const file = files.get(e.path);
    const stamp = stamps.get(e.path);
    if (file && stamp) entries.set(e.path, { stamp, sha256: file.hash() });
  }
  return entries;
}

/** Write mode: the lock first (nothing is read before it is held), then msa-gen's own leftovers go. */
async function lock(run: Run): Promise<void> {
  const { fs, host } = run.input;
  const held = await withFolder(fs, run.created, () => acquireLock(fs, host));
  run.lock = held;
  if (held.tookOver) run.notes.push(`${LOCK_PATH}: took over the lock of pid ${held.tookOver.pid} (started ${held.tookOver.started}), which is gone`);
  for (const temp of OWN_TEMPS) await removeTemp(fs, temp);
}

/** --check and --dry-run: the lock and msa-gen's own temporary files, looked at and left alone. */
async function look(run: Run): Promise<void> {
  const { fs, host } = run.input;
  const state = await inspectLock(fs, host);
  if (state?.kind === 'held') run.drift.push({ what: 'in progress', path: LOCK_PATH, detail: `a scaffold run is in progress or was interrupted: ${state.why}` });
  if (state?.kind === 'stale') run.notes.push(`${LOCK_PATH}: left by pid ${state.info.pid}, which is gone; the next run removes it`);
  // msa-gen's own temporary files (manifest, journal, lock attempts) left by a killed run.
  if ((await fs.kind('.msa-gen')) === 'dir') {
    for (const name of (await fs.list('.msa-gen')).sort()) {
      if (name.endsWith(TEMP_SUFFIX)) run.drift.push({ what: 'leftover', path: `.msa-gen/${name}`, detail: 'temporary file of an interrupted run' });
    }
  }
}

/** Write mode: completes an interrupted run (its temporary files removed, the recovered manifest written, the journal gone). */
async function complete(run: Run, journal: Journal, manifest: Manifest): Promise<string> {
  const { fs } = run.input;
  for (const op of journal.ops) if (op.temp) await removeTemp(fs, op.temp);
  const text = serializeManifest(manifest);
  await writeDurable(fs, MANIFEST_PATH, text);
  await fs.remove(JOURNAL_PATH);
  await fs.syncDir('.msa-gen');
  run.notes.push(`completed an interrupted run: ${journal.ops.length} file${journal.ops.length === 1 ? '' : 's'} it had started to change, its temporary files removed`);
  return text;
}

/** Runs `work` with `.msa-gen/` in place (made if missing, recorded in `created`). */
async function withFolder<T>(fs: OutputFs, created: string[], work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      await confineFolders(fs, LOCK_PATH, created);
    } catch (error) {
      // Nothing written yet: a refusal, not an interrupted write.
      if (error instanceof WriteAbortedError) throw new ConfinementError(error.message);
      throw error;
    }
    try {
      return await work();
    } catch (error) {
      // Another run that failed may have removed the empty folder it had made: make it again.
      if (errorCode(error) !== 'ENOENT' || attempt >= 2) throw error;
    }
  }
}

/** A folder holding this many of the plan's paths is listed once rather than each temporary name looked up. */
const LIST_AT = 3;

/**
 * Temporary files (`.<name>.msa-gen-tmp`) next to the paths of the plan (those whose folder
 * exists). A folder holding several of the paths is listed once (one read of the folder for what
 * would be a lookup per path); one that cannot be listed, and the others, are asked per path.
 */
async function leftoverTemps(fs: OutputFs, paths: readonly string[]): Promise<{ temp: string; path: string }[]> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const folder = folderOf(path);
    const list = byFolder.get(folder);
    if (list) list.push(path);
    else byFolder.set(folder, [path]);
  }
  const found: { temp: string; path: string }[] = [];
  for (const [folder, list] of byFolder) {
    let names: ReadonlySet<string> | undefined;
    if (list.length >= LIST_AT) {
      try {
        names = new Set(await fs.list(folder));
      } catch {
        names = undefined;
      }
    }
    for (const path of list) {
      const temp = tempPathFor(path);
      const there = names ? names.has(temp.slice(temp.lastIndexOf('/') + 1)) : (await fs.kind(temp)) !== undefined;
      if (there) found.push({ temp, path });
    }
  }
  return found.sort((a, b) => (a.temp < b.temp ? -1 : 1));
}
