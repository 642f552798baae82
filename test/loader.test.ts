import { describe, expect, it } from 'vitest';
import { LIMITS, loadModelText } from '../src/model/load.js';
import { escapeToken, joinPointer, splitPointer, unescapeToken } from '../src/model/pointer.js';
import { validateModelText } from '../src/model/validate.js';

function positionOf(text: string, pointer: string, on: 'key' | 'value' = 'value') {
  const loaded = loadModelText('m.yaml', text);
  if (!loaded.ok) throw new Error(loaded.message);
  const loc = loaded.map.locate(pointer);
  const offset = on === 'key' ? loc.keyStart : loc.start;
  if (offset === undefined) throw new Error(`no ${on} offset for ${pointer}`);
  return loaded.map.source.position(offset);
}

describe('JSON pointers', () => {
  it('escapes ~ and / (RFC 6901)', () => {
    expect(escapeToken('a/b~c')).toBe('a~1b~0c');
    expect(joinPointer('', 'paths', '/x~y', 0)).toBe('/paths/~1x~0y/0');
  });
  it('unescapes ~1 before ~0, so "~01" is "~1" and not "/"', () => {
    expect(unescapeToken('~01')).toBe('~1');
    expect(splitPointer('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1']);
  });
});

describe('pointer → line:column', () => {
  const text = [
    'version: 1', // 1
    'platform:', // 2
    '  name: gov24', // 3
    '  title: "Quoted title"', // 4
    'contexts:', // 5
    '  - name: application', // 6
    '    aggregates:', // 7
    '      - { name: Application, fields: { id: uuid } }', // 8
    'weird:', // 9
    '  "a/b": 1', // 10
    '  "c~d": 2', // 11
  ].join('\n');

  it('finds block mapping values and their keys', () => {
    expect(positionOf(text, '/platform/name')).toEqual({ line: 3, column: 9 });
    expect(positionOf(text, '/platform/name', 'key')).toEqual({ line: 3, column: 3 });
  });
  it('points at the opening quote of a quoted scalar', () => {
    expect(positionOf(text, '/platform/title')).toEqual({ line: 4, column: 10 });
  });
  it('finds sequence items and flow mappings', () => {
    expect(positionOf(text, '/contexts/0/name')).toEqual({ line: 6, column: 11 });
    expect(positionOf(text, '/contexts/0/aggregates/0/name')).toEqual({ line: 8, column: 17 });
    expect(positionOf(text, '/contexts/0/aggregates/0/fields/id')).toEqual({ line: 8, column: 44 });
  });
  it('handles ~1 and ~0 escapes in keys', () => {
    expect(positionOf(text, '/weird/a~1b')).toEqual({ line: 10, column: 10 });
    expect(positionOf(text, '/weird/c~0d', 'key')).toEqual({ line: 11, column: 3 });
  });
  it('falls back to the nearest ancestor for a pointer not in the file', () => {
    expect(positionOf(text, '/platform/kafka/defaults')).toEqual(positionOf(text, '/platform'));
  });
});

