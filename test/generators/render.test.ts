/**
 * `render` (ts/code.ts) computes each object's one-line form once per call. The layout must be
 * the one of the straightforward algorithm (every level tried inline, then broken), kept here as
 * the oracle: the same text for any value, Code of one or several lines included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRINT_WIDTH, code, isIdentifier, propertyKey, quote, render, type Code } from '../../src/generators/ts/code.js';

const isCode = (v: unknown): v is Code => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'code' && 'text' in v;
const indentRest = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(spaces) + line))
    .join('\n');

/** The layout as it was first written: inline tried at every level, then broken. */
function oracle(value: unknown, level = 0, column = level): string {
  if (isCode(value)) return indentRest(value.text, level);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const line = `[${value.map((v) => oracle(v, 0, 0)).join(', ')}]`;
    if (!line.includes('\n') && column + line.length <= PRINT_WIDTH) return line;
    const pad = ' '.repeat(level + 2);
    return `[\n${value.map((v) => `${pad}${oracle(v, level + 2, level + 2)},`).join('\n')}\n${' '.repeat(level)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const entry = (key: string, v: unknown, lvl: number, col: number) => {
    if (isCode(v) && v.text === key && isIdentifier(key)) return key;
    const k = `${propertyKey(key)}: `;
    return `${k}${oracle(v, lvl, col + k.length)}`;
  };
  const line = `{ ${entries.map(([k, v]) => entry(k, v, 0, 0)).join(', ')} }`;
  if (!line.includes('\n') && column + line.length <= PRINT_WIDTH) return line;
  const pad = ' '.repeat(level + 2);
  return `{\n${entries.map(([k, v]) => `${pad}${entry(k, v, level + 2, level + 2)},`).join('\n')}\n${' '.repeat(level)}}`;
}

const name = fc.oneof(fc.constantFrom('id', 'applicationId', 'kebab-key', 'x y', ''), fc.stringMatching(/^[a-zA-Z]{1,30}$/));
const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  name.map((n) => code(n)),
  fc.constantFrom(code('async (x) => {\n  return x;\n}'), code('a'.repeat(60))),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 5 }),
  map: fc.dictionary(name, tie('value'), { maxKeys: 5 }),
}));

describe('render', () => {
  it('lays a value out as the inline-then-broken algorithm does, at any level and column', () => {
    fc.assert(
      fc.property(value, fc.nat(8), fc.nat(60), (v, level, extra) => {
        expect(render(v, level, level + extra)).toBe(oracle(v, level, level + extra));
      }),
      { numRuns: 2000 },
    );
  });

  it('a shared object renders the same wherever it appears', () => {
    const shared = { a: 'x'.repeat(50), b: [1, 2, 3] };
    const v = { first: shared, nested: { deeper: { again: shared } }, list: [shared, shared] };
    expect(render(v)).toBe(oracle(v));
  });
});
