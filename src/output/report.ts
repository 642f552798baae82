/** Plain-text renderings of a plan: the --dry-run listing and the --check drift report with diffs. */
import { contentOf, drift, previousOf, type Action, type ActionKind, type Plan } from './plan.js';

/** Something about the folder besides its files that --check fails on (a run in progress, a temporary file, the manifest). */
export interface DriftItem {
  readonly what: string;
  readonly path: string;
  readonly detail: string;
}

const LABEL: Record<ActionKind, string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  merge: 'merge',
  keep: 'skip',
  delete: 'delete',
  conflict: 'conflict',
  orphan: 'orphan',
  foreign: 'foreign',
};

const names = (kind: string, list: readonly string[]) => `${kind}${list.length > 1 ? 's' : ''} ${list.join(', ')}`;

/** Handlers of a user-owned file whose commands left the model (merge, keep). */
const staleOf = (a: Action): readonly string[] => (a.kind === 'merge' || a.kind === 'keep' ? (a.stale ?? []) : []);

/** The note of a kept file whose handlers were not checked. */
const keptWhy = (a: Action): string | undefined => (a.kind === 'keep' ? a.reason : undefined);

function detail(a: Action): string {
  const parts: string[] = [];
  if (a.kind === 'keep') parts.push('user-owned, kept as it is');
  if (a.kind === 'merge' && a.added.length > 0) parts.push(`adds ${a.added.join(', ')}`);
  const stale = staleOf(a);
  if (stale.length > 0) parts.push(`${names('handler', stale)} no longer in the model (not deleted)`);
  switch (a.kind) {
    case 'create':
    case 'keep':
      if (a.reason) parts.push(a.reason);
      break;
    case 'conflict':
    case 'orphan':
      parts.push(a.reason);
      break;
    case 'foreign':
      parts.push(a.reason);
      if (a.lacks?.length) parts.push(`it lacks ${names('handler', a.lacks)}: add them yourself`);
      break;
    default:
      break;
  }
  return parts.length ? ` (${parts.join('; ')})` : '';
}

export function countByKind(plan: Plan): Record<ActionKind, number> {
  const counts: Record<ActionKind, number> = { create: 0, update: 0, unchanged: 0, merge: 0, keep: 0, delete: 0, conflict: 0, orphan: 0, foreign: 0 };
  for (const a of plan.actions) counts[a.kind]++;
  return counts;
}

export function summary(plan: Plan): string {
  const c = countByKind(plan);
  const parts = (['create', 'update', 'merge', 'delete', 'unchanged', 'keep', 'conflict', 'orphan', 'foreign'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${LABEL[k]}`);
  return parts.join(', ') || 'nothing to do';
}

/** Every action, one line each: `create  services/application/src/main.ts`. */
export function renderPlan(plan: Plan, options: { verbose: boolean }): string {
  const lines: string[] = [];
  for (const a of plan.actions) {
    if (!options.verbose && (a.kind === 'unchanged' || (a.kind === 'keep' && staleOf(a).length === 0 && !keptWhy(a)))) continue;
    lines.push(`${LABEL[a.kind].padEnd(9)} ${a.path}${detail(a)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Notes worth printing on every run: stale handlers, orphaned and foreign user-owned files, and the stage's own. */
export function renderNotes(plan: Plan, extra: readonly string[] = []): string {
  const fromPlan = plan.actions
    .filter((a) => staleOf(a).length > 0 || a.kind === 'orphan' || a.kind === 'foreign' || keptWhy(a))
    .map((a) => `note: ${a.path}${detail(a)}\n`);
  return [...extra.map((n) => `note: ${n}\n`), ...fromPlan].join('');
}

const DRIFT: Partial<Record<ActionKind, string>> = {
  create: 'missing',
  update: 'stale',
  delete: 'leftover',
  merge: 'needs stubs',
  conflict: 'edited by hand',
};

function driftLabel(a: Action): string {
  if (a.kind === 'conflict' && !a.forceable) return 'not written by msa-gen';
  return DRIFT[a.kind] ?? a.kind;
}

export async function renderDrift(plan: Plan, extra: readonly DriftItem[] = []): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const out: string[] = [];
  for (const d of extra) out.push(`${d.what}: ${d.path} (${d.detail})`);
  for (const a of drift(plan)) out.push(`${driftLabel(a)}: ${a.path}${detail(a)}`);
  out.push('');
  for (const a of drift(plan)) {
    if (a.kind === 'conflict' && !a.forceable) continue; // not msa-gen's file: no diff that suggests replacing it
    const before = previousOf(a) ?? '';
    const after = contentOf(a) ?? '';
    if (before === after) continue;
    const patch = createTwoFilesPatch(`a/${a.path}`, `b/${a.path}`, before, after, 'on disk', 'from the model', { context: 3 });
    out.push(patch.split('\n').slice(1).join('\n').replace(/\n+$/, ''));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
