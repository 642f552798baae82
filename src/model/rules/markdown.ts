/** The rule catalogue as text: a rule's full docs (`explain`, SARIF), and docs/rules.md (checked by a test). */
import { messageTemplate } from './message.js';
import type { Example, RuleInfo } from './rule.js';

const indent = (example: Example) =>
  example.yaml
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`))
    .join('\n');

function examples(title: string, list: readonly Example[]): string[] {
  return list.length === 0 ? [] : [`${title}:`, ...list.map(indent)];
}

/** `error`, `warning`… or `retired` for a rule that no longer reports anything. */
export function severityLabel(rule: RuleInfo): string {
  return rule.retired === undefined ? rule.severity : 'retired';
}

/** The rule's docs (after the note of its retirement, if retired) followed by its examples that fail and pass: what `explain` prints. */
export function ruleDocs(rule: RuleInfo): string {
  const retired = rule.retired === undefined ? [] : [`Retired: ${rule.retired}`];
  return [...retired, rule.docs, ...examples('Fails', rule.examples.fails), ...examples('Passes', rule.examples.passes)].join('\n\n');
}

/** `id: template` for each message of the rule. */
export function messageLines(rule: RuleInfo): string[] {
  return Object.entries(rule.messages).map(([id, spec]) => `${id}: ${messageTemplate(spec)}`);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A template as inline code (it may hold backticks itself). */
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

export function rulesMarkdown(rules: readonly RuleInfo[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Written from src/model/rules by `npm run docs`; test/docs.test.ts keeps it in step. -->',
    '',
    'Every finding carries one of these codes, and the id of one of its rule\'s messages (`messageId` in `--format json`, `message.id` in SARIF). `msa-gen explain <code>` prints the same text.',
    '',
    '| code | name | severity | requires |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [${r.code}](#${r.code.toLowerCase()}-${r.name}) | ${r.name} | ${severityLabel(r)} | ${cell(r.summary)} |`),
    '',
  ];
  for (const r of rules) {
    lines.push(`## ${r.code} ${r.name}`, '', `*${severityLabel(r)}* — ${r.summary}`, '', ruleDocs(r), '', `**Fix:** ${r.hint}`, '');
    lines.push('| message id | text |', '|---|---|');
    for (const [id, spec] of Object.entries(r.messages)) lines.push(`| \`${id}\` | ${cell(code(messageTemplate(spec)))} |`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
