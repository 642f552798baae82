/**
 * The plan: what scaffold would do to the output folder, computed from the generated files, what
 * is on disk and the manifest. The same plan is written (`scaffold`), printed (`--dry-run`) or
 * checked (`--check`); only the last step differs.
 *
 * Ownership comes from the manifest alone. A file it does not list was not written by msa-gen:
 * it is never overwritten, merged into or deleted, with or without --force. Byte-identical
 * content is the one exception: taking such a file over loses nothing.
 */
import { carriesHeader, type GeneratedFile, type ObjectMembersMerge, type Ownership } from '../tree/index.js';
import { DiskFile } from './disk-file.js';
import { sha256, type Manifest, type ManifestEntry } from './manifest.js';
import { ownershipProblem } from './owned.js';

interface Base<K extends string, O extends Ownership> {
  readonly kind: K;
  readonly path: string;
  readonly ownership: O;
}

/** A new file, or one the manifest lists that is missing (`reason` says so). */
export interface CreateAction extends Base<'create', Ownership> {
  readonly content: string;
  readonly reason?: string;
}

/** A generated file whose content changed, unedited since msa-gen wrote it. */
export interface UpdateAction extends Base<'update', 'generated'> {
  readonly content: string;
  /** What is on disk now. */
  readonly previous: string;
}

export type UnchangedAction = Base<'unchanged', 'generated'>;

/** A user-owned file that gains stubs for new commands. */
export interface MergeAction extends Base<'merge', 'user-owned'> {
  readonly content: string;
  readonly previous: string;
  /** The members added. */
  readonly added: readonly string[];
  /** Handlers still in the file whose commands left the model. */
  readonly stale?: readonly string[];
}

/** A user-owned file left as it is. */
export interface KeepAction extends Base<'keep', 'user-owned'> {
  readonly stale?: readonly string[];
  /** Why its handlers were not checked. */
  readonly reason?: string;
}

/** A generated file the model no longer produces, unedited: deleted. */
export interface DeleteAction extends Base<'delete', 'generated'> {
  readonly previous: string;
}

interface ConflictBase extends Base<'conflict', 'generated'> {
  readonly previous: string;
  readonly reason: string;
}

/**
 * A file scaffold would have to overwrite or delete and may not: the run is refused. Three
 * kinds, by what --force does: nothing (msa-gen did not write it); overwrite it with `content`
 * (edited by hand, or it carries msa-gen's header); leave it in place and forget it (no longer
 * generated, but edited by hand).
 */
export type ConflictAction =
  | (ConflictBase & { readonly forceable: false })
  | (ConflictBase & { readonly forceable: true; readonly content: string })
  | (ConflictBase & { readonly forceable: true; readonly forget: true });

/** A user-owned file the model no longer produces: reported, never deleted. */
export interface OrphanAction extends Base<'orphan', 'user-owned'> {
  readonly reason: string;
}

/** A file at a user-owned path that msa-gen did not write: left as it is, never merged into. */
export interface ForeignAction extends Base<'foreign', 'user-owned'> {
  readonly reason: string;
  /** Members of the model the file lacks (msa-gen adds none to a file it did not write). */
  readonly lacks?: readonly string[];
}

export type Action = CreateAction | UpdateAction | UnchangedAction | MergeAction | KeepAction | DeleteAction | ConflictAction | OrphanAction | ForeignAction;

export type ActionKind = Action['kind'];

/** An action that writes a file: its new content goes through a temporary file and a rename. */
export type WriteAction = CreateAction | UpdateAction | MergeAction | Extract<ConflictAction, { content: string }>;

/** What is on disk at the action's path now, as the plan read it (undefined: nothing). */
export function previousOf(action: Action): string | undefined {
  switch (action.kind) {
    case 'update':
    case 'merge':
    case 'delete':
    case 'conflict':
      return action.previous;
    default:
      return undefined;
  }
}

/** What the action puts at its path (undefined: it writes nothing there). */
export function contentOf(action: Action): string | undefined {
  switch (action.kind) {
    case 'create':
    case 'update':
    case 'merge':
      return action.content;
    case 'conflict':
      return 'content' in action ? action.content : undefined;
    default:
      return undefined;
  }
}

