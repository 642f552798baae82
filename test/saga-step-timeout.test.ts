/** `sagas[].stepTimeout`: the schema's duration syntax, and its milliseconds in the IR (Saga.stepTimeoutMs). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/model/defaults.js';
import { durationMs } from '../src/model/duration.js';
import { validateModelText } from '../src/model/validate.js';

const minimal = readFileSync(join(import.meta.dirname, 'fixtures', 'minimal', 'model.yaml'), 'utf8');

/** The minimal model's saga with a `stepTimeout` line (YAML text, as written). */
function withTimeout(value: string | undefined, coordination = 'orchestration') {
  const saga = '    coordination: choreography\n';
  expect(minimal.split(saga).length - 1).toBe(1);
  const line = value === undefined ? '' : `    stepTimeout: ${value}\n`;
  return validateModelText('model.yaml', minimal.replace(saga, `    coordination: ${coordination}\n${line}`));
}

describe('durationMs', () => {
  it.each([
    [1500, 1500],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['999999h', 999_999 * 3_600_000],
  ] as const)('%s is %d ms', (value, ms) => {
    expect(durationMs(value)).toBe(ms);
  });

  it.each([0, -5, 1.5, '', '5', '5 m', '1d', '05m', '1.5h', '1000000h', '5M'])('%j is no duration', (value) => {
    expect(durationMs(value)).toBeUndefined();
  });
});

describe('sagas[].stepTimeout', () => {
  it('defaults to 5 minutes', () => {
    const result = withTimeout(undefined);
    expect(DEFAULTS.sagaStepTimeoutMs).toBe(300_000);
    expect(result.model?.sagas[0]).toMatchObject({ stepTimeoutMs: 300_000, stepTimeoutExplicit: false });
  });

  it.each([
    ['90s', 90_000],
    ['250ms', 250],
    ['1h', 3_600_000],
    ['45000', 45_000],
  ])('resolves %s to %d ms', (value, ms) => {
    const result = withTimeout(value);
    expect(result.diagnostics.filter((d) => d.code === 'MSA010')).toEqual([]);
    expect(result.model?.sagas[0]).toMatchObject({ stepTimeoutMs: ms, stepTimeoutExplicit: true });
  });

  it.each(['5 minutes', '"300000"', '1d', '0', '-1', '1.5', '1000000h', 'true'])('refuses %s with a schema finding at the value', (value) => {
    const result = withTimeout(value);
    expect(result.model).toBeUndefined();
    const schema = result.diagnostics.filter((d) => d.code === 'MSA010');
    expect(schema.length).toBeGreaterThan(0);
    const line = minimal.split('\n').findIndex((l) => l.startsWith('    coordination: choreography')) + 2;
    expect(schema.every((d) => d.line === line)).toBe(true);
  });
});
