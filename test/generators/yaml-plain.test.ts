/**
 * The plain-word test of the YAML fast path (emit/yaml-plain.ts) against js-yaml itself: every
 * string it takes as plain, js-yaml writes as it is, as a value and as a key; near misses
 * (reserved words, numbers, indicators, spaces) included in what is tried.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { YAML_DUMP_OPTIONS } from '../../src/generators/emit/yaml.js';
import { isPlainWord, plainWordsHold } from '../../src/generators/emit/yaml-plain.js';

/** Words YAML readers take for something else than a string, and pieces that are indicators. */
const RESERVED = ['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N', '~', '.inf', '.NaN', '<<', '0x1F', '0o17', '0b11', '1_000', '1e3', '12:30', '2024-01-01'];
const PIECES = ['a', 'Z', 'x9', '-', '_', '.', '/', ':', '#', ' ', '0', '1.5', '..', '//', '- ', ': ', ' #', '\t', 'é', '"', "'", ',', '[', '{', '!', '&', '*', '?', '|', '>', '%', '@', '`'];

/** Strings near the boundary of the test: pieces and reserved words glued together. */
const nearWord = fc.array(fc.constantFrom(...RESERVED, ...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const word = fc.oneof(
  nearWord,
  fc.stringMatching(/^[A-Za-z][\w./-]{0,20}$/),
  fc.stringMatching(/^[A-Za-z][\w-]{5,15}(?:[./][\w-]{1,8}){0,3}$/),
  fc.tuple(fc.constantFrom(...RESERVED), fc.stringMatching(/^[\w./-]{1,6}$/)).map(([w, tail]) => `${w}${tail}`),
  fc.stringMatching(/^[\w./:#@ -]{0,12}$/),
  fc.constantFrom(...RESERVED).map((w) => `${w}${w}`),
  fc.string(),
);

describe('plain words in YAML', () => {
  it('are written by js-yaml as they are, as values and as keys', () => {
    let plain = 0;
    fc.assert(
      fc.property(word, (text) => {
        if (!isPlainWord(text)) return;
        plain++;
        expect(dump(text, YAML_DUMP_OPTIONS)).toBe(`${text}\n`);
        expect(dump({ [text]: null }, YAML_DUMP_OPTIONS)).toBe(`${text}: null\n`);
        expect(dump([{ [text]: [text] }], YAML_DUMP_OPTIONS)).toBe(`- ${text}:\n    - ${text}\n`);
      }),
      { numRuns: 5000 },
    );
    // The comparison means something only if many strings passed the test.
    expect(plain).toBeGreaterThan(1000);
  });

  it('leave out reserved words, numbers, short words, spaces, indicators and overlong keys', () => {
    for (const text of [...RESERVED, 'FALSE', 'orders ', 'a b-cdef', '-orders', 'orders:', 'or#ders', '1orders', 'ordérs', 'orders.', 'a..bcdef', 'x'.repeat(1025)]) {
      expect(isPlainWord(text), text).toBe(false);
    }
    for (const text of ['orders', 'bench.orders.OrderPlaced', 'kafka.strimzi.io/v1', 'OrderPlaced.DLQ', 'my_topic-1']) expect(isPlainWord(text), text).toBe(true);
  });

  it('are taken as plain only with dump options that cannot quote them', () => {
    expect(plainWordsHold(YAML_DUMP_OPTIONS)).toBe(true);
    expect(plainWordsHold({ ...YAML_DUMP_OPTIONS, forceQuotes: true })).toBe(false);
    expect(dump('orders', { ...YAML_DUMP_OPTIONS, forceQuotes: true })).not.toBe('orders\n');
  });
});
