import { defineLoadRule } from './rule.js';

/** Reported by the loader, before the model is resolved. */
export const rule = defineLoadRule({
  code: 'MSA002',
  name: 'duplicate-key',
  severity: 'error',
  summary: 'No mapping holds the same key twice.',
  hint: 'Remove or rename one of the two keys; YAML would silently keep only one of them.',
  docs: `YAML parsers differ on duplicate keys (some keep the first, some the last). msa-gen refuses
them so that the model means one thing.`,
  messages: {
    /** The loader's own words, naming the key. */
    duplicateKey: '{{text}}',
  },
  examples: {
    fails: [{ whole: true, yaml: 'platform:\n  name: gov24\n  name: gov25' }],
    passes: [{ whole: true, yaml: 'platform:\n  name: gov24' }],
  },
});
