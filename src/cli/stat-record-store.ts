/**
 * Where the stat record of an output folder lives (src/output/stat-record.ts says what it is):
 * one file per output folder in the per-user cache folder (cache-folder.ts), under
 * `output-stat/`, named by the hash of the folder's real path. Not in the output folder:
 *
 *  - the output folder is committed (examples/gov24 is), and `.msa-gen/manifest.json` must be
 *    byte-identical across machines; inode numbers and nanosecond times are not. A file beside
 *    it would need an ignore file of its own in every output folder, and would travel with
 *    `cp -a`, rsync or a tarball to where none of its entries can match;
 *  - --check and --dry-run may run on a read-only checkout and must not write into it;
 *  - the cache folder is this user's alone (made 0700, refused when someone else owns it or may
 *    write it; so is a record file), so no other user can plant a record that vouches for a file.
 *
 * The record names the folder it is about (real path, device and inode of the folder): a record
 * of a folder since deleted and made again, or a hash collision, is ignored. Its write time,
 * which the racily-clean rule compares against, is its own mtime: the kernel's clock, as for the
 * output folder's files on any local file system. (An output folder on a network file system
 * has its server's clock; a server running behind lets more of the record be trusted, within
 * the same limits as git's index there.)
 *
 * Records are small (about 120 bytes per file); record-file.ts stores them (written whole,
 * pruned after 30 days or beyond 200). Every failure is silent: without a record a run reads
 * the whole folder, as it did before there was one.
 */
import { parseRecord, serializeRecord, type RecordStore } from '../output/stat-record.js';
import { recordFile } from './record-file.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The stat record store of the output folder `folder` (absolute), or undefined when caching is off. */
export function nodeRecordStore(folder: string, env: Env): RecordStore | undefined {
  const file = recordFile(folder, env, 'output-stat', '.record');
  if (file === undefined) return undefined;
  return {
    async load() {
      const stored = file.read();
      return stored === undefined ? undefined : parseRecord(stored.text, stored.id, stored.writtenNs);
    },
    async save(entries) {
      file.write((id) => serializeRecord(id, entries));
    },
  };
}
