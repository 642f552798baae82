/**
 * Reads what is on disk at the paths a plan is about, refusing anything that would let a write
 * escape the output folder: a symlink on the way to a file, or a folder where a file goes.
 */
import type { OutputFs } from './fs-port.js';
import { ConfinementError, checkOutputPath, parentFolders } from './paths.js';

export async function readDisk(fs: OutputFs, paths: Iterable<string>): Promise<Map<string, string>> {
  const disk = new Map<string, string>();
  const checkedFolders = new Map<string, boolean>(); // folder → exists
  for (const raw of [...new Set(paths)].sort()) {
    const path = checkOutputPath(raw);
    let parentMissing = false;
    for (const folder of parentFolders(path)) {
      let exists = checkedFolders.get(folder);
      if (exists === undefined) {
        const kind = parentMissing ? undefined : await fs.kind(folder);
        if (kind === 'symlink') throw new ConfinementError(`"${folder}" is a symbolic link; refusing to write through it`);
        if (kind !== undefined && kind !== 'dir') throw new ConfinementError(`"${folder}" is not a folder`);
        exists = kind === 'dir';
        checkedFolders.set(folder, exists);
      }
      if (!exists) parentMissing = true;
    }
    if (parentMissing) continue;
    const kind = await fs.kind(path);
    if (kind === undefined) continue;
    if (kind === 'symlink') throw new ConfinementError(`"${path}" is a symbolic link; refusing to write through it`);
    if (kind !== 'file') throw new ConfinementError(`"${path}" is not a regular file`);
    disk.set(path, await fs.read(path));
  }
  return disk;
}
