/**
 * The bench's models (bench/models.mjs) are valid at every size, XL included: a model of 1,000
 * contexts and no aliases loads (MSA003 counts only what aliases add) and has no finding.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, without type declarations
import { benchModel } from '../bench/models.mjs';
import { validateModelText } from '../src/model/validate.js';

const generate = benchModel as (contexts: number) => string;

describe('bench models', () => {
  it.each([5, 50, 200, 1000])('%i contexts: valid, no finding, the size asked for', (contexts) => {
    const text = generate(contexts);
    const result = validateModelText(`bench-${contexts}.yaml`, text);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    expect(result.valid?.contexts.length).toBe(contexts);
  });

  it('are deterministic', () => {
    expect(generate(200)).toBe(generate(200));
  });

  it('refuse a size that is not a multiple of the unit', () => {
    expect(() => generate(7)).toThrow(/multiple of 5/);
  });
});
