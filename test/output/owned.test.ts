/**
 * The allowlist of path shapes (src/output/owned.ts) covers exactly what the generators write:
 * every file of every model lands on a shape of its own ownership. A generator that starts
 * writing a new kind of path fails here first (and scaffold would refuse to plan it).
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generators/index.js';
import { ownershipProblem } from '../../src/output/owned.js';
import { allModels, modelOf, request } from '../generators/scaffold-support.js';

describe('owned path shapes cover the generators', () => {
  it.each(allModels().map((m) => [m.name, m.file]))('%s: every generated path has the shape of its ownership', (_, file) => {
    const files = generate(request(modelOf(file)));
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => ownershipProblem(f.path, f.ownership)).filter(Boolean)).toEqual([]);
  });
});
