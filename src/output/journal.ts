/**
 * `.msa-gen/journal.json`: what a run is about to change, written (and fsynced) before its first
 * temporary file and removed after the manifest is written. Per touched path: the hash of what
 * was there and of what the run writes (null: absent), the manifest entry before and after, and
 * the temporary file it goes through.
 *
 * A run killed at any moment leaves either no journal (nothing changed but, at most, the lock
 * and the journal's own temporary file) or a journal naming every file it may have changed.
 * The next run rebuilds the manifest from it (per path: what is on disk says which entry holds),
 * removes the temporary files it names, and plans as usual. The journal is untrusted input like
 * the manifest: parsed strictly, paths inside what msa-gen owns, temp names exactly the ones
 * msa-gen derives from their paths, so it can never name a file of the user's for removal.
 */
import { ManifestError, parseEntry, sha256, type Manifest, type ManifestEntry } from './manifest.js';
import { tempPathFor } from './paths.js';

export const JOURNAL_PATH = '.msa-gen/journal.json';

export interface JournalOp {
  readonly path: string;
  /** The temporary file written for this path (null for a deletion). */
  readonly temp: string | null;
  /** sha256 of the file before the run (null: absent). */
  readonly previousSha256: string | null;
  /** sha256 of the file after the run (null: deleted). */
  readonly newSha256: string | null;
  /** The manifest entry before the run (null: none). */
  readonly previousEntry: ManifestEntry | null;
  /** The manifest entry after the run (null: none). */
  readonly newEntry: ManifestEntry | null;
}

export interface Journal {
  readonly version: 1;
  readonly ops: readonly JournalOp[];
}

export function serializeJournal(journal: Journal): string {
  return `${JSON.stringify({ version: 1, ops: journal.ops }, null, 2)}\n`;
}

const SHA256 = /^[0-9a-f]{64}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseJournal(text: string): Journal {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ManifestError(`${JOURNAL_PATH} is not valid JSON`);
  }
  if (!isObject(data) || data['version'] !== 1 || !Array.isArray(data['ops']) || Object.keys(data).length !== 2) {
    throw new ManifestError(`${JOURNAL_PATH} is not an msa-gen journal (version 1)`);
  }
  const seen = new Set<string>();
  const ops = (data['ops'] as unknown[]).map((value, i): JournalOp => {
    const where = `${JOURNAL_PATH}, operation ${i + 1}`;
    const keys = ['path', 'temp', 'previousSha256', 'newSha256', 'previousEntry', 'newEntry'];
    if (!isObject(value) || Object.keys(value).length !== keys.length || !keys.every((k) => k in value)) {
      throw new ManifestError(`${where} does not have exactly the fields ${keys.join(', ')}`);
    }
    const hash = (v: unknown, name: string): string | null => {
      if (v === null) return null;
      if (typeof v === 'string' && SHA256.test(v)) return v;
      throw new ManifestError(`${where}: "${name}" must be null or 64 lowercase hexadecimal digits`);
    };
    const entry = (v: unknown, name: string): ManifestEntry | null => (v === null ? null : parseEntry(v, `${where}, ${name}`));
    const previousEntry = entry(value['previousEntry'], 'previousEntry');
    const newEntry = entry(value['newEntry'], 'newEntry');
    const path = value['path'];
    if (typeof path !== 'string' || (!previousEntry && !newEntry)) throw new ManifestError(`${where} names no path msa-gen owns`);
    for (const e of [previousEntry, newEntry]) {
      if (e && e.path !== path) throw new ManifestError(`${where}: its entries are about "${e.path}", not "${path}"`);
    }
    const newSha256 = hash(value['newSha256'], 'newSha256');
    const temp = value['temp'];
    if (newSha256 === null ? temp !== null : temp !== tempPathFor(path)) {
      throw new ManifestError(`${where}: "temp" must be ${newSha256 === null ? 'null' : `"${tempPathFor(path)}"`}`);
    }
    if (seen.has(path)) throw new ManifestError(`${JOURNAL_PATH} names "${path}" twice`);
    seen.add(path);
    return { path, temp: temp as string | null, previousSha256: hash(value['previousSha256'], 'previousSha256'), newSha256, previousEntry, newEntry };
  });
  return { version: 1, ops };
}

/**
 * The manifest as it really is after an interrupted run: per journaled path, the entry matching
 * what is on disk (the new one when the rename happened, the old one when it did not). A file
 * matching neither was edited after the run wrote it: its entry stays the one msa-gen last had,
 * so the plan reports the hand edit as a conflict instead of overwriting it.
 */
export function recoverManifest(onDisk: Manifest, journal: Journal, disk: ReadonlyMap<string, string>): Manifest {
  const entries = new Map(onDisk.files.map((e) => [e.path, e]));
  for (const op of journal.ops) {
    const content = disk.get(op.path);
    const hash = content === undefined ? null : sha256(content);
    const entry = hash === op.newSha256 ? op.newEntry : hash === op.previousSha256 ? op.previousEntry : (op.newEntry ?? op.previousEntry);
    if (entry) entries.set(op.path, entry);
    else entries.delete(op.path);
  }
  return { version: 1, files: [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
