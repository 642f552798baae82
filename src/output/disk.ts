/**
 * Reads what is on disk at the paths a plan is about, refusing anything that would let a write
 * escape the output folder: a symlink on the way to a file, or a folder where a file goes.
 */
import type { OutputFs } from './fs-port.js';
import { ConfinementError, checkOutputPath } from '../tree/index.js';
import { parentFolders } from './paths.js';

/**
 * Runs `work` over `items`, at most `limit` at a time. After a failure no new item starts; the
 * first failure is thrown once the running ones settle.
 */
export async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>, limit = 16): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length && errors.length === 0) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}

export async function readDisk(fs: OutputFs, paths: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set([...paths].map(checkOutputPath))].sort();
  // Folders first, outermost first: a symlink or a file on the way stops everything.
  const folders = [...new Set(all.flatMap(parentFolders))].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  const exists = new Map<string, boolean>();
  for (const folder of folders) {
    const parent = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : undefined;
    if (parent !== undefined && !exists.get(parent)) {
      exists.set(folder, false);
      continue;
    }
    const kind = await fs.kind(folder);
    if (kind === 'symlink') throw new ConfinementError(`"${folder}" is a symbolic link; refusing to write through it`);
    if (kind !== undefined && kind !== 'dir') throw new ConfinementError(`"${folder}" is not a folder`);
    exists.set(folder, kind === 'dir');
  }
  const candidates = all.filter((path) => parentFolders(path).every((f) => exists.get(f)));
  const disk = new Map<string, string>();
  await inParallel(candidates, async (path) => {
    const kind = await fs.kind(path);
    if (kind === undefined) return;
    if (kind === 'symlink') throw new ConfinementError(`"${path}" is a symbolic link; refusing to write through it`);
    if (kind !== 'file') throw new ConfinementError(`"${path}" is not a regular file`);
    disk.set(path, await fs.read(path));
  });
  return new Map([...disk].sort(([a], [b]) => (a < b ? -1 : 1)));
}