export interface Plan {
  readonly actions: readonly Action[];
  /**
   * The manifest once the plan is applied. Every action that writes has its entry here, with the
   * sha256 of exactly the content it writes (the journal takes the hash from it).
   */
  readonly manifest: Manifest;
  /** The manifest the plan started from (the one on disk, or the one recovered from a journal). */
  readonly previousManifest: Manifest;
  readonly force: boolean;
}

/** A user-owned file msa-gen cannot merge into (it does not parse, or the result would not). */
export class MergeError extends Error {
  override readonly name = 'MergeError';
  constructor(
    message: string,
    /** 'structure': the exported object literal is not there; 'syntax': a file that does not parse. */
    readonly reason: 'structure' | 'syntax',
  ) {
    super(message);
  }
}

/** Reads and extends the members of a user-owned file's object literal, through its syntax tree. */
export interface Merger {
  /** Names of the members the object literal has. MergeError ('structure') when there is no such literal. */
  memberNames(path: string, content: string, spec: ObjectMembersMerge): ReadonlySet<string>;
  /** The members of `spec` the file lacks, in the model's order. */
  missingMembers(path: string, content: string, spec: ObjectMembersMerge): string[];
  /** The file with these members appended to the object literal; every other byte untouched. */
  addMembers(path: string, content: string, spec: ObjectMembersMerge, names: readonly string[]): string;
}

