/**
 * `diff --base <ref> <model>`: the model as it was at a git revision, read with
 * `git show <ref>:./<file>` run in the model's folder (so the path is relative to it, wherever
 * the repository's root is). Any failure is one line on stderr and exit 2.
 */
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import type { ModelInput } from '../model/source.js';
import { escapeUnsafe } from '../model/text.js';
import { DEFAULT_MAX_SIZE, decodeModel, formatSize } from './files.js';
import { UsageError } from './io.js';

interface GitOutput {
  readonly stdout: Buffer;
  readonly stderr: string;
}

function git(args: readonly string[], cwd: string, maxBuffer: number, env: Readonly<Record<string, string | undefined>>): Promise<GitOutput> {
  return new Promise((done, fail) => {
    execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer, env: { ...env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (error) fail(Object.assign(error, { stderrText: stderr.toString('utf8') }));
      else done({ stdout, stderr: stderr.toString('utf8') });
    });
  });
}

/** The first line git wrote on stderr, without its `fatal: `. */
const gitReason = (text: string) => text.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '') ?? 'git failed';

/** The model file `path` (relative to cwd) as it was at `ref`. */
export async function readModelAtRevision(
  at: { readonly cwd: string; readonly env: Readonly<Record<string, string | undefined>> },
  ref: string,
  path: string,
  maxSize = DEFAULT_MAX_SIZE,
): Promise<ModelInput> {
  if (ref === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref)) throw new UsageError(`--base takes a git revision (a branch, tag or commit), not "${escapeUnsafe(ref)}"`);
  const full = resolve(at.cwd, path);
  try {
    const { stdout } = await git(['show', `${ref}:./${basename(full)}`], dirname(full), maxSize + 1, at.env);
    return decodeModel(stdout);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderrText?: string };
    if (e.code === 'ENOENT') throw new UsageError('--base needs git, and git is not on the PATH');
    if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
      throw new UsageError(`${escapeUnsafe(path)} at ${escapeUnsafe(ref)} is larger than ${formatSize(maxSize)} (--max-size)`);
    }
    throw new UsageError(`cannot read ${escapeUnsafe(path)} at ${escapeUnsafe(ref)}: ${escapeUnsafe(gitReason(e.stderrText ?? e.message))}`);
  }
}
