/**
 * The model schema accepts a value only where the generated platform accepts it: the Helm
 * chart's values schema (values.schema.json) checks the same values again at `helm install`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valuesSchema } from '../src/generators/helm/schema.js';
import { MINIMAL, modelOf } from './generators/scaffold-support.js';

const modelSchema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'msa-gen.schema.json'), 'utf8'));
const chart = valuesSchema(modelOf(MINIMAL)) as { definitions: Record<string, { pattern?: string }> };

describe('the model schema and the chart values schema', () => {
  it.each(['cpu', 'memory'])('agree on %s quantities', (name) => {
    expect(modelSchema.$defs[name].pattern).toBe(chart.definitions[name]!.pattern);
  });
});
