import type { RuleInfo } from './rule.js';

/** Reported by the loader or the schema check, before the model is resolved. */
export const rule: RuleInfo = {
  code: 'MSA003',
  name: 'alias-limit',
  severity: 'error',
  summary: 'Aliases stay within limits: at most 200 per file, and at most 100,000 nodes once expanded.',
  hint: 'Write the repeated part out, or use fewer nested aliases.',
  docs: `Anchors and aliases (\`&defaults\`, \`*defaults\`) are fine for sharing a block of settings. A
few nested aliases can expand to billions of nodes (the "billion laughs" attack), so msa-gen
counts aliases and the size of the document they expand to, and stops early.

Fails: nine levels of nine aliases each.

Passes:

    defaults: &d { replicas: 3 }
    deploy: *d`,
};
