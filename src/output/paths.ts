/** Output paths stay inside the output folder: relative, forward slashes, no `.`/`..`, no oddities. */

export class ConfinementError extends Error {
  override readonly name = 'ConfinementError';
}

/** The canonical form of a generated path, or a ConfinementError saying why it is refused. */
export function checkOutputPath(path: string): string {
  if (path === '') throw new ConfinementError('an empty path');
  if (path.includes('\\')) throw new ConfinementError(`"${path}" contains a backslash`);
  if (path.includes('\0')) throw new ConfinementError(`"${path}" contains a NUL character`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw new ConfinementError(`"${path}" is absolute`);
  const segments = path.split('/');
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') throw new ConfinementError(`"${path}" has a "${s || '//'}" segment and could leave the output folder`);
  }
  return segments.join('/');
}

/** Every parent folder of a path, outermost first: `a/b/c.ts` → [`a`, `a/b`]. */
export function parentFolders(path: string): string[] {
  const segments = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) out.push(segments.slice(0, i).join('/'));
  return out;
}

/** Every temporary file msa-gen creates ends so: `.<name>.msa-gen-tmp`, next to its target. */
export const TEMP_SUFFIX = '.msa-gen-tmp';

/**
 * The temporary file a write of `path` goes through: deterministic, so an interrupted run's
 * journal names exactly the temporary files it may have left, and the next run removes those.
 */
export function tempPathFor(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}${TEMP_SUFFIX}`;
}