export interface PlanInput {
  readonly files: readonly GeneratedFile[];
  /**
   * Each existing path among the generated ones and the manifest's: its content, or a DiskFile
   * (read, or vouched for by the stat record and read only if the plan needs its content).
   */
  readonly disk: ReadonlyMap<string, string | DiskFile>;
  readonly manifest: Manifest;
  readonly force: boolean;
  /** Loaded only when a file must be parsed: it brings in the TypeScript compiler. */
  readonly merger: () => Promise<Merger>;
  /**
   * Generated files given by the hash of their content instead of the content: the caller
   * vouches that the disk holds exactly that content at each path (src/core/service-cache.ts
   * checks it). Each is planned as `unchanged`, as a file of `files` whose disk content equals it.
   */
  readonly unchanged?: readonly { readonly path: string; readonly sha256: string }[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function planOutput(input: PlanInput): Promise<Plan> {
  const previous = new Map(input.manifest.files.map((f) => [f.path, f]));
  const actions: Action[] = [];
  const entries: ManifestEntry[] = [];
  let merger: Merger | undefined;
  const getMerger = async () => (merger ??= await input.merger());
  const generatedPaths = new Set([...input.files.map((f) => f.path), ...(input.unchanged ?? []).map((f) => f.path)]);
  const diskFile = (path: string): DiskFile | undefined => {
    const d = input.disk.get(path);
    return typeof d === 'string' ? DiskFile.read(path, d) : d;
  };

  for (const file of input.files) {
    const problem = ownershipProblem(file.path, file.ownership);
    if (problem) throw new Error(`the generators produced ${problem}; add its shape to src/output/owned.ts`);
    const onDisk = diskFile(file.path);
    const entry = previous.get(file.path);
    // An entry with another ownership is not proof that msa-gen wrote this file as it is now.
    const known = entry?.ownership === file.ownership ? entry : undefined;
    if (file.ownership === 'generated') {
      await planGenerated(file, onDisk, known, actions, entries);
    } else {
      await planUserOwned(file, onDisk, known, actions, entries, getMerger);
    }
  }

  for (const { path, sha256: hash } of input.unchanged ?? []) {
    const problem = ownershipProblem(path, 'generated');
    if (problem) throw new Error(`the generators produced ${problem}; add its shape to src/output/owned.ts`);
    actions.push({ kind: 'unchanged', path, ownership: 'generated' });
    entries.push({ path, ownership: 'generated', sha256: hash });
  }

  for (const old of input.manifest.files) {
    if (generatedPaths.has(old.path)) continue;
    const onDisk = diskFile(old.path);
    if (onDisk === undefined) continue; // already gone
    if (old.ownership === 'user-owned') {
      actions.push({ kind: 'orphan', path: old.path, ownership: 'user-owned', reason: 'no longer in the model; left in place' });
      entries.push(old);
    } else if (onDisk.hash() === old.sha256) {
      actions.push({ kind: 'delete', path: old.path, ownership: 'generated', previous: await onDisk.text() });
    } else {
      // Never deleted, not even with --force: the hand edit would be lost for good. Forced, the
      // file stays where it is and leaves the manifest (msa-gen forgets it).
      actions.push({
        kind: 'conflict',
        path: old.path,
        ownership: 'generated',
        previous: await onDisk.text(),
        forceable: true,
        forget: true,
        reason: 'no longer generated, but edited by hand (--force leaves it in place and stops tracking it)',
      });
    }
  }

  actions.sort((a, b) => compare(a.path, b.path));
  return { actions, manifest: { version: 1, files: entries }, previousManifest: input.manifest, force: input.force };
}

async function planGenerated(file: GeneratedFile, disk: DiskFile | undefined, known: ManifestEntry | undefined, actions: Action[], entries: ManifestEntry[]): Promise<void> {
  const { path, content } = file;
  const entry: ManifestEntry = { path, ownership: 'generated', sha256: sha256(content) };
  if (disk === undefined) {
    actions.push({ kind: 'create', path, ownership: 'generated', content, ...(known ? { reason: 'missing' } : {}) });
    entries.push(entry);
    return;
  }
  if (disk.holds(content, () => entry.sha256)) {
    // Identical content: ours, or taken over from a folder without a manifest (nothing is lost).
    actions.push({ kind: 'unchanged', path, ownership: 'generated' });
    entries.push(entry);
    return;
  }
  const onDisk = await disk.text();
  if (known && disk.hash() === known.sha256) {
    actions.push({ kind: 'update', path, ownership: 'generated', content, previous: onDisk });
    entries.push(entry);
  } else if (known) {
    actions.push({ kind: 'conflict', path, ownership: 'generated', content, previous: onDisk, forceable: true, reason: 'edited by hand since msa-gen wrote it' });
    entries.push(entry);
  } else if (carriesHeader(onDisk)) {
    // No manifest entry, but the file says it is msa-gen's: a lost manifest, most likely. It is
    // still a conflict (a hand edit would be lost), but an explicit --force may overwrite it.
    actions.push({
      kind: 'conflict',
      path,
      ownership: 'generated',
      content,
      previous: onDisk,
      forceable: true,
      reason: "has msa-gen's generated header but the manifest does not list it, and it differs",
    });
    entries.push(entry);
  } else {
    actions.push({ kind: 'conflict', path, ownership: 'generated', previous: onDisk, forceable: false, reason: 'exists and msa-gen did not write it' });
  }
}

const memberNames = (spec: ObjectMembersMerge) => spec.members.map((m) => m.name);

async function planUserOwned(
  file: GeneratedFile,
  disk: DiskFile | undefined,
  known: ManifestEntry | undefined,
  actions: Action[],
  entries: ManifestEntry[],
  getMerger: () => Promise<Merger>,
): Promise<void> {
  const { path } = file;
  const spec = file.merge;
  // What the generators produced: a file written with it (or taken over holding it) is pristine.
  // Made when needed: a file kept as the manifest knows it (most of them, run after run) never needs its hash.
  let freshEntry: ManifestEntry | undefined;
  const fresh = (): ManifestEntry =>
    (freshEntry ??= { path, ownership: 'user-owned', sha256: sha256(file.content), ...(spec ? { members: memberNames(spec), pristine: true } : {}) });
  if (disk === undefined) {
    actions.push({ kind: 'create', path, ownership: 'user-owned', content: file.content, ...(known ? { reason: 'missing (deleted?): written again' } : {}) });
    entries.push(fresh());
    return;
  }
  if (!known) {
    if (disk.holds(file.content, () => fresh().sha256)) {
      actions.push({ kind: 'keep', path, ownership: 'user-owned' });
      entries.push(fresh());
      return;
    }
    let lacks: string[] = [];
    if (spec) {
      try {
        const names = (await getMerger()).memberNames(path, await disk.text(), spec);
        lacks = memberNames(spec).filter((n) => !names.has(n));
      } catch (error) {
        if (!(error instanceof MergeError)) throw error;
      }
    }
    actions.push({
      kind: 'foreign',
      path,
      ownership: 'user-owned',
      ...(lacks.length ? { lacks } : {}),
      reason: 'exists and msa-gen did not write it: left as it is, nothing merged into it',
    });
    return;
  }
  if (!spec) {
    actions.push({ kind: 'keep', path, ownership: 'user-owned' });
    entries.push(known);
    return;
  }

  // Cheap and safe: the file is byte for byte what msa-gen last wrote, and the manifest says that
  // content has every member the model wants. Otherwise the syntax tree decides (never a regex).
  const wanted = memberNames(spec);
  const recorded = known.members ?? [];
  if (disk.hash() === known.sha256 && wanted.every((n) => recorded.includes(n))) {
    const stale = recorded.filter((n) => !wanted.includes(n));
    actions.push({ kind: 'keep', path, ownership: 'user-owned', ...(stale.length ? { stale } : {}) });
    entries.push(known);
    return;
  }
  // Pristine and unedited: every byte is the generators' own (manifest.ts), so the fresh content
  // replaces it and no syntax tree is needed. Only when members are added and none left the model.
  if (known.pristine && disk.hash() === known.sha256 && recorded.every((n) => wanted.includes(n))) {
    const added = wanted.filter((n) => !recorded.includes(n));
    actions.push({ kind: 'merge', path, ownership: 'user-owned', content: file.content, previous: await disk.text(), added });
    entries.push(fresh());
    return;
  }
  const onDisk = await disk.text();
  const m = await getMerger();
  let names: ReadonlySet<string>;
  try {
    names = m.memberNames(path, onDisk, spec);
  } catch (error) {
    if (!(error instanceof MergeError) || error.reason !== 'structure') throw error;
    actions.push({ kind: 'keep', path, ownership: 'user-owned', reason: `${error.message}; handlers not checked` });
    entries.push(known);
    return;
  }
  const missing = wanted.filter((n) => !names.has(n));
  const stale = recorded.filter((n) => !wanted.includes(n) && names.has(n));
  if (missing.length === 0) {
    // Edited by the user, nothing missing: the entry stays as it was (the manifest does not
    // follow the user's edits, so --check stays quiet about them).
    actions.push({ kind: 'keep', path, ownership: 'user-owned', ...(stale.length ? { stale } : {}) });
    entries.push(known);
    return;
  }
  const content = m.addMembers(path, onDisk, spec, missing);
  actions.push({ kind: 'merge', path, ownership: 'user-owned', content, previous: onDisk, added: missing, ...(stale.length ? { stale } : {}) });
  entries.push({ path, ownership: 'user-owned', sha256: sha256(content), members: [...wanted, ...stale] });
}

/** Conflicts that stop the run: all of them, or with --force those it may not override. */
export const conflicts = (plan: Plan): ConflictAction[] => plan.actions.filter((a): a is ConflictAction => a.kind === 'conflict' && !(plan.force && a.forceable));

/** Every conflict, forced or not. */
export const allConflicts = (plan: Plan): ConflictAction[] => plan.actions.filter((a): a is ConflictAction => a.kind === 'conflict');

/** Actions that mean the output folder does not match the model (what --check fails on). */
export const drift = (plan: Plan) =>
  plan.actions.filter((a) => a.kind !== 'unchanged' && a.kind !== 'keep' && a.kind !== 'orphan' && a.kind !== 'foreign');

/** Paths that will be written (atomically) or removed, given --force. */
export function changes(plan: Plan): { writes: WriteAction[]; deletes: DeleteAction[] } {
  const writes: WriteAction[] = [];
  const deletes: DeleteAction[] = [];
  for (const a of plan.actions) {
    if (a.kind === 'create' || a.kind === 'update' || a.kind === 'merge') writes.push(a);
    else if (a.kind === 'conflict' && plan.force && 'content' in a) writes.push(a);
    // Only a generated file the manifest lists, whose hash matches: never a conflict, forced or not.
    else if (a.kind === 'delete') deletes.push(a);
  }
  return { writes, deletes };
}
