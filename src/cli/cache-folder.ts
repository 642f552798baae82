/**
 * msa-gen's per-user cache folder, shared by everything it caches on this machine (the stat
 * records of output folders, stat-record-store.ts; the bytecode, code-cache.ts):
 * $MSA_GEN_CACHE_DIR, else $XDG_CACHE_HOME/msa-gen, else ~/.cache/msa-gen, else msa-gen-<uid> in
 * the temporary folder; never the install, which may be read-only. MSA_GEN_NO_CACHE=1 turns
 * caching off.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** The cache folder to use, or undefined when caching is off. */
export function cacheDirectory(env: Env): string | undefined {
  if (env['MSA_GEN_NO_CACHE'] && env['MSA_GEN_NO_CACHE'] !== '0') return undefined;
  const own = env['MSA_GEN_CACHE_DIR'];
  if (own) return own;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'msa-gen');
  let home = env['HOME'] && isAbsolute(env['HOME']) ? env['HOME'] : '';
  try {
    home ||= homedir();
  } catch {
    // no home folder: the temporary folder below
  }
  if (home) return join(home, '.cache', 'msa-gen');
  return join(tmpdir(), `msa-gen-${process.getuid?.() ?? 'user'}`);
}

/** Whether an lstat shows something of this user that no one else may write. */
export function ownedByUs(stat: { uid: number | bigint; mode: number | bigint }): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (Number(stat.uid) === uid && (Number(stat.mode) & 0o022) === 0);
}

/** Makes the folder; usable only when it is a folder of this user that no one else may write. */
export function usableFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    return stat.isDirectory() && ownedByUs(stat);
  } catch {
    return false;
  }
}
