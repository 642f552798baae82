/** The core's `validate(request)` called as a function: findings per model and for all of them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/core/validate.js';
import { MINIMAL } from '../generators/scaffold-support.js';

const minimal = readFileSync(MINIMAL, 'utf8');
const broken = minimal.replace('name: SubmitApplication', 'name: submit_application');

describe('validate(request)', () => {
  it('a clean model: no findings, its IR and the ValidModel', () => {
    const findings = validate({ models: [{ file: 'minimal.yaml', input: minimal }] });
    expect(findings.diagnostics).toEqual([]);
    expect([findings.errors, findings.warnings]).toEqual([0, 0]);
    const [only] = findings.models;
    expect(only?.file).toBe('minimal.yaml');
    expect(only?.valid).toBeDefined();
    expect(only?.model?.contexts.map((c) => c.name)).toEqual(['application', 'issuance', 'lookup']);
    expect(findings.sources.get('minimal.yaml')?.text).toBe(minimal);
  });

  it('several models: findings per model in request order, all of them sorted, counts, and no ValidModel where there are errors', () => {
    const findings = validate({
      models: [
        { file: 'z-broken.yaml', input: broken },
        { file: 'a-clean.yaml', input: minimal },
      ],
    });
    expect(findings.models.map((m) => m.file)).toEqual(['z-broken.yaml', 'a-clean.yaml']);
    const [bad, good] = findings.models;
    expect(bad?.errors).toBeGreaterThan(0);
    expect(bad?.valid).toBeUndefined();
    expect(good?.valid).toBeDefined();
    expect(findings.diagnostics).toEqual(bad?.diagnostics);
    expect(findings.errors).toBe(bad?.errors);
    expect(findings.diagnostics.some((d) => d.line === broken.split('\n').findIndex((l) => l.includes('submit_application')) + 1)).toBe(true);
    expect([...findings.sources.keys()]).toEqual(['z-broken.yaml', 'a-clean.yaml']);
  });

  it('freezes the IR by default; with freeze: false it leaves it unfrozen, with the same findings and the same IR', () => {
    const frozen = validate({ models: [{ file: 'b.yaml', input: broken }, { file: 'm.yaml', input: minimal }] });
    const open = validate({ models: [{ file: 'b.yaml', input: broken }, { file: 'm.yaml', input: minimal }], freeze: false });
    expect(open.diagnostics).toEqual(frozen.diagnostics);
    for (const [i, m] of frozen.models.entries()) {
      const model = m.model!;
      expect([model, model.contexts, model.contexts[0], model.events[0]?.topic, model.commands[0]?.payload.fields].every(Object.isFrozen)).toBe(true);
      const unfrozen = open.models[i]!.model!;
      expect([unfrozen, unfrozen.contexts, unfrozen.contexts[0], unfrozen.events[0]?.topic].some(Object.isFrozen)).toBe(false);
      expect(unfrozen.contexts.map((c) => [c.name, c.aggregates.length, c.policies.length])).toEqual(model.contexts.map((c) => [c.name, c.aggregates.length, c.policies.length]));
      expect(unfrozen.events.map((e) => e.topic)).toEqual(model.events.map((e) => e.topic));
    }
    expect(open.models.map((m) => m.valid === undefined)).toEqual(frozen.models.map((m) => m.valid === undefined));
  });

  it('a file the caller could not decode is one MSA001 finding where it says', () => {
    const findings = validate({ models: [{ file: 'utf16.yaml', input: { kind: 'unreadable', text: 'a: 1\nb', offset: 5, message: 'The file is UTF-16', hint: 'Save it as UTF-8.' } }] });
    expect(findings.diagnostics).toMatchObject([{ code: 'MSA001', file: 'utf16.yaml', line: 2, column: 1, message: 'The file is UTF-16' }]);
    expect(findings.models[0]?.model).toBeUndefined();
  });
});
