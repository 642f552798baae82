/**
 * The loader's block reader (src/model/block-yaml.ts) against js-yaml: where the reader answers,
 * js-yaml accepts the text and builds the same value (same types, prototypes, keys in the same
 * order), and the reader's node table locates every pointer where js-yaml's events do. Where
 * js-yaml refuses a text, the reader does not answer.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { constructFromEvents, dump, parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../src/model/block-yaml.js';
import { LIMITS, loadModelText, mapEvents, tableLocations } from '../src/model/load.js';
import { CATALOGUE } from '../src/model/rules/index.js';
import { SourceText } from '../src/model/source.js';
// @ts-expect-error: a plain ES module of the bench, without type declarations
import { benchModel } from '../bench/models.mjs';
import { repositoryRoot, repositoryYaml } from './support/repository-yaml.js';
import { same } from './support/same-value.js';

const root = repositoryRoot;


/** Whether the reader answers for the text, and if so, how it differs from js-yaml (undefined: it does not). */
function compare(text: string): { covered: boolean; problem: string | undefined } {
  const block = readBlockYaml(text, LIMITS);
  if (block === undefined) return { covered: false, problem: undefined };
  let events;
  let documents: unknown[];
  try {
    events = parseEvents(text, { maxDepth: LIMITS.maxDepth });
    documents = constructFromEvents(events, { source: text, maxAliases: LIMITS.maxAliases });
  } catch (error) {
    return { covered: true, problem: `the reader answered where js-yaml refused the text: ${String(error)}` };
  }
  if (documents.length !== 1) return { covered: true, problem: `js-yaml read ${documents.length} documents` };
  const valueProblem = same(block.value, documents[0]);
  if (valueProblem) return { covered: true, problem: valueProblem };
  const expected = mapEvents(new SourceText('m.yaml', text), events);
  const actual = tableLocations(block.nodes);
  const a = JSON.stringify([...actual]);
  const e = JSON.stringify([...expected]);
  return { covered: true, problem: a === e ? undefined : `locations differ:\n${a}\n${e}` };
}


