import { defineLoadRule } from './rule.js';

/** Reported by the loader (and by the CLI for a file it cannot decode), before the model is resolved. */
export const rule = defineLoadRule({
  code: 'MSA001',
  name: 'yaml-syntax',
  severity: 'error',
  summary: 'The model file is well-formed YAML holding one document.',
  hint: 'Fix the YAML at the position shown; the caret marks where the parser stopped.',
  docs: `The model is read with a YAML 1.2 parser. A syntax error stops everything else: no schema,
naming or flow rule runs until the file parses. An empty file and a file with a second
document (\`---\`) are reported here too.`,
  messages: {
    /** The loader's own words: the parser's reason, an empty file, a second document. */
    syntaxError: '{{text}}',
    /** The CLI could not decode the file: too large, not UTF-8. */
    unreadable: { text: '{{text}}', hint: '{{hint}}' },
  },
  examples: {
    fails: [{ whole: true, yaml: 'platform: { name: gov24\ncontexts: []' }],
    passes: [{ whole: true, yaml: 'platform: { name: gov24 }\ncontexts: []' }],
  },
});
