/** Writes a checked plan: every file atomically, then deletions, then the manifest last. */
import { inParallel } from './disk.js';
import type { OutputFs } from './fs-port.js';
import { MANIFEST_PATH, serializeManifest } from './manifest.js';
import { changes, conflicts, type Plan } from './plan.js';

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

export async function applyPlan(fs: OutputFs, plan: Plan): Promise<{ written: number; deleted: number }> {
  if (!plan.force && conflicts(plan).length > 0) throw new ConflictError('the plan has conflicts; nothing written');
  const { writes, deletes } = changes(plan);
  // Files are independent: write several at a time (each one atomically), then delete.
  await inParallel(writes, (a) => fs.writeAtomic(a.path, a.content!));
  await inParallel(deletes, (a) => fs.remove(a.path));
  await fs.writeAtomic(MANIFEST_PATH, serializeManifest(plan.manifest));
  return { written: writes.length, deleted: deletes.length };
}

