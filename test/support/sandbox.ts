/**
 * A sandbox for one model: a fresh folder (on a tmpfs when the machine has one) holding the
 * model file; `validate` and `scaffold -o out` run in-process through `run(argv, io)` with that
 * folder as the working directory. Snapshots of the folder before and after tell what scaffold
 * created or changed, and where.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { memoryIO } from './io.js';

/** /dev/shm when writable (the sandboxes are many and short-lived), else the OS temp folder. */
export function tempBase(): string {
  for (const dir of ['/dev/shm']) {
    try {
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      // not there, or not writable
    }
  }
  return tmpdir();
}

/** A root folder for one test run's sandboxes; `dispose` removes it. */
export interface SandboxRoot {
  readonly dir: string;
  dispose(): void;
}

export function sandboxRoot(prefix = 'msa-gen-property-'): SandboxRoot {
  const dir = mkdtempSync(join(tempBase(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Entry {
  readonly kind: 'file' | 'dir' | 'symlink' | 'other';
  /** sha256 of a file, target of a symlink. */
  readonly digest: string;
}

/** Every entry under `dir`, by relative path with forward slashes. */
export function snapshot(dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs)) {
      const a = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const s = lstatSync(a);
      if (s.isSymbolicLink()) out.set(r, { kind: 'symlink', digest: readlinkSync(a) });
      else if (s.isDirectory()) {
        out.set(r, { kind: 'dir', digest: '' });
        walk(a, r);
      } else if (s.isFile()) out.set(r, { kind: 'file', digest: createHash('sha256').update(readFileSync(a)).digest('hex') });
      else out.set(r, { kind: 'other', digest: '' });
    }
  };
  walk(dir, '');
  return out;
}

/** Paths created, changed or removed between two snapshots. */
export function changedPaths(before: ReadonlyMap<string, Entry>, after: ReadonlyMap<string, Entry>): string[] {
  const changed = new Set<string>();
  for (const [p, e] of after) {
    const b = before.get(p);
    if (!b || b.kind !== e.kind || b.digest !== e.digest) changed.add(p);
  }
  for (const p of before.keys()) if (!after.has(p)) changed.add(p);
  return [...changed].sort();
}

export interface CliResult {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Outcome {
  /** `validate --format json`, text and github. */
  readonly validate: CliResult & {
    readonly errors: number;
    readonly warnings: number;
    /** Codes of the errors, each once. */
    readonly codes: readonly string[];
    readonly jsonError?: string;
  };
  readonly validateText: CliResult;
  readonly validateGithub: CliResult;
  readonly scaffold: CliResult & { readonly mode: 'write' | 'dry-run' };
  /** `scaffold --check` after a successful write. */
  readonly check?: CliResult;
  /** Paths under the sandbox that changed, outside `out/`. */
  readonly outside: readonly string[];
  /** Entries of the sandbox's root folder that are not sandboxes. */
  readonly strayInRoot: readonly string[];
  /** Files under `out/` after the run, and symlinks there (none expected). */
  readonly written: readonly string[];
  readonly symlinks: readonly string[];
  /** The sandbox folder and the output folder in it. */
  readonly dir: string;
  readonly outDir: string;
  /** Removes the sandbox (unless it was asked to be kept). */
  dispose(): void;
}

export interface RunOptions {
  /** Real writes (then `--check`); otherwise `--dry-run`. Models with errors always run for real: they must write nothing. */
  readonly write: boolean;
  /** Keep the sandbox after `dispose` (for a type-check or a look). */
  readonly keep?: boolean;
}

async function cli(argv: string[], cwd: string): Promise<CliResult> {
  const io = memoryIO(cwd, { MSA_GEN_DEBUG: '1' });
  const exit = await run(argv, io);
  return { exit, stdout: io.out(), stderr: io.err() };
}

let counter = 0;

/** Runs validate and scaffold on one model in a fresh sandbox under `root`; call `dispose` when done with it. */
export async function runModel(root: string, model: string | Uint8Array, options: RunOptions): Promise<Outcome> {
  const dir = join(root, `case-${process.pid}-${counter++}`);
  mkdirSync(dir);
  const dispose = () => {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    writeFileSync(join(dir, 'model.yaml'), model);
    const rootBefore = new Set(readdirSync(root));
    const before = snapshot(dir);

    const json = await cli(['validate', 'model.yaml', '--format', 'json'], dir);
    let errors = 0;
    let warnings = 0;
    let codes: string[] = [];
    let jsonError: string | undefined;
    try {
      const diagnostics = (JSON.parse(json.stdout) as { diagnostics: { severity: string; code: string }[] }).diagnostics;
      errors = diagnostics.filter((d) => d.severity === 'error').length;
      warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      codes = [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
    } catch (error) {
      jsonError = (error as Error).message;
    }
    const validateText = await cli(['validate', 'model.yaml'], dir);
    const validateGithub = await cli(['validate', 'model.yaml', '--format', 'github'], dir);

    const dryRun = errors === 0 && !options.write;
    const scaffold = { ...(await cli(['scaffold', 'model.yaml', '-o', 'out', ...(dryRun ? ['--dry-run'] : [])], dir)), mode: dryRun ? ('dry-run' as const) : ('write' as const) };
    const check = !dryRun && scaffold.exit === 0 ? await cli(['scaffold', 'model.yaml', '-o', 'out', '--check'], dir) : undefined;

    const after = snapshot(dir);
    const outside = changedPaths(before, after).filter((p) => p !== 'out' && !p.startsWith('out/'));
    const strayInRoot = readdirSync(root).filter((n) => !rootBefore.has(n) && !n.startsWith('case-'));
    const written = [...after].filter(([p, e]) => p.startsWith('out/') && e.kind === 'file').map(([p]) => p.slice(4));
    const symlinks = [...after].filter(([p, e]) => p.startsWith('out/') && e.kind !== 'file' && e.kind !== 'dir').map(([p]) => p.slice(4));
    return {
      validate: { ...json, errors, warnings, codes, ...(jsonError === undefined ? {} : { jsonError }) },
      validateText,
      validateGithub,
      scaffold,
      ...(check ? { check } : {}),
      outside,
      strayInRoot,
      written,
      symlinks,
      dir,
      outDir: join(dir, 'out'),
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}