describe('schema errors map to the offending key or value', () => {
  const base = (extra: string) =>
    `version: 1\nplatform:\n  name: gov24\n${extra}contexts:\n  - name: application\n    communication: async\n`;

  it('additionalProperties points at the extra key, with a suggestion', () => {
    const r = validateModelText('m.yaml', base('  titel: Gov\n'));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'MSA010', line: 4, column: 3, pointer: '/platform/titel' });
    expect(r.diagnostics[0]!.message).toContain('did you mean "title"?');
  });
  it('required points at the parent that lacks the key', () => {
    const r = validateModelText('m.yaml', 'version: 1\nplatform:\n  title: x\ncontexts:\n  - name: a\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'MSA010', line: 3, column: 3, pointer: '/platform' });
    expect(r.diagnostics[0]!.message).toBe('"platform" is missing the required key "name"');
  });
  it('a wrong enum value points at the value', () => {
    const r = validateModelText('m.yaml', base('').replace('communication: async', 'communication: asynch'));
    expect(r.diagnostics[0]).toMatchObject({ line: 6, column: 20 });
    expect(r.diagnostics[0]!.message).toContain('did you mean "async"?');
  });
  it('a field of the wrong shape gets one message, not one per union branch', () => {
    const text =
      'version: 1\nplatform: { name: p }\ncontexts:\n  - name: a\n    aggregates:\n      - name: Thing\n        fields:\n          id: 42\n';
    const r = validateModelText('m.yaml', text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 8, column: 15 });
  });
  it('version must be 1', () => {
    const r = validateModelText('m.yaml', base('').replace('version: 1', 'version: 2'));
    expect(r.diagnostics[0]).toMatchObject({ code: 'MSA010', line: 1, column: 10, message: '"version" must be 1, not 2' });
  });
});

describe('hostile input is refused with a diagnostic, not a crash or a hang', () => {
  it('rejects a billion-laughs alias bomb quickly', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of 'bcdefghi') {
      text += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    const started = performance.now();
    const r = validateModelText('bomb.yaml', text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('MSA003');
    expect(r.diagnostics[0]!.message).toContain(String(LIMITS.maxExpandedNodes));
  });
  it('rejects more aliases than the limit', () => {
    const text = `x: &x 1\nl: [${Array(LIMITS.maxAliases + 1).fill('*x').join(', ')}]\n`;
    const r = validateModelText('aliases.yaml', text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MSA003']);
  });
  it('counts only the nodes aliases add: a document of more nodes than the limit, without aliases, loads', () => {
    const items = Math.ceil(LIMITS.maxExpandedNodes / 2) + 1000;
    const text = `items:\n${Array.from({ length: items }, (_, i) => `  - { n: ${i} }`).join('\n')}\n`;
    const loaded = loadModelText('large.yaml', text);
    expect(loaded.ok).toBe(true);
    // The same nodes once more through one alias are over the limit.
    const doubled = `items: &all\n${Array.from({ length: items }, (_, i) => `  - { n: ${i} }`).join('\n')}\nagain: *all\n`;
    const r = validateModelText('doubled.yaml', doubled);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MSA003']);
  });
  it('accepts a few aliases for shared settings', () => {
    const loaded = loadModelText('ok.yaml', 'd: &d { replicas: 3 }\na: *d\nb: *d\n');
    expect(loaded.ok).toBe(true);
  });
  it('rejects 10,000 levels of flow nesting', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const r = validateModelText('deep.yaml', text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MSA004']);
  });
  it('rejects 10,000 levels of block nesting', () => {
    let text = '';
    for (let i = 0; i < 10_000; i++) text += `${' '.repeat(i)}k${i}:\n`;
    const r = validateModelText('deep-block.yaml', text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MSA004']);
  });
  it('reports a syntax error at its position', () => {
    const r = validateModelText('bad.yaml', 'version: 1\nplatform: { name: x\ncontexts: []\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'MSA001', file: 'bad.yaml' });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });
  it('reports a duplicate key', () => {
    const r = validateModelText('dup.yaml', 'version: 1\nversion: 1\n');
    expect(r.diagnostics[0]).toMatchObject({ code: 'MSA002', line: 2 });
  });
  it('reports an empty file and a second document', () => {
    expect(validateModelText('e.yaml', '').diagnostics[0]!.code).toBe('MSA001');
    expect(validateModelText('e.yaml', '# only a comment\n').diagnostics[0]!.code).toBe('MSA001');
    expect(validateModelText('two.yaml', 'a: 1\n---\nb: 2\n').diagnostics[0]!.code).toBe('MSA001');
  });
  it('a scalar document is a schema error, not a crash', () => {
    const r = validateModelText('s.yaml', 'just text\n');
    expect(r.diagnostics[0]!.code).toBe('MSA010');
  });
});
