/**
 * The fast path of yamlDocument (emit/yaml-block.ts) against the js-yaml road it stands in for
 * (dumpDocument): byte for byte the same text for any plain data, hostile strings included, and
 * the js-yaml road taken for whatever the fast path does not write itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockDocument } from '../../src/generators/emit/yaml-block.js';
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
