/** `msa-gen board` through run(argv, io): stdout or -o, html or svg, --saga, bad models and usage errors. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { updating } from '../support/golden.js';
import { memoryIO } from '../support/io.js';
import { root } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'msa-gen-board-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('msa-gen board', { timeout: 120_000 }, () => {
  it('writes one self-contained HTML page to stdout by default', async () => {
    const io = memoryIO(root);
    expect(await run(['board', 'models/gov24.yaml'], io)).toBe(0);
    expect(io.out()).toMatch(/^<!DOCTYPE html>/);
    expect(io.out()).toContain('<title>Government24 Complaint Portal: event-storming board</title>');
    expect(io.out()).toContain('data-name="GeneralApplicationSubmitted"');
    expect(io.err()).toBe('');
  });

  it('writes the file given by -o, and says so on stderr', async () => {
    const io = memoryIO(scratch);
    const model = join(root, 'models', 'gov24.yaml');
    expect(await run(['board', model, '-o', 'board.html'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/board of .*gov24\.yaml written to board\.html\n$/);
    expect(readFileSync(join(scratch, 'board.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
    expect(readdirSync(scratch).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--format svg writes a standalone SVG; --saga highlights that saga', async () => {
    const io = memoryIO(root);
    expect(await run(['board', 'models/gov24.yaml', '--format', 'svg', '--saga', 'CarRegistrationProcessing'], io)).toBe(0);
    expect(io.out()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="board focus"/);
    expect(io.out()).toMatch(/class="sticky command s-2 hl" data-id="command-\d+" data-kind="command" data-name="SubmitCarApplication"/);
    expect(io.out()).toMatch(/class="sticky command s-0" data-id="command-\d+" data-kind="command" data-name="SubmitGeneralApplication"/);
  });

  it('an unknown saga is a usage error (exit 2) that suggests the closest name and writes nothing', async () => {
    const io = memoryIO(scratch);
    const model = join(root, 'models', 'gov24.yaml');
    expect(await run(['board', model, '--saga', 'CarRegistrationProcesing', '-o', 'nope.html'], io)).toBe(2);
    expect(io.err()).toContain('no saga "CarRegistrationProcesing"');
    expect(io.err()).toContain('did you mean "CarRegistrationProcessing"?');
    expect(io.err()).toContain('sagas: GeneralComplaintProcessing, BuildingPermitProcessing, CarRegistrationProcessing');
    expect(existsSync(join(scratch, 'nope.html'))).toBe(false);
  });

  it('an unknown format is a usage error', async () => {
    const io = memoryIO(root);
    expect(await run(['board', 'models/gov24.yaml', '--format', 'png'], io)).toBe(2);
    expect(io.err()).toMatch(/Allowed choices are html, svg/);
  });

  it('a model with errors gets its diagnostics, exit 1, and no board', async () => {
    const io = memoryIO(scratch);
    expect(await run(['board', join(root, 'test', 'fixtures', 'cli', 'tense', 'model.yaml'), '-o', 'bad.html'], io)).toBe(1);
    expect(io.err()).toMatch(/error MSA103 Event "RequestSubmit" is not in the past tense/);
    expect(io.err()).toMatch(/has errors; no board drawn\n$/);
    expect(io.out()).toBe('');
    expect(existsSync(join(scratch, 'bad.html'))).toBe(false);
  });

  it('a missing model file is reported without a stack trace', async () => {
    const io = memoryIO(scratch);
    const code = await run(['board', 'missing.yaml'], io);
    expect(code).not.toBe(0);
    expect(io.err()).toContain('missing.yaml');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('an output folder that does not exist is a usage error, and leaves nothing behind', async () => {
    const io = memoryIO(scratch);
    expect(await run(['board', join(root, 'models', 'gov24.yaml'), '-o', 'no/such/folder/board.html'], io)).toBe(2);
    expect(io.err()).toMatch(/cannot write no\/such\/folder\/board\.html \(ENOENT\)/);
  });

  it('docs/board-gov24.svg is what `msa-gen board models/gov24.yaml --format svg` draws (UPDATE_GOLDEN=1 redraws it)', async () => {
    const io = memoryIO(root);
    expect(await run(['board', 'models/gov24.yaml', '--format', 'svg'], io)).toBe(0);
    const path = join(root, 'docs', 'board-gov24.svg');
    if (updating) writeFileSync(path, io.out());
    expect(io.out()).toBe(readFileSync(path, 'utf8'));
  });
});
