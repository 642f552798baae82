import { validate } from '../core/validate.js';
import { CATALOGUE } from '../model/rules/index.js';
import { displayPath, readModelFile } from './files.js';
import { EXIT, colorLevel, type CliIO } from './io.js';
import { printGithub } from './printers/github.js';
import { printJson } from './printers/json.js';
import { printSarif } from './printers/sarif.js';
import { printText, summaryLine, terminalPath } from './printers/text.js';
import { version } from './version.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface ValidateOptions {
  readonly format: 'text' | 'json' | 'sarif' | 'github';
  readonly maxWarnings?: number | undefined;
  /** Largest model file read, in bytes (--max-size). */
  readonly maxSize?: number | undefined;
}

export async function validateCommand(models: readonly string[], opts: ValidateOptions, io: CliIO): Promise<number> {
  const texts = await Promise.all(models.map((m) => readModelFile(io.cwd, m, opts.maxSize)));
  const files = models.map((m) => displayPath(io.cwd, m));
  // The IR is only counted here: it is not frozen (a few percent of validating a large model).
  const findings = validate({ models: files.map((file, i) => ({ file, input: texts[i]! })), freeze: false });
  const { diagnostics, sources } = findings;
  const clean: string[] = [];
  for (const { file, diagnostics: own, model: mdl } of findings.models) {
    if (own.length > 0 || !mdl) continue;
    const counts = [
      plural(mdl.contexts.length, 'context'),
      plural(mdl.commands.length, 'command'),
      plural(mdl.events.length, 'event'),
      plural(mdl.policies.length, 'policy', 'policies'),
      plural(mdl.sagas.length, 'saga'),
    ];
    clean.push(`${terminalPath(file)}: no problems (${counts.join(', ')})`);
  }
  switch (opts.format) {
    case 'json':
      io.stdout.write(printJson(diagnostics, files));
      break;
    case 'sarif':
      io.stdout.write(printSarif(diagnostics, { version: version(), rules: CATALOGUE }));
      break;
    case 'github':
      io.stdout.write(printGithub(diagnostics));
      break;
    default: {
      const color = colorLevel(io, io.stdout);
      io.stdout.write(printText(diagnostics, { color, sources }));
      if (diagnostics.length === 0) io.stdout.write(clean.join('\n') + '\n');
      else io.stdout.write(summaryLine(diagnostics, models.length, color));
    }
  }
  const { errors, warnings } = findings;
  if (errors > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    if (opts.format === 'text') io.stderr.write(`msa-gen: ${warnings} warnings exceed --max-warnings ${opts.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
