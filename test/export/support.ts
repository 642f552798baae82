/** Models for the export tests: loaded and validated once per file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateModelText } from '../../src/model/validate.js';
import type { ValidModel } from '../../src/model/valid.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A valid model from its text; throws with the findings when it has errors. */
export function validModel(file: string, text: string): ValidModel {
  const result = validateModelText(file, text);
  if (!result.valid) throw new Error(`${file} is not valid: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.valid;
}

export function modelFile(path: string): ValidModel {
  return validModel(path, readFileSync(join(ROOT, path), 'utf8'));
}

/** gov24, then every model of models/examples. */
export const MODEL_FILES: readonly string[] = [
  'models/gov24.yaml',
  ...readdirSync(join(ROOT, 'models', 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `models/examples/${f}`),
];
