/**
 * Regression cases: the minimal models the fuzzer found failing (test/property/found/). Each
 * must now be refused by validate (errors, exit 1), or scaffold to a platform that breaks no
 * oracle (oracles.ts). Files named *.typecheck.yaml must also type-check once scaffolded. A
 * large reproducer is stored gzip-compressed (*.yaml.gz). Each file's header comment says what
 * failed and which part of msa-gen was at fault when it was found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxRoot, type SandboxRoot } from '../support/sandbox.js';
import { typecheckPlatforms } from '../support/typecheck.js';
import { judgeCase, type Case } from './properties.js';
import { FOUND_DIR } from './settings.js';

const files = readdirSync(FOUND_DIR)
  .filter((n) => /\.ya?ml(\.gz)?$/.test(n))
  .sort();

function load(name: string): Case {
  const raw = readFileSync(join(FOUND_DIR, name));
  const bytes = name.endsWith('.gz') ? gunzipSync(raw) : raw;
  return { yaml: bytes.toString('utf8'), bytes: new Uint8Array(bytes), notes: [] };
}

describe('failures found by the fuzzer', () => {
  let root: SandboxRoot;
  beforeAll(() => {
    root = sandboxRoot('msa-gen-found-');
  });
  afterAll(() => root.dispose());

  it('are kept as minimal models', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: validate reports errors, or scaffold exits 0 with a well-formed platform', async (name) => {
    const judged = await judgeCase(root.dir, load(name));
    expect(judged.violations.map((v) => `${v.code}: ${v.message}`)).toEqual([]);
    expect(judged.codes.length > 0 ? judged.validateExit : judged.scaffoldExit).toBe(judged.codes.length > 0 ? 1 : 0);
  }, 60_000);

  const typecheck = files.filter((n) => n.includes('.typecheck.'));
  it(`${typecheck.join(', ')}: the scaffolded platforms type-check`, async () => {
    const dirs: string[] = [];
    for (const name of typecheck) {
      const judged = await judgeCase(root.dir, load(name), { keep: true });
      if (judged.codes.length > 0) continue; // refused by validate: nothing to type-check
      expect(judged.written, `${name} scaffolds`).toBe(true);
      dirs.push(judged.outDir);
    }
    const errors = [...typecheckPlatforms(root.dir, dirs)].filter(([, e]) => e.length > 0).map(([dir, e]) => ({ model: typecheck[dirs.indexOf(dir)], errors: e.slice(0, 5) }));
    expect(errors).toEqual([]);
  }, 300_000);
});
