/**
 * The output stage of `scaffold`, from generated files to a written, printed or checked folder:
 * lock (write mode), manifest and journal (recovering an interrupted run), disk, plan, and then
 * write or not. One code path for the three modes; the CLI only renders the outcome.
 */
import { ConfinementError, type GeneratedFile } from '../tree/index.js';
import { WriteAbortedError, applyPlan, confineFolders, removeTemp, writeDurable } from './apply.js';
import { inParallel, readDisk } from './disk.js';
import { errorCode, type HostInfo, type OutputFs } from './fs-port.js';
import { JOURNAL_PATH, parseJournal, recoverManifest } from './journal.js';
import { LOCK_PATH, LockedError, acquireLock, inspectLock, type HeldLock } from './lock.js';
import { EMPTY_MANIFEST, MANIFEST_PATH, ManifestError, parseManifest, serializeManifest, type Manifest } from './manifest.js';
import { TEMP_SUFFIX, tempPathFor } from './paths.js';
import { MergeError, changes, conflicts, planOutput, type Merger, type Plan } from './plan.js';
import type { DriftItem } from './report.js';

export type OutputMode = 'write' | 'check' | 'dry-run';

export interface StageInput {
  readonly fs: OutputFs;
  readonly host: HostInfo;
  readonly files: readonly GeneratedFile[];
  readonly mode: OutputMode;
  readonly force: boolean;
  /** Whether the output folder existed before the run (in write mode the CLI has created it). */
  readonly folderExisted: boolean;
  readonly merger: () => Promise<Merger>;
}

