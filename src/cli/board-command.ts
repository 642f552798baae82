/**
 * `msa-gen board <model> [-o file] [--format html|svg] [--saga Name]`: validates the model,
 * lays its event-storming board out with elkjs (loaded here, only for this command) and
 * writes one self-contained HTML page or a standalone SVG, to the file or to stdout. A model
 * with errors gets the usual diagnostics and exit 1, and no file.
 */
import { resolve } from 'node:path';
import type { ElkLike } from '../core/board.js';
import { didYouMean } from '../model/suggest.js';
import { displayPath, readModelFile, writeWholeFile } from './files.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { printInvalidModel } from './printers/text.js';

export interface BoardCommandOptions {
  readonly out?: string | undefined;
  readonly format: 'html' | 'svg';
  readonly saga?: string | undefined;
  readonly maxSize?: number | undefined;
}

/** elkjs (CommonJS): its module.exports is the constructor, which Node hands over as the default export. */
async function loadElk(): Promise<ElkLike> {
  const { default: ELK } = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: new () => ElkLike };
  return new ELK();
}

export async function boardCommand(model: string, opts: BoardCommandOptions, io: CliIO): Promise<number> {
  if (opts.out !== undefined && opts.out.trim() === '') throw new UsageError('-o needs a file name, not an empty string (leave -o out to write to stdout)');
  const file = displayPath(io.cwd, model);
  const { board } = await import('../core/board.js');
  const outcome = await board({
    model: { file, input: await readModelFile(io.cwd, model, opts.maxSize) },
    format: opts.format,
    saga: opts.saga,
    elk: loadElk,
  });
  if (outcome.status === 'invalid') {
    printInvalidModel(io, file, outcome.findings, 'no board drawn');
    return EXIT.findings;
  }
  if (outcome.status === 'unknown-saga') {
    const known = outcome.sagas.length === 0 ? 'the model has no saga' : `sagas: ${outcome.sagas.join(', ')}`;
    throw new UsageError(`no saga "${opts.saga}" in ${file}${didYouMean(opts.saga!, outcome.sagas)} (${known})`);
  }
  const document = outcome.document;
  if (opts.out === undefined) {
    io.stdout.write(document);
    return EXIT.ok;
  }
  // Written beside the target, then renamed over it: never a half-written board.
  try {
    await writeWholeFile(resolve(io.cwd, opts.out), document);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot write ${displayPath(io.cwd, opts.out)} (${reason})`);
  }
  io.stderr.write(`msa-gen: board of ${file} written to ${displayPath(io.cwd, opts.out)}\n`);
  return EXIT.ok;
}
