/** Every rule of the catalogue is documented and has its own test file, test/rules/<code>-<name>.test.ts. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/model/rules/index.js';

describe.each(CATALOGUE.map((r) => [r.code, r] as const))('%s', (code, rule) => {
  it('has documentation, messages and a test file of its own', () => {
    expect(rule.docs.length).toBeGreaterThan(80);
    expect(rule.docs).not.toContain('TODO');
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(existsSync(join(import.meta.dirname, `${code.toLowerCase()}-${rule.name}.test.ts`))).toBe(true);
  });
});
