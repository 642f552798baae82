/** What model text may hold (MSA110), and model strings quoted for messages. */
import { describe, expect, it } from 'vitest';
import { quoteText } from '../src/model/quote.js';
import { forbiddenCharacter } from '../src/model/text-characters.js';

describe('forbiddenCharacter', () => {
  it.each([
    ['plain text', false, undefined],
    ['한글 and 📨 and “quotes”', false, undefined],
    ['two\nlines', true, undefined],
    ['a\ttab', true, undefined],
    ['two\nlines', false, 'a line break U+000A (line feed) 4'],
    ['a\ttab', false, 'a tab U+0009 (tab) 2'],
    ['cr\r', true, 'a line break U+000D (carriage return) 3'],
    ['esc\u001b[31m', true, 'a control character U+001B (escape) 4'],
    ['del\u007f', true, 'a control character U+007F (delete) 4'],
    ['nel\u0085', true, 'a line break U+0085 (next line) 4'],
    ['c1\u009b', true, 'a control character U+009B 3'],
    ['ls\u2028', true, 'a line break U+2028 (line separator) 3'],
    ['ps\u2029', true, 'a line break U+2029 (paragraph separator) 3'],
    ['rlo\u202e', true, 'a bidirectional control character U+202E (right-to-left override) 4'],
    ['lri\u2066', true, 'a bidirectional control character U+2066 (left-to-right isolate) 4'],
    ['pdi\u2069', true, 'a bidirectional control character U+2069 (pop directional isolate) 4'],
    ['📨\ud800', true, 'half of a surrogate pair U+D800 2'],
    ['\udc00', true, 'half of a surrogate pair U+DC00 1'],
  ])('%j (multi-line: %s) → %s', (text, multiline, expected) => {
    const found = forbiddenCharacter(text, multiline);
    expect(found && `${found.kind} ${found.name} ${found.position}`).toBe(expected);
  });
});

describe('quoteText', () => {
  it('escapes control characters and keeps short text whole', () => {
    expect(quoteText('a\nb\u001b')).toBe('"a\\nb\\u001b"');
  });
  it('clips long text to its start and end', () => {
    const quoted = quoteText(`${'a'.repeat(1000)}\n${'b'.repeat(1000)}`);
    expect(quoted.length).toBeLessThan(70);
    expect(quoted).toMatch(/^"a+…b+"$/);
  });
});
