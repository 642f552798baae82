/**
 * node:fs/promises for dist/cli/validate.cjs (scripts/build.mjs): `open(path, 'r')` there gives a
 * handle that reads with synchronous calls; everything else is the real module, loaded at its
 * first use. Validate reads its model files and nothing else, with nothing to do meanwhile, and
 * Node's fs/promises costs its start-up a module load (with readline and streams), the start of
 * the thread pool and an event-loop round trip per call. Same bytes, same errors (thrown by the
 * same calls, so a missing file is still ENOENT from open).
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export interface SyncReadHandle {
  stat(): Promise<Stats>;
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number; buffer: Uint8Array }>;
  close(): Promise<void>;
}

export async function openForReading(path: string): Promise<SyncReadHandle> {
  const fd = openSync(path, 'r');
  let open = true;
  return {
    stat: async () => fstatSync(fd),
    read: async (buffer, offset, length, position) => ({ bytesRead: readSync(fd, buffer, offset, length, position), buffer }),
    close: async () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
