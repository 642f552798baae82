/**
 * Every rule has fixture folders under test/fixtures/rules/<code>-<name>/: `fail*` cases whose
 * diagnostics (all of them, from every rule) match diagnostics.json and include the rule's code,
 * and `pass*` cases that validate clean.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/model/rules/index.js';
import { validateModelText } from '../src/model/validate.js';
import { expectGoldenJson } from './support/golden.js';

const root = join(import.meta.dirname, 'fixtures', 'rules');

function cases(folder: string, prefix: 'fail' | 'pass'): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((d) => d === prefix || d.startsWith(`${prefix}-`))
    .sort();
}

describe.each(CATALOGUE.map((r) => [r.code, r] as const))('%s', (code, rule) => {
  const folder = join(root, `${code.toLowerCase()}-${rule.name}`);

  it('has documentation and at least one failing and one passing fixture', () => {
    expect(rule.docs.length).toBeGreaterThan(80);
    expect(rule.docs).not.toContain('TODO');
    expect(cases(folder, 'fail').length).toBeGreaterThan(0);
    expect(cases(folder, 'pass').length).toBeGreaterThan(0);
  });

  for (const c of cases(folder, 'fail')) {
    it(`${c}: reports ${code} where diagnostics.json says`, () => {
      const text = readFileSync(join(folder, c, 'model.yaml'), 'utf8');
      const result = validateModelText('model.yaml', text);
      const actual = result.diagnostics.map(({ code, severity, line, column, message }) => ({
        code,
        severity,
        line,
        column,
        message,
      }));
      expect(actual.some((d) => d.code === code)).toBe(true);
      expectGoldenJson(join(folder, c, 'diagnostics.json'), actual);
    });
  }

  for (const c of cases(folder, 'pass')) {
    it(`${c}: validates clean`, () => {
      const text = readFileSync(join(folder, c, 'model.yaml'), 'utf8');
      const result = validateModelText('model.yaml', text);
      expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    });
  }
});
