/**
 * The stat record: what lets a run skip reading the files that have not changed since msa-gen
 * last wrote or read them, the way git's index does. Per file: its size, mtime and ctime in
 * nanoseconds, inode and device, and the sha256 of its content. A file whose lstat still gives
 * exactly those five values is trusted to hold that content and is not read.
 *
 * The record is a cache, never a source of truth: it is machine-local (inode and device numbers
 * mean nothing elsewhere), never part of the output folder's committed state (the manifest is
 * byte-identical across machines; this is not), and anything wrong with it only costs a read:
 *
 *  - a record that is damaged (its body's hash does not match its header), of another version,
 *    or about another folder is ignored as a whole (`parseRecord` answers undefined);
 *  - an entry is trusted only when all five values match. Writing a file changes its mtime and
 *    ctime; restoring the mtime (touch -r, utimes) changes the ctime, which no program can set;
 *    replacing the file changes the inode;
 *  - "racily clean" (git's term): a file changed in the same clock tick as the record was
 *    written can keep an identical stat. An entry whose mtime or ctime is not older than the
 *    record's own write time (the mtime of the record file) is read again;
 *  - a file the plan must read anyway (an update needs what it replaces) is read, and a content
 *    whose hash is not the trusted one stops the run (`DiskFile.text`).
 *
 * What the record cannot see, git's index cannot either: a file rewritten with the same size
 * within the very clock tick (a few milliseconds) in which msa-gen wrote or read it, or a clock
 * set back. Where the record lives is the caller's business (src/cli/stat-record-store.ts).
 */
import { framedRecord, recordBody } from './record-frame.js';

/** What an lstat says about a regular file, as far as the record compares it. */
export interface FileStamp {
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
  readonly ino: bigint;
  readonly dev: bigint;
}

export interface RecordEntry {
  readonly stamp: FileStamp;
  readonly sha256: string;
}

export interface StatRecord {
  /** When the record was written, on the file system's clock (its file's mtime), in nanoseconds. */
  readonly writtenNs: bigint;
  readonly entries: ReadonlyMap<string, RecordEntry>;
}

const MAGIC = 'msa-gen stat record 1';
const SHA256 = /^[0-9a-f]{64}$/;
const DIGITS = /^[0-9]{1,20}$/;

const stampKey = (s: FileStamp) => `${s.size} ${s.mtimeNs} ${s.ctimeNs} ${s.ino} ${s.dev}`;

/**
 * The record's text: a header (version, the folder it is about, the hash of the body), then one
 * line per path, sorted: `sha256 size mtime ctime inode device path`. A path with a line break
 * (never one of msa-gen's) is left out.
 */
export function serializeRecord(folder: string, entries: ReadonlyMap<string, RecordEntry>): string {
  const lines: string[] = [];
  for (const path of [...entries.keys()].sort()) {
    if (path.includes('\n') || path.includes('\r')) continue;
    const e = entries.get(path)!;
    lines.push(`${e.sha256} ${stampKey(e.stamp)} ${path}\n`);
  }
  const body = lines.join('');
  return framedRecord(MAGIC, folder, body);
}

/** The record in `text`, written at `writtenNs`, if it is intact and about `folder`; otherwise undefined. */
export function parseRecord(text: string, folder: string, writtenNs: bigint): StatRecord | undefined {
  const body = recordBody(text, MAGIC, folder);
  if (body === undefined) return undefined;
  const entries = new Map<string, RecordEntry>();
  for (const line of body.split('\n')) {
    if (line === '') continue;
    const parts = line.split(' ');
    if (parts.length < 7) return undefined;
    const [sha256, ...numbers] = parts.slice(0, 6);
    const path = parts.slice(6).join(' ');
    if (!SHA256.test(sha256!) || !numbers.every((n) => DIGITS.test(n)) || path === '' || entries.has(path)) return undefined;
    const [size, mtimeNs, ctimeNs, ino, dev] = numbers.map(BigInt) as [bigint, bigint, bigint, bigint, bigint];
    entries.set(path, { sha256: sha256!, stamp: { size, mtimeNs, ctimeNs, ino, dev } });
  }
  return { writtenNs, entries };
}

/** The sha256 the record vouches for at `path`, given the file's stamp now; undefined: read the file. */
export function trustedHash(record: StatRecord | undefined, path: string, stamp: FileStamp | undefined): string | undefined {
  const entry = record?.entries.get(path);
  if (!entry || !stamp) return undefined;
  const e = entry.stamp;
  if (e.size !== stamp.size || e.mtimeNs !== stamp.mtimeNs || e.ctimeNs !== stamp.ctimeNs || e.ino !== stamp.ino || e.dev !== stamp.dev) return undefined;
  // Racily clean: changed in the tick the record was written, the stat may not show it.
  if (stamp.mtimeNs >= record!.writtenNs || stamp.ctimeNs >= record!.writtenNs) return undefined;
  return entry.sha256;
}

/** Where a run keeps the record of its output folder: machine-local, outside the folder (src/cli). */
export interface RecordStore {
  /** The record, or undefined when there is none or it cannot be trusted. Never throws. */
  load(): Promise<StatRecord | undefined>;
  /** Replaces the record. Never throws: a record not saved only costs the next run a full read. */
  save(entries: ReadonlyMap<string, RecordEntry>): Promise<void>;
}
