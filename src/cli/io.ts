/** What the CLI needs from its process, passed in so `run` is testable without spawning one. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (models, --out) resolve against this. */
  readonly cwd: string;
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A usage or environment problem: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** Colour on when the stream is a terminal, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function colorLevel(io: CliIO, stream: OutputStream): 0 | 1 {
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return 0;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force === '0' || force === 'false' ? 0 : 1;
  return stream.isTTY ? 1 : 0;
}
