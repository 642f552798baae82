/** Shared by the board tests: gov24 as a valid model, and the real elkjs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLike } from '../../src/board/index.js';
import { validateModelText } from '../../src/model/validate.js';
import type { ValidModel } from '../../src/model/valid.js';

export const root = join(import.meta.dirname, '..', '..');

export function validModel(text: string, file = 'model.yaml'): ValidModel {
  const result = validateModelText(file, text);
  if (!result.valid) throw new Error(`not valid: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return result.valid;
}

export const gov24Text = () => readFileSync(join(root, 'models', 'gov24.yaml'), 'utf8');
export const gov24 = () => validModel(gov24Text(), 'models/gov24.yaml');

export const elk = (): ElkLike => new (ELK as unknown as new () => ElkLike)();
