/**
 * The emitters of src/generators/emit/: each target format's escaping of model text, checked
 * against a reader of that format where there is one (the TypeScript scanner, JavaScript itself,
 * js-yaml, JSON.parse).
 */
import { load } from 'js-yaml';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dockerComment, dockerWord } from '../../src/generators/emit/dockerfile.js';
import { jsonText } from '../../src/generators/emit/json.js';
import { mdCode, mdCodeBlockLine, mdInline, mdParagraph } from '../../src/generators/emit/markdown.js';
import { tsCommentLines, tsLineComment, tsString, tsTemplateText } from '../../src/generators/emit/typescript.js';
import { LONG_STRING, yamlComment, yamlDocument, yamlDoubleQuoted, yamlFlowSequence, yamlQuoted } from '../../src/generators/emit/yaml.js';
import { docComment } from '../../src/generators/ts/code.js';

const HOSTILE = [
  '',
  'plain',
  "it's \"quoted\" \\ back`tick` ${x}",
  'line\nbreak\r\nand\rcr',
  '*/ closes /* opens',
  '\u001b[31m\u0007\u0000\u007f\u0085\u009b',
  '\u2028\u2029',
  '\u202e\u2066\u200f\ufeff',
  'lone \ud800 surrogate \udfff',
  'emoji 😀 and 한글',
  '- item\n? key\n: value\n--- \n...\n# comment\n&a *a !!str',
  'yes',
  '0o12',
  '9092:9092',
  ' leading and trailing ',
];

/** Unsafe characters (tabs and line feeds aside) no emitter output may hold raw. */
const RAW_UNSAFE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;

/** The tokens of a TypeScript text, comments included. */
function tokens(text: string): ts.SyntaxKind[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const out: ts.SyntaxKind[] = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t !== ts.SyntaxKind.NewLineTrivia && t !== ts.SyntaxKind.WhitespaceTrivia) out.push(t);
  }
  return out;
}

