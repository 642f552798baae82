/**
 * Standard output and error for the cached start (bin/msa-gen.js): each write goes straight to
 * the file descriptor with a synchronous write. Touching process.stdout builds a stream object
 * and loads Node's stream modules, which costs a command as short as `validate` a noticeable
 * part of its start-up; a synchronous write is also what Node does for files and pipes.
 *
 * When the descriptor is non-blocking and full (EAGAIN), the rest of the output goes through
 * the process's own stream (`fallback`), which waits for it; everything before was written, so
 * the order holds. A closed pipe (EPIPE) calls `brokenPipe` (the caller exits quietly).
 */
import { writeSync } from 'node:fs';
import type { OutputStream } from './io.js';
import { surelyNotTerminal } from './quick-tty.js';

export interface FdOutput extends OutputStream {
  write(text: string): boolean;
  readonly isTTY: boolean;
  /** True while every byte was written synchronously (nothing is left for the event loop). */
  readonly synchronous: boolean;
}

export interface FdOutputOptions {
  /** The process's own stream for this descriptor, for what a full non-blocking descriptor refuses. */
  readonly fallback: () => { write(chunk: string | Uint8Array): boolean };
  /** Called on a closed pipe (EPIPE). */
  readonly brokenPipe: () => void;
  /** node:tty's isatty, taken only for a character device: loading node:tty loads Node's net and stream modules. */
  readonly isatty: (fd: number) => boolean;
}

export function fdOutput(fd: number, { fallback, brokenPipe, isatty }: FdOutputOptions): FdOutput {
  let handedOver: { write(chunk: string | Uint8Array): boolean } | undefined;
  let tty: boolean | undefined;
  return {
    get isTTY() {
      tty ??= !surelyNotTerminal(fd) && isatty(fd);
      return tty;
    },
    get synchronous() {
      return handedOver === undefined;
    },
    write(text: string): boolean {
      if (handedOver) return handedOver.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      while (done < bytes.length) {
        try {
          done += writeSync(fd, bytes, done, bytes.length - done);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            handedOver = fallback();
            return handedOver.write(bytes.subarray(done));
          }
          if (code === 'EPIPE') {
            brokenPipe();
            return false;
          }
          throw error;
        }
      }
      return true;
    },
  };
}
