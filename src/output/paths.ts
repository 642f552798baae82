/**
 * The output stage's own paths: parent folders and temporary files. Whether a path is safe at all
 * (relative, inside the output folder) is decided once, in src/tree (`checkOutputPath`).
 */

/** Every parent folder of a path, outermost first: `a/b/c.ts` → [`a`, `a/b`]. */
export function parentFolders(path: string): string[] {
  const out: string[] = [];
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) out.push(path.slice(0, slash));
  return out;
}

/** The folder holding `path` ('' for a path in the output folder itself). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
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
