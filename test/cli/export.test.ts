/** `msa-gen export asyncapi|openapi` through `run`: output, -o, formats, and every way it refuses. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';
import { tempBase } from '../support/sandbox.js';

const root = join(import.meta.dirname, '..', '..');
const gov24 = 'models/gov24.yaml';
const tense = 'test/fixtures/cli/tense/model.yaml';
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tempBase(), 'msa-gen-export-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Doc = Record<string, any>;

describe('msa-gen export asyncapi', () => {
  it('writes the platform\u2019s AsyncAPI 3.0 document as YAML to stdout', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'asyncapi', gov24], io)).toBe(0);
    expect(io.err()).toBe('');
    const doc = load(io.out()) as Doc;
    expect(doc['asyncapi']).toBe('3.0.0');
    expect(doc['info'].title).toBe('Government24 Complaint Portal');
    expect(Object.keys(doc['channels'])).toContain('GeneralApplicationSubmitted.DLQ');
  });

  it('--context narrows it to one service; --format json writes JSON', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'asyncapi', gov24, '--context', 'result', '--format', 'json'], io)).toBe(0);
    const doc = JSON.parse(io.out()) as Doc;
    const services = new Set(Object.values<Doc>(doc['operations']).map((o) => o['x-service']));
    expect([...services]).toEqual(['result']);
  });

  it('-o writes the file (JSON for a .json name) and says so; the same model gives the same bytes', async () => {
    const dir = tempDir();
    const io = memoryIO(dir);
    expect(await run(['export', 'asyncapi', join(root, gov24), '-o', 'platform.json'], io)).toBe(0);
    expect(io.out()).toBe('platform.json: AsyncAPI 3.0 document written\n');
    const first = readFileSync(join(dir, 'platform.json'), 'utf8');
    expect(JSON.parse(first)['asyncapi']).toBe('3.0.0');
    expect(await run(['export', 'asyncapi', join(root, gov24), '-o', 'platform.json'], memoryIO(dir))).toBe(0);
    expect(readFileSync(join(dir, 'platform.json'), 'utf8')).toBe(first);
    expect(readdirSync(dir)).toEqual(['platform.json']);
  });

  it('a model with errors: the findings on stderr, exit 1, no file and nothing on stdout', async () => {
    const dir = tempDir();
    const io = memoryIO(root);
    expect(await run(['export', 'asyncapi', tense, '-o', join(dir, 'out.yaml')], io)).toBe(1);
    expect(io.err()).toContain('error MSA103');
    expect(io.err()).toContain(`msa-gen: ${tense} has errors; nothing exported`);
    expect(io.out()).toBe('');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('an unknown context: exit 2, a suggestion and the list of contexts', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'asyncapi', gov24, '--context', 'aplication'], io)).toBe(2);
    expect(io.err()).toMatch(/^msa-gen: models\/gov24\.yaml has no context "aplication"; did you mean "application"\? \(its contexts: guidance, /);
    expect(io.out()).toBe('');
  });

  it('a context name full of terminal escapes is shown escaped', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'asyncapi', gov24, '--context', 'x\u001b[2Jy'], io)).toBe(2);
    expect(io.err()).not.toContain('\u001b');
  });

  it('a missing model file or an unwritable -o: exit 2, nothing left behind', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'asyncapi', 'no/such/model.yaml'], io)).toBe(2);
    expect(io.err()).toContain('cannot read no/such/model.yaml: no such file');
    const dir = tempDir();
    const io2 = memoryIO(dir);
    expect(await run(['export', 'asyncapi', join(root, gov24), '-o', 'missing/folder/a.yaml'], io2)).toBe(2);
    expect(io2.err()).toContain('cannot write missing/folder/a.yaml: no such folder');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unknown --format is a usage error', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'asyncapi', gov24, '--format', 'xml'], io)).toBe(2);
    expect(io.err()).toContain("argument 'xml' is invalid");
  });
});

describe('msa-gen export openapi', () => {
  it('writes one context\u2019s OpenAPI 3.1 document', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'openapi', gov24, '--context', 'application'], io)).toBe(0);
    const doc = load(io.out()) as Doc;
    expect(doc['openapi']).toBe('3.1.0');
    expect(Object.keys(doc['paths'])).toContain('/applications/{applicationId}/issuance-result');
  });

  it('needs --context: exit 2', async () => {
    const io = memoryIO(root);
    expect(await run(['export', 'openapi', gov24], io)).toBe(2);
    expect(io.err()).toContain('export openapi needs --context <name>');
    expect(io.out()).toBe('');
  });

  it('an existing -o file is replaced whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'api.yaml'), 'old content\n');
    const io = memoryIO(dir);
    expect(await run(['export', 'openapi', join(root, gov24), '--context', 'result', '-o', 'api.yaml'], io)).toBe(0);
    const text = readFileSync(join(dir, 'api.yaml'), 'utf8');
    expect(text.startsWith('openapi: 3.1.0\n')).toBe(true);
    expect(readdirSync(dir)).toEqual(['api.yaml']);
  });
});

describe('msa-gen export', () => {
  it('without a kind: the help on stderr, exit 2', async () => {
    const io = memoryIO(root);
    expect(await run(['export'], io)).toBe(2);
    expect(io.err()).toContain('asyncapi [options] <model>');
    expect(io.err()).toContain('openapi [options] <model>');
  });
});
