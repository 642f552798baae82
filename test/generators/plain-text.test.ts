/**
 * The escapers' fast paths for printable ASCII (emit/plain-text.ts, emit/typescript.ts, the word
 * split of ts/code.ts wrap) against their full roads: the same answer for any string, hostile
 * ones included, and the fast path taken for most of the strings tried.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonScalar, jsonText } from '../../src/generators/emit/json.js';
import { isPrintableAscii, safeLinesOf } from '../../src/generators/emit/plain-text.js';
import { escapedTsString, tsCommentLines, tsString } from '../../src/generators/emit/typescript.js';
import { wordsOf, wrap } from '../../src/generators/ts/code.js';
import { safeLines } from '../../src/model/text.js';

/** Characters every escaper must think about, around the edges of printable ASCII. */
const EDGES = ["'", '\\', '"', '`', '*/', '/*', '${', '\t', '\n', '\r', '\r\n', '\v', '\f', '\0', '\x1b', '\x7f', '\x80', '\x85', '\x9f', '\xa0', '\u061c', '\u200e', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '\ud800', '\udc00', '😀', 'é', ' ', '  ', '~', 'a'];
const ascii = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const text = fc.oneof(
  ascii,
  fc.array(fc.oneof(fc.constantFrom(...EDGES), ascii), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

/** wrap's word split before the fast path. */
const slowWords = (paragraph: string) => paragraph.split(/\s+/).filter((w) => w.length > 0);

/** wrap as it was written before its fast path for words apart by single spaces. */
function slowWrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of slowWords(paragraph)) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/** Prose: words of printable ASCII apart by spaces (sometimes several), line breaks, now and then an edge character. */
const prose = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,12}$/) }, { weight: 1, arbitrary: fc.constantFrom(...EDGES) }), { maxLength: 40 })
  .chain((words) => fc.array(fc.constantFrom(' ', ' ', ' ', '  ', '\n'), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')));

describe('escaper fast paths for printable ASCII', () => {
  it('wrap gives the lines the word-by-word road gives, for any text and width', () => {
    fc.assert(
      fc.property(fc.oneof(prose, text), fc.integer({ min: 1, max: 120 }), (s, width) => {
        expect(wrap(s, width)).toEqual(slowWrap(s, width));
      }),
      { numRuns: 5000 },
    );
  });

  it('give what the full roads give, for any string', () => {
    let fast = 0;
    fc.assert(
      fc.property(text, (s) => {
        if (isPrintableAscii(s)) fast++;
        expect(safeLinesOf(s)).toEqual(safeLines(s));
        expect(tsString(s)).toBe(escapedTsString(s));
        expect(tsCommentLines(s)).toEqual(safeLines(s).map((line) => line.replace(/\*\//g, '*\\/')));
        expect(wordsOf(s)).toEqual(slowWords(s));
        expect(jsonScalar(s)).toBe(jsonText(s).trimEnd());
      }),
      { numRuns: 5000 },
    );
    expect(fast).toBeGreaterThan(1000);
  });

  it('write JSON scalars as jsonText does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), (v) => {
        expect(jsonScalar(v)).toBe(jsonText(v).trimEnd());
      }),
    );
    expect(jsonScalar('a"b\\c\u2028')).toBe('"a\\"b\\\\c\\u2028"');
  });

  it('still escape what needs it', () => {
    expect(tsString("it's \\ fine")).toBe("'it\\'s \\\\ fine'");
    expect(tsString('a\u2028b')).toBe("'a\\u2028b'");
    expect(tsCommentLines('close */ here')).toEqual(['close *\\/ here']);
    expect(safeLinesOf('a\r\nb\x1b')).toEqual(['a', 'b\\x1b']);
    expect(wordsOf('a\u00a0b\tc  d')).toEqual(['a', 'b', 'c', 'd']);
  });
});
