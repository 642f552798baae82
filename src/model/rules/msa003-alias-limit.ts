import { defineLoadRule } from './rule.js';

/** Nine levels of nine aliases each: 9^9 nodes once expanded. */
const BOMB = `a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]`;

/** Reported by the loader, before the model is resolved. */
export const rule = defineLoadRule({
  code: 'MSA003',
  name: 'alias-limit',
  severity: 'error',
  summary: 'Aliases stay within limits: at most 200 per file, adding at most 100,000 nodes once expanded.',
  hint: 'Write the repeated part out, or use fewer nested aliases.',
  docs: `Anchors and aliases (\`&defaults\`, \`*defaults\`) are fine for sharing a block of settings. A
few nested aliases can expand to billions of nodes (the "billion laughs" attack), so msa-gen
counts aliases and the nodes they add once expanded, and stops early. Nodes written out are not
counted: the file's size (\`--max-size\`) bounds them, so a large model without aliases (a
thousand contexts, say) loads.`,
  messages: {
    /** The loader's own words: too many aliases, or too large once expanded. */
    aliasLimit: '{{text}}',
  },
  examples: {
    fails: [{ whole: true, yaml: BOMB }],
    passes: [{ whole: true, yaml: 'defaults: &d { replicas: 3 }\ndeploy: *d' }],
  },
});
