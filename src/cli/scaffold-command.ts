/**
 * `msa-gen scaffold <model> -o <dir> [--check | --dry-run] [--force]`: parses the options, reads
 * the model file, calls the core (src/core/scaffold.ts: validate, generate, plan, and write or
 * print or check; one code path, only the last step differs) with the real folder, and renders
 * its outcome. Nothing is written unless the whole plan is sound.
 */
import { resolve } from 'node:path';
import { driftCount, scaffold, type OutputFolder, type ScaffoldOutcome } from '../core/scaffold.js';
import { lockMessage } from '../output/lock.js';
import { changes, conflicts } from '../output/plan.js';
import { renderDrift, renderNotes, renderPlan, summary } from '../output/report.js';
import { displayPath, readModelFile } from './files.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { isRoot, nodeOutputFolder } from './node-fs.js';
import { printInvalidModel, terminalPath } from './printers/text.js';
import { GENERATOR_BUILD } from './generator-build.js';
import { familyLines, nextCommands } from './scaffold-summary.js';
import { nodeServiceRecordStore } from './service-record-store.js';
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
  /** The model's and the output folder's paths as messages show them: escaped, never a workflow command. */
  readonly modelShown: string;
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
    modelShown: terminalPath(model),
    outDir: outputFolder(io.cwd, opts.out),
    outShown: terminalPath(displayPath(io.cwd, opts.out)),
    mode: opts.check ? 'check' : opts.dryRun ? 'dry-run' : 'write',
    force: opts.force ?? false,
    verbose: opts.verbose ?? false,
  };
}

/** The output folder, refusing the dangerous ones: an empty -o (the current folder by accident) and a file system root. */
function outputFolder(cwd: string, out: string): string {
  if (out.trim() === '') throw new UsageError('-o needs a folder name, not an empty string (write -o . for the current folder)');
  const abs = resolve(cwd, out);
  if (isRoot(abs)) throw new UsageError(`-o ${out} is the root of the file system; scaffold into a folder of its own`);
  return abs;
}

export async function scaffoldCommand(model: string, opts: ScaffoldOptions, io: CliIO): Promise<number> {
  const ctx = context(model, opts, io);
  const file = displayPath(io.cwd, ctx.modelPath);
  const outcome = await scaffold({
    model: { file, input: await readModelFile(io.cwd, ctx.modelPath, opts.maxSize) },
    folder: withServiceRecord(nodeOutputFolder(ctx.outDir, ctx.outShown, io.env), ctx.outDir, io.env),
    mode: ctx.mode,
    force: ctx.force,
    templates: loadTemplates,
    toolVersion: version(),
    ...(GENERATOR_BUILD !== undefined ? { generatorBuild: GENERATOR_BUILD } : {}),
  });
  if (outcome.status === 'invalid') {
    printInvalidModel(io, file, outcome.findings, 'nothing generated');
    return EXIT.findings;
  }
  return report(ctx, outcome, io);
}

/** The folder with its service record store (src/core/service-cache.ts), unless caching is off. */
function withServiceRecord(folder: OutputFolder, outDir: string, env: CliIO['env']): OutputFolder {
  const services = nodeServiceRecordStore(outDir, env);
  return services ? { ...folder, services } : folder;
}

async function report(ctx: ScaffoldContext, outcome: Exclude<ScaffoldOutcome, { status: 'invalid' }>, io: CliIO): Promise<number> {
  if (outcome.status === 'locked') {
    io.stderr.write(`msa-gen: ${lockMessage({ kind: 'held', why: outcome.message }, ctx.outShown)}\n`);
    return EXIT.findings;
  }
  if (outcome.status === 'refused') {
    io.stderr.write(`msa-gen: ${ctx.outShown}: ${outcome.message}; nothing written\n`);
    return EXIT.findings;
  }
  if (outcome.status === 'aborted') {
    io.stderr.write(
      `msa-gen: ${ctx.outShown}: ${outcome.message}. The run stopped; whatever it had started to change, the next run completes ` +
        `(fix the folder, then run \`msa-gen scaffold ${ctx.modelShown} -o ${ctx.outShown}\` again)\n`,
    );
    return EXIT.findings;
  }
  const { plan, notes, blocked } = outcome;
  const fix = `msa-gen scaffold ${ctx.modelShown} -o ${ctx.outShown}`;
  const foreign = blocked.filter((b) => !b.forceable);

  if (ctx.mode === 'check') {
    const found = driftCount(outcome);
    if (found === 0) {
      io.stdout.write(`${ctx.outShown} is up to date with ${ctx.modelShown} (${plan.actions.length} files)\n`);
      io.stdout.write(renderNotes(plan, notes));
      return EXIT.ok;
    }
    io.stdout.write(await renderDrift(plan, outcome.drift));
    const how =
      foreign.length > 0
        ? `move or delete the files msa-gen did not write (${foreign.map((b) => b.path).join(', ')}), then run \`${fix}\``
        : conflicts(plan).length > 0
          ? `move hand edits of generated files into user-owned files, or overwrite them with \`${fix} --force\``
          : `run \`${fix}\``;
    io.stderr.write(`msa-gen: ${ctx.outShown} is out of date with ${ctx.modelShown}: ${found} file${found === 1 ? '' : 's'}; ${how}\n`);
    return EXIT.findings;
  }

  if (ctx.mode === 'dry-run') {
    io.stdout.write(renderPlan(plan, { verbose: ctx.verbose }));
    io.stdout.write(renderNotes(plan, [...notes, ...outcome.drift.map((d) => `${d.path}: ${d.detail}`)]));
    io.stdout.write(`${summary(plan)} (dry run: nothing written)\n`);
    return blocked.length > 0 ? EXIT.findings : EXIT.ok;
  }

  if (blocked.length > 0) {
    for (const b of blocked) io.stderr.write(`conflict: ${b.path} (${b.reason})\n`);
    const edited = blocked.filter((b) => b.forceable);
    const parts: string[] = [];
    if (edited.length > 0) {
      parts.push(
        `${edited.length} generated file${edited.length === 1 ? ' was' : 's were'} changed by hand: ` +
          'move the change into a user-owned file (src/domain, src/policies), or run again with --force to overwrite.',
      );
    }
    if (foreign.length > 0) {
      parts.push(
        `${foreign.length} file${foreign.length === 1 ? ' is' : 's are'} in the way that msa-gen did not write: ` +
          'it never overwrites those, not even with --force; move or delete them, or scaffold into another folder.',
      );
    }
    io.stderr.write(`msa-gen: nothing written. ${parts.join(' ')}\n`);
    return EXIT.findings;
  }
  if (ctx.verbose) io.stdout.write(renderPlan(plan, { verbose: false }));
  io.stdout.write(renderNotes(plan, notes));
  const { writes, deletes } = changes(plan); // forced overwrites included
  const changed = writes.length + deletes.length > 0;
  const model = outcome.findings.valid;
  // After a run that changed the folder: what it holds by family, then what to run next.
  if (changed && model) io.stdout.write(`${familyLines(plan, model).join('\n')}\n`);
  io.stdout.write(`${ctx.outShown}: ${summary(plan)}\n`);
  if (changed) io.stdout.write(`${nextCommands(ctx.outShown).join('\n')}\n`);
  return EXIT.ok;
}
