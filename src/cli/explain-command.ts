import { CATALOGUE, findRule } from '../model/rules/index.js';
import { ruleDocs, severityLabel } from '../model/rules/markdown.js';
import { messageTemplate } from '../model/rules/message.js';
import { didYouMean } from '../model/suggest.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export function explainCommand(code: string | undefined, io: CliIO): number {
  if (code === undefined) {
    const width = Math.max(...CATALOGUE.map((r) => r.name.length));
    for (const r of CATALOGUE) {
      io.stdout.write(`${r.code}  ${r.name.padEnd(width)}  ${severityLabel(r).padEnd(7)}  ${r.summary}\n`);
    }
    return EXIT.ok;
  }
  const rule = findRule(code);
  if (!rule) {
    const known = CATALOGUE.flatMap((r) => [r.code, r.name]);
    throw new UsageError(`no rule "${code}"${didYouMean(code.toUpperCase().startsWith('MSA') ? code.toUpperCase() : code, known)} (msa-gen explain lists them all)`);
  }
  const ids = Object.keys(rule.messages);
  const width = Math.max(...ids.map((id) => id.length));
  const messages = Object.entries(rule.messages).map(([id, spec]) => `  ${id.padEnd(width)}  ${messageTemplate(spec)}\n`);
  io.stdout.write(
    `${rule.code} ${rule.name} (${severityLabel(rule)})\n\n${rule.summary}\n\n${ruleDocs(rule)}\n\nFix: ${rule.hint}\n\nMessages:\n${messages.join('')}`,
  );
  return EXIT.ok;
}
