/**
 * `.msa-gen/manifest.json`: every file scaffold wrote, its ownership and the hash of what it
 * wrote. A generated file whose content no longer has that hash was edited by hand. Sorted, no
 * timestamps, so the manifest itself is byte-identical across runs and machines.
 */
import { createHash } from 'node:crypto';
import type { Ownership } from '../generators/types.js';

export const MANIFEST_PATH = '.msa-gen/manifest.json';

export interface ManifestEntry {
  readonly path: string;
  readonly ownership: Ownership;
  /** sha256 of the content scaffold last wrote (for user-owned files: wrote or merged). */
  readonly sha256: string;
  /** User-owned files with merged members: the member names as of the last write. */
  readonly members?: readonly string[];
}

export interface Manifest {
  readonly version: 1;
  readonly files: readonly ManifestEntry[];
}

export const EMPTY_MANIFEST: Manifest = { version: 1, files: [] };

export function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ManifestError(`${MANIFEST_PATH} is not valid JSON`);
  }
  const d = data as { version?: unknown; files?: unknown };
  if (d.version !== 1 || !Array.isArray(d.files)) throw new ManifestError(`${MANIFEST_PATH} is not an msa-gen manifest (version 1)`);
  const files: ManifestEntry[] = [];
  for (const f of d.files as Array<Record<string, unknown>>) {
    if (typeof f['path'] !== 'string' || typeof f['sha256'] !== 'string' || (f['ownership'] !== 'generated' && f['ownership'] !== 'user-owned')) {
      throw new ManifestError(`${MANIFEST_PATH} has a malformed entry`);
    }
    const members = Array.isArray(f['members']) ? (f['members'] as unknown[]).map(String) : undefined;
    files.push({ path: f['path'], ownership: f['ownership'], sha256: f['sha256'], ...(members ? { members } : {}) });
  }
  return { version: 1, files };
}

export function serializeManifest(manifest: Manifest): string {
  const files = [...manifest.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ path: f.path, ownership: f.ownership, sha256: f.sha256, ...(f.members ? { members: [...f.members] } : {}) }));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
