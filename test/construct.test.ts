/**
 * The loader's one-pass construction (src/model/construct.ts) against js-yaml's
 * constructFromEvents: where the pass answers, its value is the one js-yaml builds (same types,
 * prototypes, keys in the same order); where js-yaml refuses the document, the pass does not answer.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { constructFromEvents, dump, parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { constructPlain } from '../src/model/construct.js';
import { LIMITS } from '../src/model/load.js';
import { CATALOGUE } from '../src/model/rules/index.js';
// @ts-expect-error: a plain ES module of the bench, without type declarations
import { benchModel } from '../bench/models.mjs';
import { repositoryRoot, repositoryYaml } from './support/repository-yaml.js';
import { same } from './support/same-value.js';

const root = repositoryRoot;


type Outcome = { kind: 'value'; documents: unknown[] } | { kind: 'error' } | { kind: 'unparsed' };

/** What each road makes of a text: the pass answering undefined is "not covered", never a verdict. */
function compare(text: string): { covered: boolean; problem: string | undefined } {
  let events;
  try {
    events = parseEvents(text, { maxDepth: 64 });
  } catch {
    return { covered: false, problem: undefined }; // a syntax error: neither road sees events
  }
  let reference: Outcome;
  try {
    reference = { kind: 'value', documents: constructFromEvents(events, { source: text, maxAliases: LIMITS.maxAliases }) };
  } catch {
    reference = { kind: 'error' };
  }
  const fast = constructPlain(text, events, LIMITS);
  if (fast === undefined) return { covered: false, problem: undefined };
  if (reference.kind !== 'value') return { covered: true, problem: 'the pass built a value where js-yaml refused the document' };
  return { covered: true, problem: same(fast, reference.documents) };
}


