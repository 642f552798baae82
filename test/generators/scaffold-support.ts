/** Shared by the scaffold tests: the models to generate, their IR and a generate request. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { expect } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import type { GenerateRequest } from '../../src/generators/types.js';
import type { Model } from '../../src/model/valid.js';
import { validateModelText } from '../../src/model/validate.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const MINIMAL = join(FIXTURES, 'minimal', 'model.yaml');
export const MODELS_DIR = join(REPO, 'models');

export const templates = loadTemplates();

/** Every model file under models/ (sub-folders included), sorted. */
export function modelFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) found.push(full);
    }
  };
  walk(MODELS_DIR);
  return found;
}

/** Models of these tests alone: names that clash with generated or global identifiers. */
export const OWN_FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * The minimal fixture, every model under models/ and this folder's fixtures, with a short
 * unique name each.
 */
export function allModels(): { name: string; file: string }[] {
  const own = readdirSync(OWN_FIXTURES)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(OWN_FIXTURES, n));
  const list = [{ name: 'minimal', file: MINIMAL }, ...[...modelFiles(), ...own].map((file) => ({ name: basename(file).replace(/\.ya?ml$/, ''), file }))];
  const names = list.map((m) => m.name);
  expect(new Set(names).size, `model names ${names.join(', ')}`).toBe(names.length);
  return list;
}

/** The IR of a model file, which must have no error. */
export function modelOf(file: string): Model {
  const result = validateModelText(relative(REPO, file).split('\\').join('/'), readFileSync(file, 'utf8'));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
  expect(result.valid).toBeDefined();
  return result.valid!;
}

export function request(model: Model, toolVersion = '0.0.0-test'): GenerateRequest {
  return { model, templates, options: { toolVersion } };
}
