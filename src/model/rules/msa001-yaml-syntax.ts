import type { RuleInfo } from './rule.js';

/** Reported by the loader or the schema check, before the model is resolved. */
export const rule: RuleInfo = {
  code: 'MSA001',
  name: 'yaml-syntax',
  severity: 'error',
  summary: 'The model file is well-formed YAML holding one document.',
  hint: 'Fix the YAML at the position shown; the caret marks where the parser stopped.',
  docs: `The model is read with a YAML 1.2 parser. A syntax error stops everything else: no schema,
naming or flow rule runs until the file parses. An empty file and a file with a second
document (\`---\`) are reported here too.

Fails:

    platform: { name: gov24
    contexts: []

Passes:

    platform: { name: gov24 }
    contexts: []`,
};
