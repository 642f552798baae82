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
import { sha256, type Manifest, type ManifestEntry } from './manifest.js';
import { ownershipProblem } from './owned.js';

export type ActionKind =
  /** A new file (or a missing one). */
  | 'create'
  /** A generated file whose content changed. */
  | 'update'
  | 'unchanged'
  /** A user-owned file that gains stubs for new commands. */
  | 'merge'
  /** A user-owned file left as it is. */
  | 'keep'
  /** A generated file the model no longer produces. */
  | 'delete'
  /** A file scaffold would have to overwrite or delete and may not: the run is refused. */
  | 'conflict'
  /** A user-owned file the model no longer produces: reported, never deleted. */
  | 'orphan'
  /** A file at a user-owned path that msa-gen did not write: left as it is, never merged into. */
  | 'foreign';

export interface Action {
  readonly kind: ActionKind;
  readonly path: string;
  readonly ownership: Ownership;
  /** What will be on disk after the action (create, update, merge, and a forceable conflict when forced). */
  readonly content?: string;
  /** What is on disk now. */
  readonly previous?: string;
  /** merge: the members added. */
  readonly added?: readonly string[];
  /** Handlers still in a user-owned file whose commands left the model. */
  readonly stale?: readonly string[];
  /** foreign: members of the model the file lacks (msa-gen adds none to a file it did not write). */
  readonly lacks?: readonly string[];
  /** conflict: whether --force may overwrite it (only a file msa-gen can claim to have written). */
  readonly forceable?: boolean;
  readonly reason?: string;
}

