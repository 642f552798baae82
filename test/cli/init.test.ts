import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { version } from '../../src/cli/version.js';
import { memoryIO } from '../support/io.js';
import { sandboxRoot } from '../support/sandbox.js';
import { load } from 'js-yaml';

const root = join(import.meta.dirname, '..', '..');
const sandbox = sandboxRoot('msa-gen-init-');
afterAll(() => sandbox.dispose());

describe('msa-gen init', () => {
  it('writes the starter model and the workflow; the model validates with no finding, scaffolds and checks', async () => {
    const io = memoryIO(sandbox.dir);
    expect(await run(['init', 'shop'], io)).toBe(0);
    expect(io.out()).toContain('create shop/model.yaml\ncreate shop/.github/workflows/msa-gen.yml\n');
    expect(io.out()).toContain('msa-gen scaffold shop/model.yaml -o shop/platform');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`$ msa-gen init shop\n${io.out()}\`\`\``);
    const dir = join(sandbox.dir, 'shop');
    expect(readFileSync(join(dir, 'model.yaml'), 'utf8')).toBe(readFileSync(join(root, 'templates', 'init', 'model.yaml'), 'utf8'));

    const validate = memoryIO(dir);
    expect(await run(['validate', '--format', 'json', 'model.yaml'], validate)).toBe(0);
    expect(JSON.parse(validate.out()).diagnostics).toEqual([]);

    expect(await run(['scaffold', 'model.yaml', '-o', 'platform'], memoryIO(dir))).toBe(0);
    const check = memoryIO(dir);
    expect(await run(['scaffold', 'model.yaml', '-o', 'platform', '--check'], check)).toBe(0);
    expect(check.out()).toMatch(/up to date/);
    expect(existsSync(join(dir, 'platform', 'services', 'ordering', 'package.json'))).toBe(true);
    expect(existsSync(join(dir, 'platform', 'services', 'payments', 'package.json'))).toBe(true);
  }, 60_000);

  it('the workflow runs validate --format github, diff --base and scaffold --check with this version', () => {
    const workflow = readFileSync(join(sandbox.dir, 'shop', '.github', 'workflows', 'msa-gen.yml'), 'utf8');
    expect(workflow).not.toContain('{{msaGenVersion}}');
    const runs = workflow.split('\n').filter((l) => l.includes(`npx --yes msa-gen@${version()} `));
    expect(runs.map((l) => l.split(`msa-gen@${version()} `)[1]!.split(' ').slice(0, 2).join(' '))).toEqual(['validate model.yaml', 'diff --base', 'scaffold model.yaml']);
    expect(workflow).toContain('--format github');
    expect(workflow).toContain('-o platform --check');
    // The base branch name reaches the shell as a variable, never spliced into the script.
    expect(workflow).toContain('BASE_REF: ${{ github.base_ref }}');
    const steps = (load(workflow) as { jobs: { model: { steps: Array<{ run?: string }> } } }).jobs.model.steps;
    const scripts = steps.flatMap((s) => (s.run === undefined ? [] : [s.run]));
    expect(scripts).toHaveLength(3);
    for (const script of scripts) expect(script).not.toContain('${{');
  });

  it('never overwrites: with one of its files present it writes nothing, names it and exits 1', async () => {
    const dir = join(sandbox.dir, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.yaml'), 'mine\n');
    const io = memoryIO(dir);
    expect(await run(['init'], io)).toBe(1);
    expect(io.err()).toBe('msa-gen: init writes nothing: this file exists already\n  model.yaml\n');
    expect(readFileSync(join(dir, 'model.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('a file where the folder should be: exit 2', async () => {
    writeFileSync(join(sandbox.dir, 'a-file'), '');
    const io = memoryIO(sandbox.dir);
    expect(await run(['init', 'a-file'], io)).toBe(2);
    expect(io.err()).toMatch(/a-file is not a folder/);
  });
});