describe('TypeScript', () => {
  it('tsString: one string literal that evaluates to the text', () => {
    for (const text of HOSTILE) {
      const literal = tsString(text);
      expect(tokens(literal), literal).toEqual([ts.SyntaxKind.StringLiteral]);
      expect(new Function(`return ${literal};`)(), literal).toBe(text);
      expect(literal).not.toMatch(RAW_UNSAFE);
      expect(literal).not.toMatch(/[\n\r]/);
    }
  });

  it('tsString writes ordinary text as before: single quotes, nothing else escaped', () => {
    expect(tsString("Permit's office — 한글")).toBe("'Permit\\'s office — 한글'");
  });

  it('tsTemplateText: text between backquotes that evaluates to the text', () => {
    for (const text of HOSTILE) {
      const literal = `\`${tsTemplateText(text)}\``;
      expect(tokens(literal), literal).toEqual([ts.SyntaxKind.NoSubstitutionTemplateLiteral]);
      expect(new Function(`return ${literal};`)(), literal).toBe(text);
      expect(literal).not.toMatch(RAW_UNSAFE);
    }
  });

  it('a doc comment stays one comment, one line of it per line of the text', () => {
    for (const text of HOSTILE) {
      for (const comment of [docComment(text), docComment([text, text]), docComment(text, 4)]) {
        expect(tokens(comment), comment).toEqual([ts.SyntaxKind.MultiLineCommentTrivia]);
        expect(comment).not.toMatch(RAW_UNSAFE);
      }
    }
    expect(docComment(['first\nsecond'])).toBe('/**\n * first\n * second\n */');
    expect(tsCommentLines('a\u2028b\u001b')).toEqual(['a\\u2028b\\x1b']);
  });

  it('a line comment stays comments, each line behind its own //', () => {
    for (const text of HOSTILE) {
      const comment = tsLineComment(text, 2);
      expect(new Set(tokens(comment)), comment).toEqual(new Set([ts.SyntaxKind.SingleLineCommentTrivia]));
      for (const line of comment.split('\n')) expect(line).toMatch(/^ {2}\/\//);
    }
  });
});

describe('YAML', () => {
  const cases: unknown[] = [
    ...HOSTILE.map((text) => ({ text })),
    Object.fromEntries(HOSTILE.filter((t) => t !== '').map((t, i) => [t, i])),
    { list: HOSTILE, nested: { deeper: [{ key: HOSTILE[3] }] } },
    { long: 'x'.repeat(3_000_000) },
    { ['k'.repeat(2000)]: 'long key', list: [{ ['\n'.repeat(3) + 'q'.repeat(1100)]: 1 }] },
  ];

  it('yamlDocument: reads back as the value, with no unsafe character raw', () => {
    for (const value of cases) {
      const text = yamlDocument(value);
      expect(text, text.slice(0, 200)).not.toMatch(RAW_UNSAFE);
      expect(load(text)).toEqual(value);
    }
  });

  it('escapes U+0085, U+2028 and U+2029 in the forms YAML 1.1 and 1.2 both read', () => {
    expect(yamlDocument({ a: 'x\u0085y\u2028z\u2029' })).toBe('a: "x\\x85y\\u2028z\\u2029"\n');
  });

  it('leaves ordinary values to js-yaml (plain, single-quoted where a reader would see a number or a boolean)', () => {
    expect(yamlDocument({ a: 'plain text', b: 'yes', c: 'multi\nline', d: 1, e: [] })).toBe("a: plain text\nb: 'yes'\nc: |-\n  multi\n  line\nd: 1\ne: []\n");
  });

  it('writes a long string double-quoted on one line, without the stack overflow of js-yaml', () => {
    const long = 'word '.repeat(LONG_STRING);
    expect(yamlDocument({ a: long })).toBe(`a: ${yamlQuoted(long)}\n`);
  });

  it('writes DoubleQuoted strings and FlowSequence lists as asked', () => {
    const text = yamlDocument({ ports: [yamlDoubleQuoted('9092:9092')], test: yamlFlowSequence(['CMD-SHELL', 'pg_isready -U "x"']) });
    expect(text).toBe('ports:\n  - "9092:9092"\ntest: ["CMD-SHELL", "pg_isready -U \\"x\\""]\n');
    expect(load(text)).toEqual({ ports: ['9092:9092'], test: ['CMD-SHELL', 'pg_isready -U "x"'] });
  });

  it('a text cannot forge a placeholder', () => {
    const value = { a: 'msa-gen-yaml-placeholder-0-x', b: '\u0007' };
    expect(load(yamlDocument(value))).toEqual(value);
  });

  it('yamlComment: comment lines only, whatever line breaks the text holds', () => {
    for (const text of HOSTILE) {
      const comment = yamlComment([text, 'second']);
      for (const line of comment.split('\n')) expect(line).toMatch(/^#( |$)/);
      expect(comment).not.toMatch(RAW_UNSAFE);
      expect(load(`${comment}\na: 1\n`)).toEqual({ a: 1 });
    }
    expect(yamlComment(['Title\nglobal: {a: 1}', '', '  indented'])).toBe('# Title\n# global: {a: 1}\n#\n#   indented');
  });
});

describe('JSON', () => {
  it('jsonText reads back as the value and escapes the separators and bidirectional characters', () => {
    for (const text of HOSTILE) {
      const json = jsonText({ text, [text]: [text] });
      expect(JSON.parse(json)).toEqual({ text, [text]: [text] });
      expect(json).not.toMatch(RAW_UNSAFE);
    }
    expect(jsonText({ a: '\u2028\u202e' })).toBe('{\n  "a": "\\u2028\\u202e"\n}\n');
  });
});

describe('Markdown', () => {
  it('mdInline: one line, markup and HTML characters escaped', () => {
    expect(mdInline('a <b>\n[x](y) `c` *d* _e_ | & # \\')).toBe('a \\<b\\> \\[x\\](y) \\`c\\` \\*d\\* \\_e\\_ \\| \\& \\# \\\\');
    expect(mdInline('Government24 Complaint Portal (general)')).toBe('Government24 Complaint Portal (general)');
    for (const text of HOSTILE) {
      expect(mdInline(text)).not.toMatch(/[\n\r]/);
      expect(mdInline(text)).not.toMatch(RAW_UNSAFE);
    }
  });

  it('mdParagraph: no list, heading, quote or setext marker of its own at the start', () => {
    expect(mdParagraph('- item')).toBe('\\- item');
    expect(mdParagraph('  + item')).toBe('\\+ item');
    expect(mdParagraph('12. item')).toBe('12\\. item');
    expect(mdParagraph('1) item')).toBe('1\\) item');
    expect(mdParagraph('# heading')).toBe('\\# heading');
    expect(mdParagraph('> quote')).toBe('\\> quote');
    expect(mdParagraph('=== x')).toBe('\\=== x');
    expect(mdParagraph('Ministry of the Interior, 2024.')).toBe('Ministry of the Interior, 2024.');
  });

  it('mdCode: nothing ends the code span or the table cell', () => {
    expect(mdCode('a`b|c\nd\u001b')).toBe('a\\x60b\\x7cc\\nd\\x1b');
    expect(mdCode('postgres://gov24:gov24@localhost:5432/gov24')).toBe('postgres://gov24:gov24@localhost:5432/gov24');
  });

  it('mdCodeBlockLine: nothing ends the code block', () => {
    expect(mdCodeBlockLine('```')).toBe('\\x60``');
    expect(mdCodeBlockLine('  ~~~ x')).toBe('  \\x7e~~ x');
    expect(mdCodeBlockLine('a\nb')).toBe('a\\nb');
    expect(mdCodeBlockLine('services/x/  `npm test`')).toBe('services/x/  `npm test`');
  });
});

describe('Dockerfile', () => {
  it('dockerComment: each line of the text behind its own #', () => {
    for (const text of HOSTILE) {
      const comment = `# ${dockerComment(text)}`;
      for (const line of comment.split('\n')) expect(line).toMatch(/^# /);
      expect(comment).not.toMatch(RAW_UNSAFE);
    }
    expect(`# (${dockerComment('x)\nRUN touch pwned \\\n# (')}).`).toBe('# (x)\n# RUN touch pwned \\\n# # ().');
  });

  it('dockerWord: plain words only, anything else refused', () => {
    expect(dockerWord('services/instant-issuance')).toBe('services/instant-issuance');
    expect(dockerWord('node:22-slim')).toBe('node:22-slim');
    for (const bad of ['a b', 'a\nRUN x', '$HOME', 'a\\', '"a"', '#a', '-a', '', '[a]']) {
      expect(() => dockerWord(bad), bad).toThrow(/cannot be written into a Dockerfile instruction/);
    }
  });
});