export interface Plan {
  readonly actions: readonly Action[];
  /** The manifest once the plan is applied. */
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
  /** Content of each existing path among the generated ones and the manifest's. */
  readonly disk: ReadonlyMap<string, string>;
  readonly manifest: Manifest;
  readonly force: boolean;
  /** Loaded only when a file must be parsed: it brings in the TypeScript compiler. */
  readonly merger: () => Promise<Merger>;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function planOutput(input: PlanInput): Promise<Plan> {
  const previous = new Map(input.manifest.files.map((f) => [f.path, f]));
  const actions: Action[] = [];
  const entries: ManifestEntry[] = [];
  let merger: Merger | undefined;
  const getMerger = async () => (merger ??= await input.merger());
  const generatedPaths = new Set(input.files.map((f) => f.path));

  for (const file of input.files) {
    const problem = ownershipProblem(file.path, file.ownership);
    if (problem) throw new Error(`the generators produced ${problem}; add its shape to src/output/owned.ts`);
    const onDisk = input.disk.get(file.path);
    const entry = previous.get(file.path);
    // An entry with another ownership is not proof that msa-gen wrote this file as it is now.
    const known = entry?.ownership === file.ownership ? entry : undefined;
    if (file.ownership === 'generated') {
      planGenerated(file, onDisk, known, actions, entries);
    } else {
      await planUserOwned(file, onDisk, known, actions, entries, getMerger);
    }
  }

  for (const old of input.manifest.files) {
    if (generatedPaths.has(old.path)) continue;
    const onDisk = input.disk.get(old.path);
    if (onDisk === undefined) continue; // already gone
    if (old.ownership === 'user-owned') {
      actions.push({ kind: 'orphan', path: old.path, ownership: 'user-owned', reason: 'no longer in the model; left in place' });
      entries.push(old);
    } else if (sha256(onDisk) === old.sha256) {
      actions.push({ kind: 'delete', path: old.path, ownership: 'generated', previous: onDisk });
    } else {
      // Never deleted, not even with --force: the hand edit would be lost for good. Forced, the
      // file stays where it is and leaves the manifest (msa-gen forgets it).
      actions.push({
        kind: 'conflict',
        path: old.path,
        ownership: 'generated',
        previous: onDisk,
        forceable: true,
        reason: 'no longer generated, but edited by hand (--force leaves it in place and stops tracking it)',
      });
    }
  }

  actions.sort((a, b) => compare(a.path, b.path));
  return { actions, manifest: { version: 1, files: entries }, previousManifest: input.manifest, force: input.force };
}

function planGenerated(file: GeneratedFile, onDisk: string | undefined, known: ManifestEntry | undefined, actions: Action[], entries: ManifestEntry[]): void {
  const { path, content } = file;
  const entry: ManifestEntry = { path, ownership: 'generated', sha256: sha256(content) };
  if (onDisk === undefined) {
    actions.push({ kind: 'create', path, ownership: 'generated', content, ...(known ? { reason: 'missing' } : {}) });
    entries.push(entry);
  } else if (onDisk === content) {
    // Identical content: ours, or taken over from a folder without a manifest (nothing is lost).
    actions.push({ kind: 'unchanged', path, ownership: 'generated' });
    entries.push(entry);
  } else if (known && sha256(onDisk) === known.sha256) {
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

async function planUserOwned(
  file: GeneratedFile,
  onDisk: string | undefined,
  known: ManifestEntry | undefined,
  actions: Action[],
  entries: ManifestEntry[],
  getMerger: () => Promise<Merger>,
): Promise<void> {
  const { path } = file;
  const spec = file.merge;
  const wanted = spec ? spec.members.map((m) => m.name) : undefined;
  const fresh: ManifestEntry = { path, ownership: 'user-owned', sha256: sha256(file.content), ...(wanted ? { members: wanted } : {}) };
  if (onDisk === undefined) {
    actions.push({ kind: 'create', path, ownership: 'user-owned', content: file.content, ...(known ? { reason: 'missing (deleted?): written again' } : {}) });
    entries.push(fresh);
    return;
  }
  if (!known) {
    if (onDisk === file.content) {
      actions.push({ kind: 'keep', path, ownership: 'user-owned' });
      entries.push(fresh);
      return;
    }
    let lacks: string[] = [];
    if (spec) {
      try {
        const names = (await getMerger()).memberNames(path, onDisk, spec);
        lacks = wanted!.filter((n) => !names.has(n));
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
  const recorded = known.members ?? [];
  if (sha256(onDisk) === known.sha256 && wanted!.every((n) => recorded.includes(n))) {
    const stale = recorded.filter((n) => !wanted!.includes(n));
    actions.push({ kind: 'keep', path, ownership: 'user-owned', ...(stale.length ? { stale } : {}) });
    entries.push(known);
    return;
  }
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
  const missing = wanted!.filter((n) => !names.has(n));
  const stale = recorded.filter((n) => !wanted!.includes(n) && names.has(n));
  if (missing.length === 0) {
    // Edited by the user, nothing missing: the entry stays as it was (the manifest does not
    // follow the user's edits, so --check stays quiet about them).
    actions.push({ kind: 'keep', path, ownership: 'user-owned', ...(stale.length ? { stale } : {}) });
    entries.push(known);
    return;
  }
  const content = m.addMembers(path, onDisk, spec, missing);
  actions.push({ kind: 'merge', path, ownership: 'user-owned', content, previous: onDisk, added: missing, ...(stale.length ? { stale } : {}) });
  entries.push({ path, ownership: 'user-owned', sha256: sha256(content), members: [...wanted!, ...stale] });
}

/** Conflicts that stop the run: all of them, or with --force those it may not override. */
export const conflicts = (plan: Plan) => plan.actions.filter((a) => a.kind === 'conflict' && !(plan.force && a.forceable));

/** Every conflict, forced or not. */
export const allConflicts = (plan: Plan) => plan.actions.filter((a) => a.kind === 'conflict');

/** Actions that mean the output folder does not match the model (what --check fails on). */
export const drift = (plan: Plan) =>
  plan.actions.filter((a) => a.kind !== 'unchanged' && a.kind !== 'keep' && a.kind !== 'orphan' && a.kind !== 'foreign');

/** Paths that will be written (atomically) or removed, given --force. */
export function changes(plan: Plan): { writes: Action[]; deletes: Action[] } {
  const writes = plan.actions.filter(
    (a) => a.kind === 'create' || a.kind === 'update' || a.kind === 'merge' || (a.kind === 'conflict' && plan.force && a.forceable && a.content !== undefined),
  );
  // Only a generated file the manifest lists, whose hash matches: never a conflict, forced or not.
  const deletes = plan.actions.filter((a) => a.kind === 'delete');
  return { writes, deletes };
}
