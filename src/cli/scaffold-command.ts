/**
 * `msa-gen scaffold <model> -o <dir> [--check | --dry-run] [--force]`: validate, generate into a
 * virtual tree, plan against disk and the manifest, then write, print or check: one code path,
 * only the last step differs. Nothing is written unless the whole plan is sound.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validateModelText } from '../model/validate.js';
import type { GeneratedFile } from '../generators/types.js';
import { applyPlan } from '../output/apply.js';
import { readDisk } from '../output/disk.js';
import { EMPTY_MANIFEST, MANIFEST_PATH, ManifestError, parseManifest } from '../output/manifest.js';
import { ConfinementError, checkOutputPath } from '../output/paths.js';
import { conflicts, drift, planOutput, type Plan } from '../output/plan.js';
import { renderDrift, renderNotes, renderPlan, summary } from '../output/report.js';
import { displayPath, readModelFile } from './files.js';
import { EXIT, UsageError, colorLevel, type CliIO } from './io.js';
import { nodeOutputFs } from './node-fs.js';
import { printText, summaryLine } from './printers/text.js';
import { loadTemplates } from './templates.js';
import { version } from './version.js';

export interface ScaffoldOptions {
  readonly out: string;
  readonly check?: boolean;
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly verbose?: boolean;
  /** Largest model file read, in bytes (--max-size). */
  readonly maxSize?: number;
}

/** Options normalised once, with explicit defaults. */
interface ScaffoldContext {
  readonly modelPath: string;
  readonly outDir: string;
  readonly outShown: string;
  readonly mode: 'write' | 'check' | 'dry-run';
  readonly force: boolean;
  readonly verbose: boolean;
}

function context(model: string, opts: ScaffoldOptions, io: CliIO): ScaffoldContext {
  if (opts.check && opts.dryRun) throw new UsageError('--check and --dry-run exclude each other');
  if (opts.check && opts.force) throw new UsageError('--check never writes; --force makes no sense with it');
  return {
    modelPath: model,
    outDir: resolve(io.cwd, opts.out),
    outShown: displayPath(io.cwd, opts.out),
    mode: opts.check ? 'check' : opts.dryRun ? 'dry-run' : 'write',
    force: opts.force ?? false,
    verbose: opts.verbose ?? false,
  };
}

export async function scaffoldCommand(model: string, opts: ScaffoldOptions, io: CliIO): Promise<number> {
  const ctx = context(model, opts, io);
  const text = await readModelFile(io.cwd, ctx.modelPath, opts.maxSize);
  const file = displayPath(io.cwd, ctx.modelPath);
  const result = validateModelText(file, text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.model) {
    const color = colorLevel(io, io.stderr);
    io.stderr.write(printText(result.diagnostics, { color, sources: new Map([[file, result.source]]) }));
    io.stderr.write(summaryLine(result.diagnostics, 1, color));
    io.stderr.write(`msa-gen: ${file} has errors; nothing generated\n`);
    return EXIT.findings;
  }

  const outKind = await stat(ctx.outDir).then(
    (s) => (s.isDirectory() ? 'dir' : 'other'),
    () => undefined,
  );
  if (outKind === 'other') throw new UsageError(`${ctx.outShown} exists and is not a folder`);

  const { generate } = await import('../generators/index.js');
  const files: GeneratedFile[] = generate({ model: result.model, templates: loadTemplates(), options: { toolVersion: version() } });
  const fs = nodeOutputFs(ctx.outDir);
  let plan: Plan;
  try {
    for (const f of files) checkOutputPath(f.path);
    const manifestDisk = outKind ? await readDisk(fs, [MANIFEST_PATH]) : new Map<string, string>();
    const manifestText = manifestDisk.get(MANIFEST_PATH);
    const manifest = manifestText === undefined ? EMPTY_MANIFEST : parseManifest(manifestText);
    const paths = [...files.map((f) => f.path), ...manifest.files.map((f) => checkOutputPath(f.path))];
    const disk = outKind ? await readDisk(fs, paths) : new Map<string, string>();
    plan = await planOutput({
      files,
      disk,
      manifest,
      force: ctx.force,
      merger: async () => (await import('../output/merge.js')).createMerger(),
    });
  } catch (error) {
    if (error instanceof ConfinementError || error instanceof ManifestError) {
      io.stderr.write(`msa-gen: ${ctx.outShown}: ${error.message}; nothing written\n`);
      return EXIT.findings;
    }
    if (error instanceof Error && error.name === 'MergeError') {
      io.stderr.write(`msa-gen: ${error.message}; nothing written\n`);
      return EXIT.findings;
    }
    throw error;
  }

  return finish(ctx, plan, io);
}

async function finish(ctx: ScaffoldContext, plan: Plan, io: CliIO): Promise<number> {
  if (ctx.mode === 'check') {
    const found = drift(plan);
    if (found.length === 0) {
      io.stdout.write(`${ctx.outShown} is up to date with ${ctx.modelPath} (${plan.actions.length} files)\n`);
      io.stdout.write(renderNotes(plan));
      return EXIT.ok;
    }
    io.stdout.write(await renderDrift(plan));
    const fix = `msa-gen scaffold ${ctx.modelPath} -o ${ctx.outShown}`;
    const how =
      conflicts(plan).length > 0
        ? `move hand edits of generated files into user-owned files, or overwrite them with \`${fix} --force\``
        : `run \`${fix}\``;
    io.stderr.write(`msa-gen: ${ctx.outShown} is out of date with ${ctx.modelPath}: ${found.length} file${found.length === 1 ? '' : 's'}; ${how}\n`);
    return EXIT.findings;
  }
  const blocked = ctx.force ? [] : conflicts(plan);
  if (ctx.mode === 'dry-run') {
    io.stdout.write(renderPlan(plan, { verbose: ctx.verbose }));
    io.stdout.write(`${summary(plan)} (dry run: nothing written)\n`);
    return blocked.length > 0 ? EXIT.findings : EXIT.ok;
  }
  if (blocked.length > 0) {
    for (const a of blocked) io.stderr.write(`conflict: ${a.path} (${a.reason})\n`);
    io.stderr.write(
      `msa-gen: ${blocked.length} generated file${blocked.length === 1 ? ' was' : 's were'} changed by hand; nothing written. ` +
        'Move the change into a user-owned file (src/domain, src/policies), or run again with --force to overwrite.\n',
    );
    return EXIT.findings;
  }
  await applyPlan(nodeOutputFs(ctx.outDir), plan);
  if (ctx.verbose) io.stdout.write(renderPlan(plan, { verbose: false }));
  io.stdout.write(renderNotes(plan));
  io.stdout.write(`${ctx.outShown}: ${summary(plan)}\n`);
  return EXIT.ok;
}
