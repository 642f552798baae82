/**
 * msa-gen's per-user cache folder, shared by everything it caches on this machine (the stat
 * records of output folders, stat-record-store.ts; the bytecode, code-cache.ts):
 * $MSA_GEN_CACHE_DIR, else $XDG_CACHE_HOME/msa-gen, else ~/.cache/msa-gen, else msa-gen-<uid> in
 * the temporary folder; never the install, which may be read-only. MSA_GEN_NO_CACHE=1 turns
 * caching off.
 */
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Writes `file` (in `dir`) whole or not at all: a new file only this user may read, renamed into
 * place. Answers whether it did; a failure leaves nothing behind but what a kill leaves (a
 * temporary file `isLeftoverTemp` recognises).
 */
export function writeWhole(dir: string, file: string, payload: string | Buffer): boolean {
  const temp = join(dir, `tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temp, payload, { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

/** Whether `name` in `dir` is a temporary file of `writeWhole` an hour old: what a process killed while writing left. */
export function isLeftoverTemp(dir: string, name: string, now = Date.now()): boolean {
  return name.startsWith('tmp-') && name.endsWith('.tmp') && now - (lstatSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? now) > 3_600_000;
}
