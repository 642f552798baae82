/**
 * One scaffold run at a time per output folder: `.msa-gen/lock`, created atomically with its
 * content (written to a temporary file, then hard-linked into place: link(2) fails when the lock
 * exists, and a lock is never seen half-written). It holds the pid, the host name and the start
 * time, and is held from before the folder is read until after the manifest is written.
 *
 * A lock whose process is gone (same host, the pid no longer runs) is stale and taken over. A
 * lock of another host is never judged: its process cannot be seen from here.
 */
import { errorCode, type HostInfo, type OutputFs } from './fs-port.js';
import { TEMP_SUFFIX } from './paths.js';

export const LOCK_PATH = '.msa-gen/lock';

export interface LockInfo {
  readonly pid: number;
  readonly hostname: string;
  readonly started: string;
}

export type LockState =
  /** Held by a process that runs (or might: another host, an unreadable lock). */
  | { readonly kind: 'held'; readonly info?: LockInfo; readonly why: string }
  /** Left by a process that is gone. */
  | { readonly kind: 'stale'; readonly info: LockInfo };

/** A second run while a lock is held: exit 1, nothing read or written. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
}

export function parseLock(text: string): LockInfo | undefined {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const { pid, hostname, started } = data;
    if (typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 0 && typeof hostname === 'string' && typeof started === 'string') {
      return { pid, hostname, started };
    }
  } catch {
    // fall through
  }
  return undefined;
}

export function judgeLock(text: string, host: HostInfo): LockState {
  const info = parseLock(text);
  if (!info) return { kind: 'held', why: `${LOCK_PATH} is not a lock msa-gen wrote` };
  if (info.hostname !== host.hostname) return { kind: 'held', info, why: `held by pid ${info.pid} on host ${info.hostname} since ${info.started}` };
  // Our own pid cannot hold it (a process takes the lock once): a previous process had our pid
  // (containers start every run as the same pid).
  if (info.pid !== host.pid && host.isAlive(info.pid)) return { kind: 'held', info, why: `held by pid ${info.pid} since ${info.started}` };
  return { kind: 'stale', info };
}

/** The lock as found on disk, without taking it (--check, --dry-run). */
export async function inspectLock(fs: OutputFs, host: HostInfo): Promise<LockState | undefined> {
  const kind = await fs.kind(LOCK_PATH);
  if (kind === undefined) return undefined;
  if (kind !== 'file') return { kind: 'held', why: `${LOCK_PATH} is not a regular file` };
  try {
    return judgeLock(await fs.read(LOCK_PATH), host);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

export function lockMessage(state: Extract<LockState, { kind: 'held' }>, outShown: string): string {
  const path = `${outShown === '.' ? '' : `${outShown}/`}${LOCK_PATH}`;
  return (
    `${outShown} is locked by another scaffold run (${state.why}); nothing written. ` +
    `Wait for it to finish; if no msa-gen process is running there, delete ${path}`
  );
}

export interface HeldLock {
  /** Whether the lock on disk is still this run's (another run may have judged it stale). */
  stillOurs(): Promise<boolean>;
  release(): Promise<void>;
  /** The stale lock this run took over, if any. */
  readonly tookOver?: LockInfo;
}

const tempName = (tag: string) => `.msa-gen/.lock.${tag}${TEMP_SUFFIX}`;
const LOCK_TEMP = new RegExp(`^\\.lock\\.(?:stale\\.)?(\\d+)${TEMP_SUFFIX.replace(/\./g, '\\.')}$`);

/** Takes the lock (the `.msa-gen` folder must exist), or throws LockedError. */
export async function acquireLock(fs: OutputFs, host: HostInfo): Promise<HeldLock> {
  const content = `${JSON.stringify({ pid: host.pid, hostname: host.hostname, started: host.now().toISOString() })}\n`;
  const temp = tempName(String(host.pid));
  let tookOver: LockInfo | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await fs.kind(temp)) !== undefined) await fs.remove(temp);
    await fs.createFile(temp, content, { durable: true });
    let created = false;
    try {
      await fs.link(temp, LOCK_PATH);
      created = true;
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (code !== 'EEXIST') {
        // No hard links on this file system: O_EXCL creation (a lock may then be seen empty for an instant).
        try {
          await fs.createFile(LOCK_PATH, content, { durable: true });
          created = true;
        } catch (inner) {
          if (errorCode(inner) !== 'EEXIST') throw inner;
        }
      }
    } finally {
      await fs.remove(temp).catch(() => {});
    }
    if (created) {
      await fs.syncDir('.msa-gen');
      await removeDeadLockTemps(fs, host);
      return {
        tookOver,
        stillOurs: async () => (await fs.read(LOCK_PATH).catch(() => undefined)) === content,
        async release() {
          if ((await fs.read(LOCK_PATH).catch(() => undefined)) === content) await fs.remove(LOCK_PATH);
        },
      };
    }
    // The lock exists: is its holder still there?
    const kind = await fs.kind(LOCK_PATH);
    if (kind === undefined) continue; // released meanwhile: try again
    if (kind !== 'file') throw new LockedError(`${LOCK_PATH} is not a regular file`);
    let existing: string;
    try {
      existing = await fs.read(LOCK_PATH);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue; // released meanwhile: try again
      throw error;
    }
    const state = judgeLock(existing, host);
    if (state.kind === 'held') throw new LockedError(state.why);
    // Stale: move it aside under our own name, and make sure what we moved is the stale lock
    // (another run may have taken it over in between; then give its lock back and stop).
    const aside = tempName(`stale.${host.pid}`);
    try {
      await fs.rename(LOCK_PATH, aside);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = await fs.read(aside);
    if (moved !== existing) {
      await fs.link(aside, LOCK_PATH).catch(() => {});
      await fs.remove(aside);
      const info = parseLock(moved);
      throw new LockedError(info ? `held by pid ${info.pid} since ${info.started}` : 'taken by another run');
    }
    await fs.remove(aside);
    tookOver = state.info;
  }
  throw new LockedError('other runs keep taking it');
}

/** Temporary files of lock attempts whose process was killed (named by its pid). */
async function removeDeadLockTemps(fs: OutputFs, host: HostInfo): Promise<void> {
  for (const name of await fs.list('.msa-gen')) {
    const m = LOCK_TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === host.pid || !host.isAlive(pid)) await fs.remove(`.msa-gen/${name}`).catch(() => {});
  }
}
