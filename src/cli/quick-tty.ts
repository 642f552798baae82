/**
 * Whether a file descriptor is surely not a terminal, answered without node:tty: loading node:tty
 * loads Node's net and stream modules, a noticeable part of a short command's start-up. A file,
 * a pipe or /dev/null is not a terminal; for another character device, ask node:tty. Used by
 * the CommonJS bundles' node:tty (scripts/build.mjs) and by fd-output.ts.
 */
import { fstatSync, statSync } from 'node:fs';

export function surelyNotTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return true;
    const devNull = statSync('/dev/null');
    return devNull.isCharacterDevice() && devNull.rdev === stat.rdev;
  } catch {
    return false; // no answer here: node:tty decides
  }
}
