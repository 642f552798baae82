/** The rule catalogue as Markdown (docs/rules.md is this, checked by a test). */
import type { RuleInfo } from './rule.js';

export function rulesMarkdown(rules: readonly RuleInfo[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Written from src/model/rules by `npm run docs`; test/docs.test.ts keeps it in step. -->',
    '',
    'Every finding carries one of these codes. `msa-gen explain <code>` prints the same text.',
    '',
    '| code | name | severity | requires |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [${r.code}](#${r.code.toLowerCase()}-${r.name}) | ${r.name} | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const r of rules) {
    lines.push(`## ${r.code} ${r.name}`, '', `*${r.severity}* — ${r.summary}`, '', r.docs, '', `**Fix:** ${r.hint}`, '');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
