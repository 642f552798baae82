import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/model/rules/index.js';
import { rulesMarkdown } from '../src/model/rules/markdown.js';
import { expectGolden } from './support/golden.js';

const root = join(import.meta.dirname, '..');

describe('documentation kept in step with the code', () => {
  it('docs/rules.md is the catalogue (npm run docs)', () => {
    expectGolden(join(root, 'docs', 'rules.md'), rulesMarkdown(CATALOGUE));
  });
  it('every rule code is unique and well-formed', () => {
    const codes = CATALOGUE.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^MSA\d{3}$/);
  });
});
