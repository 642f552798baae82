import type { RuleInfo } from './rule.js';

/** Reported by the loader or the schema check, before the model is resolved. */
export const rule: RuleInfo = {
  code: 'MSA002',
  name: 'duplicate-key',
  severity: 'error',
  summary: 'No mapping holds the same key twice.',
  hint: 'Remove or rename one of the two keys; YAML would silently keep only one of them.',
  docs: `YAML parsers differ on duplicate keys (some keep the first, some the last). msa-gen refuses
them so that the model means one thing.

Fails:

    platform:
      name: gov24
      name: gov25

Passes:

    platform:
      name: gov24`,
};
