/**
 * Where the service record of an output folder lives (src/output/service-record.ts says what it
 * is): one file per output folder in the per-user cache folder (cache-folder.ts), under
 * `output-services/`, named by the hash of the folder's real path, beside the stat records
 * (stat-record-store.ts) and for the same reasons: not in the output folder, whose committed
 * state must be the same on every machine; this user's alone (a folder and files no one else may
 * write), so no other user can plant a record.
 *
 * The record names the folder it is about (real path, device and inode): a record of a folder
 * since deleted and made again is ignored, and a fresh folder has none, so its first scaffold
 * generates everything. record-file.ts stores it (written whole, pruned after 30 days or beyond
 * 200). Every failure is silent: without a record a run generates every service.
 */
import { parseServiceRecord, serializeServiceRecord, type ServiceRecordStore } from '../output/service-record.js';
import { recordFile } from './record-file.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The service record store of the output folder `folder` (absolute), or undefined when caching is off. */
export function nodeServiceRecordStore(folder: string, env: Env): ServiceRecordStore | undefined {
  const file = recordFile(folder, env, 'output-services', '.services');
  if (file === undefined) return undefined;
  return {
    async load() {
      const stored = file.read();
      return stored === undefined ? undefined : parseServiceRecord(stored.text, stored.id);
    },
    async save(record) {
      file.write((id) => serializeServiceRecord(id, record));
    },
  };
}
