/** Plain-text renderings of a plan: the --dry-run listing and the --check drift report with diffs. */
import type { Action, Plan } from './plan.js';
import { drift } from './plan.js';

const LABEL: Record<Action['kind'], string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  merge: 'merge',
  keep: 'skip',
  delete: 'delete',
  conflict: 'conflict',
  orphan: 'orphan',
};

function detail(a: Action): string {
  const parts: string[] = [];
  if (a.kind === 'keep') parts.push('user-owned, kept as it is');
  if (a.added?.length) parts.push(`adds ${a.added.join(', ')}`);
  if (a.stale?.length) parts.push(`handler${a.stale.length > 1 ? 's' : ''} ${a.stale.join(', ')} no longer in the model (not deleted)`);
  if (a.reason) parts.push(a.reason);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

export function countByKind(plan: Plan): Record<Action['kind'], number> {
  const counts = { create: 0, update: 0, unchanged: 0, merge: 0, keep: 0, delete: 0, conflict: 0, orphan: 0 };
  for (const a of plan.actions) counts[a.kind]++;
  return counts;
}

export function summary(plan: Plan): string {
  const c = countByKind(plan);
  const parts = (['create', 'update', 'merge', 'delete', 'unchanged', 'keep', 'conflict', 'orphan'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${LABEL[k]}`);
  return parts.join(', ') || 'nothing to do';
}

/** Every action, one line each: `create  services/application/src/main.ts`. */
export function renderPlan(plan: Plan, options: { verbose: boolean }): string {
  const lines: string[] = [];
  for (const a of plan.actions) {
    if (!options.verbose && (a.kind === 'unchanged' || (a.kind === 'keep' && !a.stale?.length))) continue;
    lines.push(`${LABEL[a.kind].padEnd(9)} ${a.path}${detail(a)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Notes worth printing on every run: stale handlers and orphaned user-owned files. */
export function renderNotes(plan: Plan): string {
  return plan.actions
    .filter((a) => a.stale?.length || a.kind === 'orphan')
    .map((a) => `note: ${a.path}${detail(a)}\n`)
    .join('');
}

const DRIFT: Partial<Record<Action['kind'], string>> = {
  create: 'missing',
  update: 'stale',
  delete: 'leftover',
  merge: 'needs stubs',
  conflict: 'edited by hand',
};

export async function renderDrift(plan: Plan): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const out: string[] = [];
  for (const a of drift(plan)) {
    const what = DRIFT[a.kind] ?? a.kind;
    out.push(`${what}: ${a.path}${detail(a)}`);
  }
  out.push('');
  for (const a of drift(plan)) {
    const before = a.previous ?? '';
    const after = a.content ?? '';
    if (before === after) continue;
    const patch = createTwoFilesPatch(`a/${a.path}`, `b/${a.path}`, before, after, 'on disk', 'from the model', { context: 3 });
    out.push(patch.split('\n').slice(1).join('\n').replace(/\n+$/, ''));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
