/** An in-memory CliIO for driving `run` without spawning a process. */
import type { CliIO } from '../../src/cli/io.js';

export interface MemoryIO extends CliIO {
  out(): string;
  err(): string;
}

export function memoryIO(cwd: string, env: Record<string, string | undefined> = {}, tty = false): MemoryIO {
  let out = '';
  let err = '';
  return {
    cwd,
    env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    stdout: { write: (s: string) => (out += s), isTTY: tty },
    stderr: { write: (s: string) => (err += s), isTTY: tty },
    out: () => out,
    err: () => err,
  };
}
