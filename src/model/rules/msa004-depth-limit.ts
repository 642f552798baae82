import type { RuleInfo } from './rule.js';

/** Reported by the loader or the schema check, before the model is resolved. */
export const rule: RuleInfo = {
  code: 'MSA004',
  name: 'depth-limit',
  severity: 'error',
  summary: 'Collections nest at most 64 levels deep.',
  hint: 'A model needs about eight levels; flatten the structure.',
  docs: `Deeply nested input is a way to exhaust a parser's stack. A model never needs more than
about eight levels, so anything deeper than 64 is refused before it is built.

Fails: \`[[[[ … ]]]]\` ten thousand levels deep.`,
};