describe('the block reader agrees with js-yaml', () => {
  it('on every YAML file of the repository, and reads the bench models itself', () => {
    let covered = 0;
    for (const file of repositoryYaml) {
      const { covered: c, problem } = compare(readFileSync(`${root}${file}`, 'utf8'));
      expect(problem, file).toBeUndefined();
      if (c) covered++;
    }
    expect(covered).toBeGreaterThan(20);
    // The reference model too: block scalars, an anchor and its aliases.
    expect(compare(readFileSync(`${root}models/gov24.yaml`, 'utf8'))).toEqual({ covered: true, problem: undefined });
    for (const size of [5, 20, 200]) expect(compare(benchModel(size)), `bench ${size}`).toEqual({ covered: true, problem: undefined });
  });

  it("on the rules' examples", () => {
    for (const rule of CATALOGUE) {
      for (const example of [...rule.examples.fails, ...rule.examples.passes]) {
        expect(compare(example.yaml).problem, rule.code).toBeUndefined();
      }
    }
  });

  it('reads the shapes models are written in', () => {
    const cases = [
      'a: 1\n',
      'a: 1',
      '# c\n\na: x # c\nb:   "q # r"\nc: \'it\'\'s\'\n',
      'a:\n  b: 1\n  c:\n  - x: 1\n    y: "q"\n  -   z: [ a, \'b\' ]\n  d: {k: v}\n',
      'a:\n- 1\n- [x, {y: z}]\n-\n  k: v\nb: 2\n',
      'a:\n  -\n    - 1\n    - 2\n',
      'a: b:c\nd: http://x.y/z?q=1#f\ne: a, b [c] {d}\n',
      'a: [1, 0x1F, 0o17, 1.5e3, .inf, +.inf, .nan, ~, Null, TRUE, false, "true", \'1\']\n',
      'k y: { "a": 1, \'b c\': [] }\nconstructor: {}\ntoString: []\n',
      'a:\n  - { c: d, "e f": [] }\n  - {}\n  - []\n',
      'é: ñ\nx: 한국어 제목\n',
      'a: b\n  # c\nd: e\n',
      'a:\n  - x\n  # c\n    # d\n  - y\n# e\n',
      "a: b # c: d\ne: 'x' # f\n",
      'a: x#y\nb: [x#y, "#"]\n',
      'a: &x { b: 1 }\nc: *x\ne:\n  - *x\n  - &y-1 "q"\n  - *y-1 # c\n',
      'a: &x 1\nb: &x 2\nc: *x\n', // a redefined anchor: the later one
      'a: |\n  text\n  more: # not a key\nb: >-\n  folded\n  text\nc:\n  - |-\n    x\n  - >\n    y\n    z\nd: 1\n',
      'a:\n  b: >-\n    text\n# c\ne: |\n  x\n',
    ];
    for (const text of cases) expect(compare(text), JSON.stringify(text)).toEqual({ covered: true, problem: undefined });
  });

  it('leaves to js-yaml what it does not cover', () => {
    const cases = [
      'a: 1\na: 2\n', // a repeated key
      '1: x\n', // a key that resolves to a number
      '"1": x\n', // an array index as a key
      'null: x\n',
      '__proto__: { polluted: true }\n',
      '<<: { a: 1 }\n',
      '? [a, b]\n: c\n',
      'a: !!str 1\n',
      '--- \na: 1\n',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: 1\n',
      '',
      '# only a comment\n',
      'a:\n',
      'a: &x\n  b: 1\nc: *x\n', // an anchor on a block collection
      'a: [&x 1, *x]\n', // anchors and aliases in a flow collection
      'a: *x\n', // an unknown anchor
      'a: &x 1\nb: *x: 2\n',
      'a: |\n  text\n  more\n\n  last\n', // a blank line inside a block scalar
      'a: |\n  text\n    more\n', // a more indented line
      'a: |+\n  text\n',
      'a: |2\n  text\n',
      'a: | # c\n  text\n',
      'a: |\n  text', // no final line break
      'a: |\n  trailing \n',
      'a:\n  b: |\n   one space deeper\n',
      'a: "x\\ny"\n', // an escape
      'a: "x\n  y"\n', // a quoted scalar over two lines
      'a: plain\n  continued\n',
      'a: [1,\n  2]\n',
      'a:\tb\n',
      'a: b\r\nc: d\r\n',
      '- a\n',
      'a\n',
      'a: b: c\n',
      'a:b\n',
      'a: -1\n',
      'a: [a:b]\n',
      'a: [1, ]\n',
      'a: {b: }\n',
      'a:\n  - \n',
      '\ufeffa: 1\n',
      'a: \u0085\n',
      'a: 😀\n',
      '  a: 1\n',
      'a:\n    b: 1\n   c: 2\n',
      'a: 1\n - b\n',
      'a: "x"y\n',
      'a: "x"#y\n',
    ];
    for (const text of cases) expect(readBlockYaml(text, LIMITS), JSON.stringify(text)).toBeUndefined();
  });

  it('on mutated models: what it reads, js-yaml reads alike', () => {
    const bases = [benchModel(5), readFileSync(`${root}models/gov24.yaml`, 'utf8'), ...CATALOGUE.flatMap((r) => r.examples.passes.map((e) => e.yaml)).slice(0, 20)];
    const piece = fc.constantFrom(
      ' ', '  ', '\n', '\n  ', '\n- ', ':', ': ', '-', '- ', '#', ' #', "'", '"', "''", '[', ']', '{', '}', ', ', ',',
      '&x ', '*x', '!', '|', '>', '? ', '---', '...', '\\', '~', 'null', 'true', '1', '0x1', '.5', 'a', 'key: v', '\t', '\r', '%', '@', '`',
    );
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 3 }) });
    let covered = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (b, edits) => {
        let text = bases[b]!;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
        }
        const outcome = compare(text);
        expect(outcome.problem, JSON.stringify(text)).toBeUndefined();
        runs++;
        if (outcome.covered) covered++;
      }),
      { numRuns: 3000 },
    );
    // Many a mutation keeps the text in what the reader covers: those are the comparisons that count.
    expect(covered).toBeGreaterThan(runs / 5);
  });

  it('on generated documents', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('1', 'true', 'null', '~', '__proto__', 'constructor', '<<', 'a', 'b'));
    const scalar = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('1', '0x1F', '.5', '-0', '1e3', 'yes', 'no', 'Null', '~', '#', ': ', '- ', '"', "'", '\n', ' x ', 'a:b', 'a #b'),
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
    const options = fc.record({ flowLevel: fc.constantFrom(-1, 0, 1, 2), lineWidth: fc.constantFrom(-1, 20, 80), indent: fc.constantFrom(1, 2, 4) });
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4 }), options, (value, opts) => {
        const text = dump(value, opts);
        expect(compare(text).problem, text).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    const piece = fc.constantFrom('a', 'b', '1', ': ', ':', '- ', '\n', '  ', '{', '}', '[', ']', ', ', '"', "'", '&x ', '*x', '!!str ', '? ', '---\n', '# c\n', ' #', '|\n', 'null', '~', '__proto__');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(compare(text).problem, JSON.stringify(text)).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });

  it('is what the loader runs on a model it covers, and locates findings as js-yaml events do', () => {
    const text = benchModel(5);
    const loaded = loadModelText('m.yaml', text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const events = parseEvents(text, {});
    const expected = mapEvents(new SourceText('m.yaml', text), events);
    for (const [pointer, location] of expected) expect(loaded.map.locate(pointer), pointer).toEqual(location);
    // A pointer below the located nodes falls back to its nearest ancestor.
    expect(loaded.map.locate('/contexts/0/name/deeper')).toEqual(expected.get('/contexts/0/name'));
    expect(loaded.map.locate('/nowhere')).toEqual(expected.get(''));
  });
});
