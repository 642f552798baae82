/**
 * `.msa-gen/manifest.json`: every file scaffold wrote, its ownership and the hash of what it
 * wrote. A generated file whose content no longer has that hash was edited by hand. Sorted, no
 * timestamps, so the manifest itself is byte-identical across runs and machines.
 *
 * The manifest is untrusted input: anyone can edit it, and it decides what scaffold may
 * overwrite or delete. It is parsed strictly (shape, hashes, member names, no duplicates) and
 * every path must be one msa-gen's generators can produce, with the ownership of its shape
 * (owned.ts). Anything else refuses the run: a manifest with one impossible entry was edited or
 * is corrupt, and none of its other hashes can be trusted either.
 */
import * as crypto from 'node:crypto';
import { ConfinementError, checkOutputPath, type Ownership } from '../tree/index.js';
import { ownershipProblem } from './owned.js';

export const MANIFEST_PATH = '.msa-gen/manifest.json';

export interface ManifestEntry {
  readonly path: string;
  readonly ownership: Ownership;
  /** sha256 of the content scaffold last wrote (for user-owned files: wrote or merged). */
  readonly sha256: string;
  /**
   * User-owned files with merged members: member names the content with hash `sha256` has (the
   * model's, and those whose command left the model but that are still there).
   */
  readonly members?: readonly string[];
  /**
   * User-owned files with merged members: the content with hash `sha256` is exactly what the
   * generators produced (written when the file was created; never merged into). Such a file,
   * still unedited, holds nothing of the user's, so a later run replaces it with the fresh
   * content instead of parsing it to add members. Absent (manifests of earlier versions, and
   * every merge result): the file is parsed.
   */
  readonly pristine?: true;
}

export interface Manifest {
  readonly version: 1;
  readonly files: readonly ManifestEntry[];
}

export const EMPTY_MANIFEST: Manifest = { version: 1, files: [] };

/**
 * Node's one-shot hash (Node 20.12 and later) where there is one: for the thousands of small
 * files of a large scaffold it costs about a third of a Hash object per file. A string is
 * hashed as its UTF-8 bytes either way.
 */
const oneShot: ((algorithm: string, data: string, encoding: 'hex') => string) | undefined = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** The sha256 of a text's UTF-8 bytes, in lowercase hexadecimal. */
export function sha256(content: string): string {
  return oneShot ? oneShot('sha256', content, 'hex') : crypto.createHash('sha256').update(content, 'utf8').digest('hex');
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

const SHA256 = /^[0-9a-f]{64}$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One manifest entry, checked: `where` names it in messages (`.msa-gen/manifest.json, entry 3`).
 * Shared with the journal, which holds entries of the same shape.
 */
export function parseEntry(value: unknown, where: string): ManifestEntry {
  if (!isObject(value)) throw new ManifestError(`${where} is not an object`);
  const unknownKeys = Object.keys(value).filter((k) => !['path', 'ownership', 'sha256', 'members', 'pristine'].includes(k));
  if (unknownKeys.length > 0) throw new ManifestError(`${where} has unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')}`);
  const { path, ownership, sha256: hash, members, pristine } = value;
  if (typeof path !== 'string') throw new ManifestError(`${where} has no "path" string`);
  try {
    checkOutputPath(path);
  } catch (error) {
    if (error instanceof ConfinementError) throw new ManifestError(`${where}: ${error.message}`);
    throw error;
  }
  if (ownership !== 'generated' && ownership !== 'user-owned') throw new ManifestError(`${where} ("${path}"): "ownership" must be "generated" or "user-owned"`);
  const problem = ownershipProblem(path, ownership);
  if (problem) throw new ManifestError(`${where}: ${problem}`);
  if (typeof hash !== 'string' || !SHA256.test(hash)) throw new ManifestError(`${where} ("${path}"): "sha256" must be 64 lowercase hexadecimal digits`);
  if (pristine !== undefined) {
    if (pristine !== true) throw new ManifestError(`${where} ("${path}"): "pristine" can only be true`);
    if (members === undefined) throw new ManifestError(`${where} ("${path}"): only user-owned files with "members" are "pristine"`);
  }
  if (members !== undefined) {
    if (ownership !== 'user-owned') throw new ManifestError(`${where} ("${path}"): only user-owned files have "members"`);
    if (!Array.isArray(members) || !members.every((m): m is string => typeof m === 'string' && IDENTIFIER.test(m))) {
      throw new ManifestError(`${where} ("${path}"): "members" must be a list of identifiers`);
    }
    if (new Set(members).size !== members.length) throw new ManifestError(`${where} ("${path}"): "members" lists a name twice`);
    return { path, ownership, sha256: hash, members: [...members], ...(pristine === true ? { pristine } : {}) };
  }
  return { path, ownership, sha256: hash };
}

export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ManifestError(`${MANIFEST_PATH} is not valid JSON`);
  }
  if (!isObject(data) || data['version'] !== 1 || !Array.isArray(data['files'])) {
    throw new ManifestError(`${MANIFEST_PATH} is not an msa-gen manifest (version 1)`);
  }
  const extra = Object.keys(data).filter((k) => k !== 'version' && k !== 'files');
  if (extra.length > 0) throw new ManifestError(`${MANIFEST_PATH} has unknown field${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`);
  const seen = new Set<string>();
  const files = (data['files'] as unknown[]).map((value, i) => {
    const entry = parseEntry(value, `${MANIFEST_PATH}, entry ${i + 1}`);
    if (seen.has(entry.path)) throw new ManifestError(`${MANIFEST_PATH} lists "${entry.path}" twice`);
    seen.add(entry.path);
    return entry;
  });
  return { version: 1, files };
}

export function serializeManifest(manifest: Manifest): string {
  const files = [...manifest.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ path: f.path, ownership: f.ownership, sha256: f.sha256, ...(f.members ? { members: [...f.members] } : {}), ...(f.members && f.pristine ? { pristine: true } : {}) }));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
