/**
 * The fast path of yamlDocument (emit/yaml-block.ts) against the js-yaml road it stands in for
 * (dumpDocument): byte for byte the same text for any plain data, hostile strings included, and
 * the js-yaml road taken for whatever the fast path does not write itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockDocument } from '../../src/generators/emit/yaml-block.js';
import { keyInput } from '../../src/generators/emit/keyed.js';
import { dumpDocument, yamlDocument, yamlDoubleQuoted, yamlFlowSequence } from '../../src/generators/emit/yaml.js';

/** Strings a YAML writer must think about: reserved words, numbers, indicators, unsafe characters. */
const TRICKY = [
  '', ' ', 'plain', 'two words', 'y', 'n', 'yes', 'No', 'on', 'OFF', 'true', 'False', 'null', '~', 'NULL', '=', '<<',
  '0', '-0', '1.5', '1e3', '.inf', '-.Inf', '.nan', '0x1F', '0o17', '007', '+1', '1_000', '2024-01-01', '12:30:00',
  '9092:9092', 'a: b', 'a:b', 'a #b', '#a', '- a', '-a', '? a', '?a', ': a', ',a', '[a]', '{a}', '&a', '*a', '!a', '|a', '>a',
  "'a'", '"a"', '%a', '@a', '`a`', 'a\tb', '\ttab', 'trailing ', ' leading', '---', '--- a', '...', '... a', '----',
  'multi\nline', 'ends with newline\n', '\n', 'cr\rlf', 'é', '한글', '😀', '\u0085', '\u2028', '\ufeff', '\u0007', 'lone \ud800',
  'msa-gen-yaml-placeholder-0-x', 'x'.repeat(1001), `k${'e'.repeat(1030)}`,
];

const text = fc.oneof(fc.constantFrom(...TRICKY), fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const special = fc.oneof(text.map(yamlDoubleQuoted), fc.array(text, { maxLength: 3 }).map(yamlFlowSequence));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, special, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
}));

const OPTIONS = { dumpOptions: { lineWidth: -1, noRefs: true, indent: 2 }, rewrite: () => undefined, special: () => undefined, implicitKeyLimit: 1024 };

describe('yamlDocument fast path', () => {
  let fast = 0;
  it('writes byte for byte what the js-yaml road writes, for any plain data', () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(text, value, { maxKeys: 5 }), fc.array(value, { maxLength: 5 }), value), (v) => {
        if (blockDocument(v, OPTIONS) !== undefined) fast++;
        expect(yamlDocument(v)).toBe(dumpDocument(v));
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only if the fast path wrote most of them.
    expect(fast).toBeGreaterThan(500);
  });

  it('keeps a key named __proto__ on both roads (fast-check found the js-yaml road dropping it)', () => {
    const value = [[JSON.parse('{"__proto__": false, "a": 1}') as unknown]];
    expect(dumpDocument(value)).toBe('- - __proto__: false\n    a: 1\n');
    expect(yamlDocument(value)).toBe(dumpDocument(value));
  });

  it('writes the documents generators build itself, and leaves to js-yaml what it cannot place', () => {
    const resource = { apiVersion: 'v1', metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } }, spec: { list: [{ a: 1, b: [] }, [], {}, ['x', ['y']]], n: null } };
    expect(blockDocument(resource, OPTIONS)).toBe(dumpDocument(resource));
    const options = OPTIONS;
    expect(blockDocument({ a: 'multi\nline' }, options)).toBeUndefined();
    expect(blockDocument({ a: undefined }, options)).toBeUndefined();
    expect(blockDocument({ a: new Date(0) }, options)).toBeUndefined();
    expect(blockDocument('top-level scalar', options)).toBeUndefined();
    for (const v of [{ a: 'multi\nline' }, { a: undefined, b: 1 }, 'top', [undefined, 1]]) expect(yamlDocument(v)).toBe(dumpDocument(v));
  });
});

describe('keyInput (the key of a keyed file, src/generators/emit/keyed.ts)', () => {
  it('tells apart the data JSON writes alike', () => {
    const alike = [0, -0, null, NaN, Infinity, -Infinity, undefined, '0', 'null', { text: 'a' }, yamlDoubleQuoted('a'), { items: ['a'] }, yamlFlowSequence(['a']), [], {}, [1, , 2], [1, null, 2], [1, undefined, 2]]; // eslint-disable-line no-sparse-arrays
    const inputs = alike.map((v) => keyInput({ v }));
    expect(new Set(inputs).size).toBe(alike.length);
    expect(keyInput({ a: 1, b: ['x', true, null] })).toBe(JSON.stringify({ a: 1, b: ['x', true, null] }));
  });

  it('is a key: data with the same input are written the same', () => {
    const written = new Map<string, string>();
    let same = 0;
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.constantFrom('a', 'b', 'c'), value, { maxKeys: 2 }), fc.array(value, { maxLength: 2 }), value), (v) => {
        const input = keyInput(v);
        const text = yamlDocument(v);
        const known = written.get(input);
        if (known !== undefined) {
          same++;
          expect(text).toBe(known);
        } else written.set(input, text);
      }),
      { numRuns: 3000, seed: 12_003 },
    );
    // Not vacuous: many inputs came back.
    expect(same).toBeGreaterThan(100);
  });
});