export type StageOutcome =
  /** Planned; in write mode, written unless `blocked` is not empty. */
  | {
      readonly status: 'planned';
      readonly plan: Plan;
      /** Drift besides the plan's actions: a run in progress or interrupted, temporary files, the manifest. */
      readonly drift: readonly DriftItem[];
      readonly notes: readonly string[];
      /** Paths that stop the write (conflicts, temporary files in the way). */
      readonly blocked: readonly { readonly path: string; readonly reason: string; readonly forceable: boolean }[];
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

export async function runOutputStage(input: StageInput): Promise<StageOutcome> {
  const created: string[] = [];
  const held: { lock?: HeldLock } = {};
  let written = false;
  try {
    const outcome = await stage(input, created, held);
    written = outcome.status === 'planned' && outcome.written;
    return outcome;
  } catch (error) {
    if (error instanceof LockedError) return { status: 'locked', message: error.message };
    if (error instanceof WriteAbortedError) return { status: 'aborted', message: error.message };
    if (error instanceof ConfinementError || error instanceof ManifestError || error instanceof MergeError) {
      return { status: 'refused', message: error.message };
    }
    throw error;
  } finally {
    await held.lock?.release();
    // A run that wrote nothing leaves no new (empty) folders behind.
    if (!written) for (const folder of created.reverse()) await input.fs.removeDir(folder);
  }
}

async function stage(input: StageInput, created: string[], held: { lock?: HeldLock }): Promise<StageOutcome> {
  const { fs, host, mode } = input;
  const notes: string[] = [];
  const drift: DriftItem[] = [];
  const exists = mode === 'write' || input.folderExisted;

  if (mode === 'write') {
    // The lock first: nothing is read before it is held.
    const lock = await withFolder(fs, created, () => acquireLock(fs, host));
    held.lock = lock;
    if (lock.tookOver) notes.push(`${LOCK_PATH}: took over the lock of pid ${lock.tookOver.pid} (started ${lock.tookOver.started}), which is gone`);
    for (const temp of OWN_TEMPS) await removeTemp(fs, temp);
  } else if (exists) {
    const state = await inspectLock(fs, host);
    if (state?.kind === 'held') drift.push({ what: 'in progress', path: LOCK_PATH, detail: `a scaffold run is in progress or was interrupted: ${state.why}` });
    if (state?.kind === 'stale') notes.push(`${LOCK_PATH}: left by pid ${state.info.pid}, which is gone; the next run removes it`);
    // msa-gen's own temporary files (manifest, journal, lock attempts) left by a killed run.
    if ((await fs.kind('.msa-gen')) === 'dir') {
      for (const name of (await fs.list('.msa-gen')).sort()) {
        if (name.endsWith(TEMP_SUFFIX)) drift.push({ what: 'leftover', path: `.msa-gen/${name}`, detail: 'temporary file of an interrupted run' });
      }
    }
  }

  const meta = exists ? await readDisk(fs, [MANIFEST_PATH, JOURNAL_PATH]) : new Map<string, string>();
  const manifestText = meta.get(MANIFEST_PATH);
  let manifest: Manifest = manifestText === undefined ? EMPTY_MANIFEST : parseManifest(manifestText);
  let manifestOnDisk = manifestText;
  const journalText = meta.get(JOURNAL_PATH);
  const journal = journalText === undefined ? undefined : parseJournal(journalText);
  if (journal) {
    // An interrupted run: what is on disk now says, per path it touched, which entry holds.
    const touched = await readDisk(fs, journal.ops.map((op) => op.path));
    manifest = recoverManifest(manifest, journal, touched);
    if (mode === 'write') {
      for (const op of journal.ops) if (op.temp) await removeTemp(fs, op.temp);
      manifestOnDisk = serializeManifest(manifest);
      await writeDurable(fs, MANIFEST_PATH, manifestOnDisk);
      await fs.remove(JOURNAL_PATH);
      await fs.syncDir('.msa-gen');
      notes.push(`completed an interrupted run: ${journal.ops.length} file${journal.ops.length === 1 ? '' : 's'} it had started to change, its temporary files removed`);
    } else {
      drift.push({ what: 'interrupted', path: JOURNAL_PATH, detail: 'a scaffold run was interrupted (or is in progress); a plain run completes it' });
    }
  }

  const paths = [...new Set([...input.files.map((f) => f.path), ...manifest.files.map((f) => f.path), ...(journal?.ops.map((op) => op.path) ?? [])])];
  const disk = exists ? await readDisk(fs, paths) : new Map<string, string>();
  const temps = exists ? await leftoverTemps(fs, paths) : [];
  const plan = await planOutput({ files: input.files, disk, manifest, force: input.force, merger: input.merger });

  const toWrite = new Set(changes(plan).writes.map((a) => a.path));
  const blocked = conflicts(plan).map((a) => ({ path: a.path, reason: a.reason, forceable: a.forceable }));
  for (const { temp, path } of temps) {
    const detail = `temporary file ${mode === 'write' ? 'that no journal names: not msa-gen\'s to remove; remove it yourself' : 'of an interrupted run'}`;
    if (mode === 'check') drift.push({ what: 'leftover', path: temp, detail });
    else if (toWrite.has(path)) blocked.push({ path: temp, reason: `${detail} (it is in the way of ${path})`, forceable: false });
    else notes.push(`${temp}: ${detail}`);
  }
  if (mode === 'check' && serializeManifest(plan.manifest) !== manifestOnDisk) {
    drift.push({ what: manifestOnDisk === undefined ? 'missing' : 'stale', path: MANIFEST_PATH, detail: 'does not record what is on disk' });
  }
  if (mode !== 'write' || blocked.length > 0) return { status: 'planned', plan, drift, notes, blocked, written: false };

  await applyPlan(fs, plan, { ...(held.lock ? { lock: held.lock } : {}), created, ...(manifestOnDisk !== undefined ? { manifestOnDisk } : {}) });
  return { status: 'planned', plan, drift, notes, blocked, written: true };
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

/** Temporary files (`.<name>.msa-gen-tmp`) next to the paths of the plan. */
async function leftoverTemps(fs: OutputFs, paths: readonly string[]): Promise<{ temp: string; path: string }[]> {
  const found: { temp: string; path: string }[] = [];
  await inParallel(paths, async (path) => {
    const temp = tempPathFor(path);
    if ((await fs.kind(temp)) !== undefined) found.push({ temp, path });
  }, 32);
  return found.sort((a, b) => (a.temp < b.temp ? -1 : 1));
}
