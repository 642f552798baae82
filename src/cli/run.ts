/**
 * The CLI's testable entry point: `run(argv, io) → exit code`. Commands load what they need
 * lazily, so `validate` never pays for the generators or the TypeScript compiler.
 */
import { Command, CommanderError, Option } from 'commander';
import { parseSize } from './files.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { version } from './version.js';
import { clipQuoted, escapeUnsafe } from '../model/text.js';

export type { CliIO } from './io.js';

function program(io: CliIO, result: { code: number }): Command {
  const cli = new Command('msa-gen')
    .description('Event-storming model (YAML) → event-driven platform: validate it, scaffold services, Kafka topics, sagas and Helm.')
    .version(version(), '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);

  cli
    .command('validate')
    .description('Check models against the schema and every naming, reference, flow, saga and Kafka rule.')
    .argument('<model...>', 'model files (YAML)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .addOption(maxSizeOption())
    .action(async (models: string[], opts: { format: 'text' | 'json' | 'sarif' | 'github'; maxWarnings?: number; maxSize?: number }) => {
      const { validateCommand } = await import('./validate-command.js');
      result.code = await validateCommand(models, opts, io);
    });

  cli
    .command('scaffold')
    .description('Generate the platform (services, Kafka topics and DLQs, sagas, Helm) from a model; safe to re-run.')
    .argument('<model>', 'model file (YAML)')
    .requiredOption('-o, --out <dir>', 'output folder (not empty, not a file system root)')
    .option('--check', 'write nothing; exit 1 with a diff when the folder does not match the model (for CI)')
    .option('--dry-run', 'print what would be created, updated, merged or deleted; write nothing')
    .option('--force', 'overwrite generated files that were edited by hand (never a file msa-gen did not write)')
    .option('--verbose', 'list every file, unchanged ones included')
    .addOption(maxSizeOption())
    .action(async (model: string, opts: { out: string; check?: boolean; dryRun?: boolean; force?: boolean; verbose?: boolean; maxSize?: number }) => {
      const { scaffoldCommand } = await import('./scaffold-command.js');
      result.code = await scaffoldCommand(model, opts, io);
    });

  const exporter = cli.command('export').description('Publish the model\'s contracts: AsyncAPI 3.0 for its events, OpenAPI 3.1 for a service\'s HTTP routes.');
  for (const kind of ['asyncapi', 'openapi'] as const) {
    exporter
      .command(kind)
      .description(
        kind === 'asyncapi'
          ? 'AsyncAPI 3.0: a channel per topic and DLQ, CloudEvents headers, Kafka bindings, send/receive operations per service.'
          : 'OpenAPI 3.1 of one context\'s routes: commands and read-model lookups, request schemas, error replies.',
      )
      .argument('<model>', 'model file (YAML)')
      .option('-o, --out <file>', 'write the document to this file (default: stdout)')
      .option('--context <name>', kind === 'asyncapi' ? 'only this context\'s service' : 'the context whose routes to describe (required)')
      .addOption(new Option('--format <format>', 'yaml, or json (default: json for a .json -o file, else yaml)').choices(['yaml', 'json']))
      .addOption(maxSizeOption())
      .action(async (model: string, opts: { out?: string; context?: string; format?: 'yaml' | 'json'; maxSize?: number }) => {
        const { exportCommand } = await import('./export-command.js');
        result.code = await exportCommand(kind, model, opts, io);
      });
  }

  cli
    .command('diff')
    .description('Classify every change of event and command contracts between two models: breaking (exit 1), migration or compatible.')
    .argument('<models...>', '<old> <new>, or one model with --base')
    .option('--base <ref>', 'read the old model from this git revision (git show <ref>:<model>)')
    .addOption(new Option('-m, --mode <mode>', 'compatibility mode, as in Confluent Schema Registry').choices(['backward', 'forward', 'full']).default('full'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .addOption(maxSizeOption())
    .action(async (models: string[], opts: { base?: string; mode: 'backward' | 'forward' | 'full'; format: 'text' | 'json' | 'sarif' | 'github'; maxSize?: number }) => {
      const { diffCommand } = await import('./diff-command.js');
      result.code = await diffCommand(models, opts, io);
    });

  cli
    .command('init')
    .description('Start a project: a commented starter model (model.yaml) and a GitHub Actions workflow; never overwrites a file.')
    .argument('[dir]', 'folder to write into (default: the current one)')
    .action(async (dir: string | undefined) => {
      const { initCommand } = await import('./init-command.js');
      result.code = await initCommand(dir, io);
    });

  cli
    .command('routes')
    .description('Print every HTTP route of every service: written in the model, by convention, internal, or a read model lookup.')
    .argument('<model>', 'model file (YAML)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(maxSizeOption())
    .action(async (model: string, opts: { format: 'text' | 'json'; maxSize?: number }) => {
      const { routesCommand } = await import('./routes-command.js');
      result.code = await routesCommand(model, opts, io);
    });

  cli
    .command('board')
    .description('Draw the event-storming board: one self-contained HTML page (inline SVG) or a standalone SVG.')
    .argument('<model>', 'model file (YAML)')
    .option('-o, --out <file>', 'file to write (default: stdout)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'svg']).default('html'))
    .option('--saga <name>', 'highlight this saga')
    .addOption(maxSizeOption())
    .action(async (model: string, opts: { out?: string; format: 'html' | 'svg'; saga?: string; maxSize?: number }) => {
      const { boardCommand } = await import('./board-command.js');
      result.code = await boardCommand(model, opts, io);
    });

  cli
    .command('explain')
    .description('Explain a rule: what it requires, why, and how to fix a finding. Without a code, list every rule.')
    .argument('[code]', 'rule code (MSA103) or name (event-past-tense)')
    .action(async (code: string | undefined) => {
      const { explainCommand } = await import('./explain-command.js');
      result.code = explainCommand(code, io);
    });

  return cli;
}

/** --max-size: the largest model file read; a larger one is an MSA001 finding. */
function maxSizeOption(): Option {
  return new Option('--max-size <size>', 'largest model file to read: bytes, or 512KB, 10MB, 1MiB… (default 10MB)').argParser(parseSize);
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}

/** An error message fit for the terminal: it may quote a path or a model name. */
const shown = (message: string) => escapeUnsafe(clipQuoted(message));

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const result = { code: EXIT.ok as number };
  try {
    await program(io, result).parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`msa-gen: ${shown(error.message)}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`msa-gen: internal error: ${shown(message)}\n`);
    if (io.env['MSA_GEN_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}
