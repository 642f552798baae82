/**
 * The "fails / passes" examples of every rule, as the docs (docs/rules.md, `msa-gen explain`)
 * show them, run as tests: each failing example has a finding of its rule, each passing one
 * none. Findings of other rules are not looked at. A model rule's passing example must load
 * and match the schema, or it would pass for nothing (a model rule never runs on such a model).
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/model/rules/index.js';
import { validateModelText } from '../../src/model/validate.js';
import { exampleModel } from './compose.js';

const isLoadRule = (code: string) => code < 'MSA100';

describe.each(CATALOGUE.map((r) => [`${r.code} ${r.name}`, r] as const))('%s docs examples', (_, rule) => {
  it('has at least one failing and one passing example (a retired rule: none that fails)', () => {
    if (rule.retired !== undefined) expect(rule.examples.fails).toEqual([]);
    else expect(rule.examples.fails.length).toBeGreaterThan(0);
    expect(rule.examples.passes.length).toBeGreaterThan(0);
  });

  rule.examples.fails.forEach((example, i) => {
    it(`fails ${i + 1}: has a finding of ${rule.code}`, () => {
      const result = validateModelText('model.yaml', exampleModel(example));
      expect(result.diagnostics.filter((d) => d.code === rule.code).length).toBeGreaterThan(0);
    });
  });

  rule.examples.passes.forEach((example, i) => {
    it(`passes ${i + 1}: has no finding of ${rule.code}`, () => {
      const result = validateModelText('model.yaml', exampleModel(example));
      if (!isLoadRule(rule.code)) expect(result.model, 'the example loads and matches the schema').toBeDefined();
      expect(result.diagnostics.filter((d) => d.code === rule.code).map((d) => `${d.line}:${d.column} ${d.messageId}`)).toEqual([]);
    });
  });
});
