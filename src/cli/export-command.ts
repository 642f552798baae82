/**
 * `msa-gen export asyncapi <model> [--context <name>] [-o file] [--format yaml|json]` and
 * `msa-gen export openapi <model> --context <name> [-o file] [--format yaml|json]`: the model's
 * contracts (src/core/export.ts). Without -o the document goes to stdout; with it, to a
 * temporary file renamed into place, so a reader never sees half a document.
 */
import { extname, resolve } from 'node:path';
import { exportContract, type ContractKind } from '../core/export.js';
import { didYouMean } from '../model/suggest.js';
import { displayPath, readModelFile, writeWholeFile } from './files.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { printInvalidModel } from './printers/text.js';

export interface ExportOptions {
  readonly out?: string | undefined;
  readonly context?: string | undefined;
  readonly format?: 'yaml' | 'json' | undefined;
  /** Largest model file read, in bytes (--max-size). */
  readonly maxSize?: number | undefined;
}

/** The format asked for, else the one -o's extension names (`.json`), else YAML. */
function formatOf(opts: ExportOptions): 'yaml' | 'json' {
  if (opts.format) return opts.format;
  return opts.out !== undefined && extname(opts.out).toLowerCase() === '.json' ? 'json' : 'yaml';
}

export async function exportCommand(kind: ContractKind, model: string, opts: ExportOptions, io: CliIO): Promise<number> {
  if (kind === 'openapi' && opts.context === undefined) {
    throw new UsageError('export openapi needs --context <name>: an OpenAPI document describes one service');
  }
  if (opts.out !== undefined && opts.out.trim() === '') throw new UsageError('-o needs a file name, not an empty string');
  const file = displayPath(io.cwd, model);
  const outcome = await exportContract({
    model: { file, input: await readModelFile(io.cwd, model, opts.maxSize) },
    kind,
    context: opts.context,
    format: formatOf(opts),
  });
  if (outcome.status === 'invalid') {
    printInvalidModel(io, file, outcome.findings, 'nothing exported');
    return EXIT.findings;
  }
  if (outcome.status === 'unknown-context') {
    const list = outcome.known.join(', ');
    throw new UsageError(`${file} has no context "${opts.context}"${didYouMean(opts.context!, outcome.known)} (its contexts: ${list})`);
  }
  if (opts.out === undefined) {
    io.stdout.write(outcome.text);
    return EXIT.ok;
  }
  await writeWhole(resolve(io.cwd, opts.out), outcome.text, opts.out);
  io.stdout.write(`${displayPath(io.cwd, opts.out)}: ${kind === 'asyncapi' ? 'AsyncAPI 3.0' : 'OpenAPI 3.1'} document written\n`);
  return EXIT.ok;
}

/** The whole text or nothing at `path`; a failure is a usage error naming why. */
async function writeWhole(path: string, text: string, shown: string): Promise<void> {
  try {
    await writeWholeFile(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot write ${shown}: ${why}`);
  }
}
