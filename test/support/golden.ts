/** Golden files: compare with the committed expectation, or rewrite it when UPDATE_GOLDEN=1. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const updating = process.env['UPDATE_GOLDEN'] === '1';

export function expectGolden(path: string, actual: string): void {
  if (updating || !existsSync(path)) {
    if (!updating) throw new Error(`missing golden file ${path}: run with UPDATE_GOLDEN=1 to create it, then review it`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

export function expectGoldenJson(path: string, actual: unknown): void {
  expectGolden(path, JSON.stringify(actual, null, 2) + '\n');
}
