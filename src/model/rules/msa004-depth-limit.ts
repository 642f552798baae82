import { defineLoadRule } from './rule.js';

/** Reported by the loader, before the model is resolved. */
export const rule = defineLoadRule({
  code: 'MSA004',
  name: 'depth-limit',
  severity: 'error',
  summary: 'Collections nest at most 64 levels deep.',
  hint: 'A model needs about eight levels; flatten the structure.',
  docs: `Deeply nested input is a way to exhaust a parser's stack. A model never needs more than
about eight levels, so anything deeper than 64 is refused before it is built.`,
  messages: {
    /** The loader's own words. */
    depthLimit: '{{text}}',
  },
  examples: {
    fails: [{ whole: true, yaml: `description: ${'['.repeat(65)}${']'.repeat(65)}` }],
    passes: [{ whole: true, yaml: `description: ${'['.repeat(8)}${']'.repeat(8)}` }],
  },
});