describe('one-pass construction agrees with js-yaml', () => {
  it('on every YAML file of the repository', () => {
    let covered = 0;
    for (const file of repositoryYaml) {
      const { covered: c, problem } = compare(readFileSync(`${root}${file}`, 'utf8'));
      expect(problem, file).toBeUndefined();
      if (c) covered++;
    }
    // The models and most fixtures are plain YAML: the pass is what runs on them.
    expect(covered).toBeGreaterThan(repositoryYaml.length / 2);
    expect(compare(readFileSync(`${root}models/gov24.yaml`, 'utf8')).covered).toBe(true);
  });

  it('on the rules\' examples and the bench model', () => {
    for (const rule of CATALOGUE) {
      for (const example of [...rule.examples.fails, ...rule.examples.passes]) {
        expect(compare(example.yaml).problem, rule.code).toBeUndefined();
      }
    }
    const bench = compare(benchModel(20));
    expect(bench).toEqual({ covered: true, problem: undefined });
  });

  it('on plain scalars of every first character, and the null and boolean words in every letter case', () => {
    const words = ['null', 'true', 'false', 'nul', 'tru', 'fals', 'nulls', 'truey', 'falsey', 'n', 't', 'f', 'yes', 'no', 'on', 'off', 'y'];
    /** Every spelling of a word with each letter in either case. */
    const cases = (w: string): string[] =>
      w === '' ? [''] : cases(w.slice(1)).flatMap((rest) => [w[0]!.toLowerCase() + rest, w[0]!.toUpperCase() + rest]);
    const firsts = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => !'#&*!|>\'"%@`[]{},?:-'.includes(c));
    const scalars = [
      ...words.flatMap(cases),
      ...firsts.flatMap((c) => [c, `${c}x`, `${c}1`, `${c}.5`, `${c}ull`, `${c}rue`, `${c}alse`, `${c}ULL`]),
      '-1', '-x', '-.inf', '.inf', '.NaN', '.nan', '0x1F', '0o17', '+12', '1e3', '1_000', '~', 'é', 'ñull',
    ];
    const text = `values:\n${scalars.map((v) => `  - ${v}`).join('\n')}\n`;
    const { covered, problem } = compare(text);
    expect(covered).toBe(true);
    expect(problem).toBeUndefined();
  });

  it('on documents with what the pass leaves to js-yaml', () => {
    const cases = [
      'a: 1\na: 2\n', // a repeated key
      '1: x\n', // a key that resolves to a number
      'null: x\ntrue: y\n',
      '__proto__: { polluted: true }\n',
      '? [a, b]\n: c\n', // a collection as a key
      'a: &x { b: 1 }\nc: *x\n', // an anchor and an alias
      'a: !!str 1\n', // a tag
      '--- a\n--- b\n', // two documents
      '', // no document
      '---\n', // an empty document
      '---\n...\n',
      'a:\n', // a key without a value
      '"a": 1\n\'a\': 2\n', // the same key in two quotings
      'x: [1, 0x1F, 0o17, 1.5e3, .inf, -.inf, .nan, ~, Null, TRUE, false, "true", \'1\']\n',
      'x: |\n  literal\n  text\ny: >-\n  folded\n  text\n',
      '- a\n- - b\n  - { c: d, "e f": [] }\n- {}\n',
      '<<: { a: 1 }\nb: 2\n', // a merge key is a plain key in the core schema
    ];
    for (const text of cases) expect(compare(text).problem, JSON.stringify(text)).toBeUndefined();
    expect(compare('a: 1\na: 2\n').covered).toBe(false);
    expect(compare('1: x\n').covered).toBe(false);
    expect(compare('__proto__: { polluted: true }\n').covered).toBe(false);
    expect(compare('a: &x { b: 1 }\nc: *x\n').covered).toBe(true);
    expect(compare('a: &x [*x]\n').covered).toBe(false); // an alias of an open collection
    expect(compare('--- a\n--- b\n').covered).toBe(false);
    // An alias is its anchor's value itself, as js-yaml makes it.
    const text = 'a: &x { b: 1 }\nc: *x\n';
    const [doc] = constructPlain(text, parseEvents(text, {}), LIMITS) as [{ a: unknown; c: unknown }];
    expect(doc.c).toBe(doc.a);
    // Past a limit the pass leaves the document to js-yaml's road and its limits check.
    const manyAliases = `a: &x 1\nb: [${Array.from({ length: LIMITS.maxAliases + 1 }, () => '*x').join(', ')}]\n`;
    expect(compare(manyAliases).covered).toBe(false);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) laughs.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
    expect(compare(laughs.join('\n')).covered).toBe(false);
    const fewer = `a: &x [1, 2]\nb: [${Array.from({ length: LIMITS.maxAliases }, () => '*x').join(', ')}]\n`;
    expect(compare(fewer)).toEqual({ covered: true, problem: undefined });
    expect(compare('- a\n- - b\n  - { c: d, "e f": [] }\n- {}\n').covered).toBe(true);
    expect(compare('<<: { a: 1 }\nb: 2\n')).toEqual({ covered: true, problem: undefined });
  });

  it('on generated documents', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('1', 'true', 'null', '~', '__proto__', 'constructor', '<<', 'a', 'b'));
    const scalar = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('1', '0x1F', '.5', '-0', '1e3', 'yes', 'no', 'Null', '~', '#', ': ', '- ', '"', "'", '\n', ' x '),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    const options = fc.record({ flowLevel: fc.constantFrom(-1, 0, 1, 2), lineWidth: fc.constantFrom(-1, 20, 80) });
    fc.assert(
      fc.property(tree, options, (value, opts) => {
        const text = dump(value, opts);
        expect(compare(text).problem, text).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    // Text that is YAML by chance: keys, indentation, flow, quotes, anchors and tags mixed.
    const piece = fc.constantFrom('a', 'b', '1', ': ', ':', '- ', '\n', '  ', '{', '}', '[', ']', ', ', '"', "'", '&x ', '*x', '!!str ', '? ', '---\n', '# c\n', '|\n', 'null', '~', '__proto__');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(compare(text).problem, JSON.stringify(text)).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });
});
