/**
 * The generated platform type-checks: the minimal model and every model under models/ are
 * scaffolded into .tmp/typecheck/<name>/ and compiled with the TypeScript compiler against the
 * libraries msa-gen itself pins (fastify, pg, PGlite, @platformatic/kafka, cockatiel, ajv,
 * vitest: msa-gen's devDependencies, found by walking up to this repository's node_modules), the
 * workspace packages linked into node_modules/@<platform>/ as npm would link them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generators/index.js';
import { allModels, modelOf, REPO, request } from './scaffold-support.js';

const OUT = join(REPO, '.tmp', 'typecheck');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

function scaffold(name: string, file: string): string {
  const model = modelOf(file);
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  for (const f of generate(request(model))) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  // What `npm install` does for a workspace: node_modules/@<platform>/<package> → its folder.
  const scope = join(dir, 'node_modules', `@${model.platform.name}`);
  mkdirSync(scope, { recursive: true });
  symlinkSync(join('..', '..', 'packages', 'runtime'), join(scope, 'runtime'), 'dir');
  symlinkSync(join('..', '..', 'packages', 'platform'), join(scope, 'platform'), 'dir');
  for (const c of model.contexts) symlinkSync(join('..', '..', 'services', c.name), join(scope, c.name), 'dir');
  return dir;
}

function typecheck(dir: string): string {
  try {
    execFileSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json'), '--noEmit', '--pretty', 'false'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}

describe.each(allModels())('the platform generated from $name', ({ name, file }) => {
  it('type-checks with zero errors (strict, erasable syntax only, NodeNext)', () => {
    const dir = scaffold(name, file);
    const errors = typecheck(dir);
    if (errors) console.error(`tsc errors in ${dir}:\n${errors}`);
    expect(errors).toBe('');
  }, 180_000);
});
