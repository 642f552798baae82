/**
 * The plan: what scaffold would do to the output folder, computed from the generated files, what
 * is on disk and the manifest. The same plan is written (`scaffold`), printed (`--dry-run`) or
 * checked (`--check`); only the last step differs.
 */
import type { GeneratedFile, ObjectMembersMerge, Ownership } from '../generators/types.js';
import { GENERATED_HEADER } from '../generators/types.js';
import { sha256, type Manifest, type ManifestEntry } from './manifest.js';

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
  /** A generated file edited by hand (or a file scaffold did not write): refused without --force. */
  | 'conflict'
  /** A user-owned file the model no longer produces: reported, never deleted. */
  | 'orphan';

export interface Action {
  readonly kind: ActionKind;
  readonly path: string;
  readonly ownership: Ownership;
  /** What will be on disk after the action (create, update, merge, and conflict when forced). */
  readonly content?: string;
  /** What is on disk now. */
  readonly previous?: string;
  /** merge: the members added. */
  readonly added?: readonly string[];
  /** Handlers still in a user-owned file whose commands left the model. */
  readonly stale?: readonly string[];
  readonly reason?: string;
}

export interface Plan {
  readonly actions: readonly Action[];
  /** The manifest once the plan is applied. */
  readonly manifest: Manifest;
  readonly force: boolean;
}

/** Adds missing members to a user-owned file (ts-morph, loaded only when a merge is needed). */
export interface Merger {
  /** The members of `spec` that the file lacks, exactly. */
  missingMembers(path: string, content: string, spec: ObjectMembersMerge): string[];
  /** The file with those members appended to the object literal; everything else untouched. */
  addMembers(path: string, content: string, spec: ObjectMembersMerge, names: readonly string[]): string;
}

export interface PlanInput {
  readonly files: readonly GeneratedFile[];
  /** Content of each existing path among the generated ones and the manifest's. */
  readonly disk: ReadonlyMap<string, string>;
  readonly manifest: Manifest;
  readonly force: boolean;
  readonly merger: () => Promise<Merger>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A cheap, conservative test: false only when the member certainly appears in the text. */
function mayLack(content: string, name: string): boolean {
  return !new RegExp(`(^|[\\s,{])(async\\s+)?${escapeRe(name)}\\s*[(:<]`, 'm').test(content);
}

function mentions(content: string, name: string): boolean {
  return new RegExp(`\\b${escapeRe(name)}\\b`).test(content);
}

function writtenByUs(content: string): boolean {
  return content.slice(0, 200).includes(GENERATED_HEADER);
}

export async function planOutput(input: PlanInput): Promise<Plan> {
  const previous = new Map(input.manifest.files.map((f) => [f.path, f]));
  const actions: Action[] = [];
  const entries: ManifestEntry[] = [];
  let merger: Merger | undefined;
  const getMerger = async () => (merger ??= await input.merger());
  const generatedPaths = new Set(input.files.map((f) => f.path));

  for (const file of input.files) {
    const onDisk = input.disk.get(file.path);
    const known = previous.get(file.path);
    if (file.ownership === 'generated') {
      const entry: ManifestEntry = { path: file.path, ownership: 'generated', sha256: sha256(file.content) };
      if (onDisk === undefined) {
        actions.push({ kind: 'create', path: file.path, ownership: 'generated', content: file.content, ...(known ? { reason: 'missing' } : {}) });
      } else if (onDisk === file.content) {
        actions.push({ kind: 'unchanged', path: file.path, ownership: 'generated' });
      } else {
        const handEdited = known ? sha256(onDisk) !== known.sha256 : !writtenByUs(onDisk);
        if (handEdited) {
          actions.push({
            kind: 'conflict',
            path: file.path,
            ownership: 'generated',
            content: file.content,
            previous: onDisk,
            reason: known ? 'edited by hand since msa-gen wrote it' : 'exists and was not written by msa-gen',
          });
        } else {
          actions.push({ kind: 'update', path: file.path, ownership: 'generated', content: file.content, previous: onDisk });
        }
      }
      entries.push(entry);
      continue;
    }

    // user-owned
    const spec = file.merge;
    const wanted = spec ? spec.members.map((m) => m.name) : undefined;
    if (onDisk === undefined) {
      actions.push({
        kind: 'create',
        path: file.path,
        ownership: 'user-owned',
        content: file.content,
        ...(known ? { reason: 'missing (deleted?): written again' } : {}),
      });
      entries.push({ path: file.path, ownership: 'user-owned', sha256: sha256(file.content), ...(wanted ? { members: wanted } : {}) });
      continue;
    }
    let content = onDisk;
    let added: string[] = [];
    if (spec && wanted!.some((name) => mayLack(onDisk, name))) {
      const m = await getMerger();
      const missing = m.missingMembers(file.path, onDisk, spec);
      if (missing.length > 0) {
        content = m.addMembers(file.path, onDisk, spec, missing);
        added = missing;
      }
    }
    const before = known?.members ?? [];
    const stale = before.filter((name) => !(wanted ?? []).includes(name) && mentions(content, name));
    const members = wanted ? [...wanted, ...stale] : undefined;
    if (added.length > 0) {
      actions.push({ kind: 'merge', path: file.path, ownership: 'user-owned', content, previous: onDisk, added, ...(stale.length ? { stale } : {}) });
      entries.push({ path: file.path, ownership: 'user-owned', sha256: sha256(content), ...(members ? { members } : {}) });
    } else {
      actions.push({ kind: 'keep', path: file.path, ownership: 'user-owned', ...(stale.length ? { stale } : {}) });
      entries.push({ path: file.path, ownership: 'user-owned', sha256: known?.sha256 ?? sha256(onDisk), ...(members ? { members } : {}) });
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
      actions.push({ kind: 'conflict', path: old.path, ownership: 'generated', previous: onDisk, reason: 'no longer generated, but edited by hand' });
    }
  }

  actions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { actions, manifest: { version: 1, files: entries }, force: input.force };
}

export const conflicts = (plan: Plan) => plan.actions.filter((a) => a.kind === 'conflict');

/** Actions that mean the output folder does not match the model (what --check fails on). */
export const drift = (plan: Plan) => plan.actions.filter((a) => a.kind !== 'unchanged' && a.kind !== 'keep' && a.kind !== 'orphan');

/** Paths that will be written (atomic) or removed, given --force. */
export function changes(plan: Plan): { writes: Action[]; deletes: Action[] } {
  const writes = plan.actions.filter(
    (a) => a.kind === 'create' || a.kind === 'update' || a.kind === 'merge' || (a.kind === 'conflict' && plan.force && a.content !== undefined),
  );
  const deletes = plan.actions.filter((a) => a.kind === 'delete' || (a.kind === 'conflict' && plan.force && a.content === undefined));
  return { writes, deletes };
}
