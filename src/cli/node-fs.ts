/** The output stage's file system on the real disk, rooted at the output folder. */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EntryKind, OutputFs } from '../output/fs-port.js';

export function nodeOutputFs(root: string): OutputFs {
  const abs = (path: string) => join(root, ...path.split('/'));
  return {
    async kind(path): Promise<EntryKind | undefined> {
      try {
        const s = await lstat(abs(path));
        return s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    read: (path) => readFile(abs(path), 'utf8'),
    async writeAtomic(path, content) {
      const target = abs(path);
      await mkdir(dirname(target), { recursive: true });
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(temp, content, 'utf8');
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async remove(path) {
      await unlink(abs(path));
    },
  };
}
