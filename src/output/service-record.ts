/**
 * The service record of an output folder: per context, the key of its service as the last run
 * that wrote the folder generated it (src/generators/index.ts serviceKey: a hash of everything
 * its files are made from), and the path and sha256 of each generated file that key gave. A run
 * whose key of a context is the same skips generating that service's files (src/core/service-cache.ts),
 * and only when the disk still holds exactly those files.
 *
 * Like the stat record (stat-record.ts) it is a cache, never a source of truth: machine-local,
 * kept outside the output folder (src/cli/service-record-store.ts), never part of the committed
 * manifest; damaged, of another version or about another folder, it is ignored as a whole
 * (`parseServiceRecord` answers undefined), which only costs the next run its generation.
 */
import { framedRecord, recordBody } from './record-frame.js';

export interface RecordedFile {
  readonly path: string;
  readonly sha256: string;
}

export interface RecordedService {
  /** The service's key (serviceKey). */
  readonly key: string;
  /** Its generated files (not the user-owned ones): what that key generates. */
  readonly files: readonly RecordedFile[];
}

/** By context name. */
export type ServiceRecord = ReadonlyMap<string, RecordedService>;

const MAGIC = 'msa-gen service record 1';
const SHA256 = /^[0-9a-f]{64}$/;


/** The record's text: a header (version, the folder it is about, the hash of the body), then one JSON line per context, sorted. */
export function serializeServiceRecord(folder: string, record: ServiceRecord): string {
  const lines: string[] = [];
  for (const context of [...record.keys()].sort()) {
    const s = record.get(context)!;
    lines.push(`${JSON.stringify([context, s.key, s.files.map((f) => [f.path, f.sha256])])}\n`);
  }
  const body = lines.join('');
  return framedRecord(MAGIC, folder, body);
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The record in `text` if it is intact and about `folder`; otherwise undefined. */
export function parseServiceRecord(text: string, folder: string): ServiceRecord | undefined {
  const body = recordBody(text, MAGIC, folder);
  if (body === undefined) return undefined;
  const record = new Map<string, RecordedService>();
  try {
    for (const line of body.split('\n')) {
      if (line === '') continue;
      const entry: unknown = JSON.parse(line);
      if (!Array.isArray(entry) || entry.length !== 3) return undefined;
      const [context, key, files] = entry as unknown[];
      if (!isString(context) || !isString(key) || !SHA256.test(key) || !Array.isArray(files) || record.has(context)) return undefined;
      const list: RecordedFile[] = [];
      for (const f of files) {
        if (!Array.isArray(f) || f.length !== 2 || !isString(f[0]) || !isString(f[1]) || !SHA256.test(f[1])) return undefined;
        list.push({ path: f[0], sha256: f[1] });
      }
      record.set(context, { key, files: list });
    }
  } catch {
    return undefined;
  }
  return record;
}

/** Where a run keeps the service record of its output folder: machine-local, outside the folder (src/cli). */
export interface ServiceRecordStore {
  /** The record, or undefined when there is none or it cannot be trusted. Never throws. */
  load(): Promise<ServiceRecord | undefined>;
  /** Replaces the record. Never throws: a record not saved only costs the next run its generation. */
  save(record: ServiceRecord): Promise<void>;
}
