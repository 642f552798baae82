/** Plain-text renderings of a plan: the --dry-run listing and the --check drift report with diffs. */
import type { Action, ActionKind, Plan } from './plan.js';
import { drift } from './plan.js';

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

function detail(a: Action): string {
  const parts: string[] = [];
  if (a.kind === 'keep') parts.push('user-owned, kept as it is');
  if (a.added?.length) parts.push(`adds ${a.added.join(', ')}`);
  if (a.stale?.length) parts.push(`handler${a.stale.length > 1 ? 's' : ''} ${a.stale.join(', ')} no longer in the model (not deleted)`);
  if (a.reason) parts.push(a.reason);
  if (a.lacks?.length) parts.push(`it lacks handler${a.lacks.length > 1 ? 's' : ''} ${a.lacks.join(', ')}: add them yourself`);
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
    if (!options.verbose && (a.kind === 'unchanged' || (a.kind === 'keep' && !a.stale?.length && !a.reason))) continue;
    lines.push(`${LABEL[a.kind].padEnd(9)} ${a.path}${detail(a)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Notes worth printing on every run: stale handlers, orphaned and foreign user-owned files, and the stage's own. */
export function renderNotes(plan: Plan, extra: readonly string[] = []): string {
  const fromPlan = plan.actions
    .filter((a) => a.stale?.length || a.kind === 'orphan' || a.kind === 'foreign' || (a.kind === 'keep' && a.reason))
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
    const before = a.previous ?? '';
    const after = a.content ?? '';
    if (before === after) continue;
    const patch = createTwoFilesPatch(`a/${a.path}`, `b/${a.path}`, before, after, 'on disk', 'from the model', { context: 3 });
    out.push(patch.split('\n').slice(1).join('\n').replace(/\n+$/, ''));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
