/**
 * What `validate` and `scaffold` print is safe for a terminal and for a CI log: no control or
 * formatting character from a model reaches the output raw, no model string starts a line (a
 * line starting with `::` is a GitHub Actions workflow command), and long names and source lines
 * are clipped, in every format.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frame, FRAME_WIDTH } from '../../src/cli/printers/text.js';
import { run } from '../../src/cli/run.js';
import { clipQuoted, MESSAGE_LIMIT } from '../../src/model/text.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const minimal = readFileSync(join(root, 'test', 'fixtures', 'minimal', 'model.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'msa-gen-terminal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a model file into the scratch folder and returns its path. */
function modelFile(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** Raw control and formatting characters a terminal would act on (tabs and line feeds aside). */
const RAW_CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// An unknown key that would start a line with `::` (a schema finding: no other rule runs)…
const hostileKey = minimal.replace('version: 1\n', 'version: 1\n"x\\n::warning::pwned": 1\n');
// …and names full of terminal escapes (naming findings).
const hostileNames = minimal
  .replace('  - name: application\n', '  - name: "appli\\e[2J\\acation\\u2028::error::x"\n')
  .replace('      - name: Application\n', '      - name: "Appli\\e]0;title\\acation\\x85\\u202Eevil"\n');

describe('hostile names on the terminal', () => {
  const keyFile = modelFile('hostile-key.yaml', hostileKey);
  const file = modelFile('hostile.yaml', hostileNames);

  it('text: every control character escaped, no line starts with ::', async () => {
    const io = memoryIO(work, { FORCE_COLOR: '0' });
    expect(await run(['validate', keyFile, file], io)).toBe(1);
    const out = io.out();
    expect(out).toContain('Unknown key "x\\n::warning::pwned"');
    expect(out).toContain('\\x1b[2J\\x07');
    expect(out).not.toMatch(RAW_CONTROL);
    for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });

  it('github: each finding one line, and every line a workflow command msa-gen meant', async () => {
    const io = memoryIO(work);
    expect(await run(['validate', '--format', 'github', keyFile, file], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=/);
    expect(io.out()).not.toMatch(RAW_CONTROL);
  });

  it('json and sarif: one JSON document each, control characters escaped by JSON', async () => {
    for (const format of ['json', 'sarif']) {
      const io = memoryIO(work);
      expect(await run(['validate', '--format', format, keyFile, file], io)).toBe(1);
      expect(() => JSON.parse(io.out())).not.toThrow();
      expect(io.out()).not.toMatch(/[\0-\x08\x0b-\x1f\x7f]/);
    }
  });

  it('scaffold prints its findings escaped too', async () => {
    const io = memoryIO(work, { FORCE_COLOR: '0' });
    expect(await run(['scaffold', file, '-o', join(work, 'out')], io)).toBe(1);
    expect(io.err()).toContain('\\x1b[2J');
    expect(io.err()).not.toMatch(RAW_CONTROL);
    for (const line of io.err().split('\n')) expect(line).not.toMatch(/^\s*::/);
  });

  it('a file name cannot start a line with :: either', async () => {
    const path = modelFile('::warning::file.yaml', minimal);
    const io = memoryIO(work);
    expect(await run(['validate', '::warning::file.yaml'], io)).toBe(0);
    expect(io.out()).toMatch(/^\.\/::warning::file\.yaml: no problems \(/);
    rmSync(path);
  });
});

describe('one-line errors', () => {
  it('a usage error quoting a path with terminal escapes prints them escaped', async () => {
    const io = memoryIO(work);
    expect(await run(['validate', 'no\x1b[2Jsuch\n::warning::file.yaml'], io)).toBe(2);
    expect(io.err()).toContain('cannot read no\\x1b[2Jsuch\\n::warning::file.yaml: no such file');
    expect(io.err()).not.toMatch(RAW_CONTROL);
    for (const line of io.err().split('\n')) expect(line).not.toMatch(/^\s*::/);
  });
});

describe('long names and lines', () => {
  const long = 'Key'.repeat(700_000); // 2.1 MB
  const file = modelFile('long.yaml', minimal.replace('version: 1\n', `version: 1\n${long}: 1\n`));
  const short = modelFile('short.yaml', minimal.replace('version: 1\n', `version: 1\nKey: 1\n`));

  it('every format prints about what it prints for a short name, not the name', async () => {
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const io = memoryIO(work);
      expect(await run(['validate', '--format', format, file], io)).toBe(1);
      const baseline = memoryIO(work);
      expect(await run(['validate', '--format', format, short], baseline)).toBe(1);
      expect(io.out().length, format).toBeLessThan(baseline.out().length + 1000);
      expect(io.out(), format).toContain('…');
      expect(io.out(), format).not.toContain('Key'.repeat(100));
    }
  });

  it('the text format shows a window of the source line, the caret under the column', async () => {
    const io = memoryIO(work, { FORCE_COLOR: '0' });
    await run(['validate', file], io);
    const lines = io.out().split('\n');
    const excerpt = lines.findIndex((l) => l.startsWith('5 '));
    expect(excerpt).toBeGreaterThan(0);
    expect(lines[excerpt]!.length).toBeLessThanOrEqual(FRAME_WIDTH + 4);
    expect(lines[excerpt]).toMatch(/^5 KeyKey.*…$/);
    expect(lines[excerpt + 1]).toMatch(/^ {2}~+$/);
  });
});

describe('frame', () => {
  it('shows a short line whole, the caret at the column under the token', () => {
    expect(frame('    - name: RequestSubmit', 13)).toEqual({ text: '    - name: RequestSubmit', caret: 12, width: 13 });
  });

  it('cuts a long line around the column, with … on each cut side', () => {
    const line = `${'a'.repeat(1000)} { name: Target, b: ${'b'.repeat(1000)} }`;
    const f = frame(line, 1010);
    expect(f.text.length).toBeLessThanOrEqual(FRAME_WIDTH + 2);
    expect(f.text.startsWith('…') && f.text.endsWith('…')).toBe(true);
    expect(f.text.slice(f.caret, f.caret + f.width)).toBe('Target');
  });

  it('escapes control characters, the caret still under the token', () => {
    const f = frame('x\u001b: "a\u0007b"', 5);
    expect(f.text).toBe('x\\x1b: "a\\x07b"');
    expect(f.text.slice(f.caret, f.caret + f.width)).toBe('"a\\x07b"');
  });
});

describe('clipQuoted', () => {
  it('clips each long quoted string and keeps the rest', () => {
    const name = 'N'.repeat(500);
    expect(clipQuoted(`Event "${name}" is not in the past tense; did you mean "${name}ed"?`)).toBe(
      `Event "${'N'.repeat(80)}…(500 characters)" is not in the past tense; did you mean "${'N'.repeat(80)}…(502 characters)"?`,
    );
    expect(clipQuoted('Name "a\\"b" is fine')).toBe('Name "a\\"b" is fine');
  });

  it('caps any message, quoted or not, in linear time', () => {
    expect(clipQuoted('x'.repeat(10_000_000))).toHaveLength(MESSAGE_LIMIT + 1);
    expect(clipQuoted(`"${'\\'.repeat(5_000_000)}`).length).toBeLessThanOrEqual(MESSAGE_LIMIT + 1);
  });
});

describe('hostile paths on the terminal', () => {
  // A folder and a model file whose names hold an escape sequence, a line break and `::`.
  const hostile = 'x\x1b[2J\n::warning::pwned';

  it('scaffold: the output folder and the model are shown escaped in the summary and the next commands', async () => {
    const model = modelFile('::warning::model.yaml', minimal);
    const io = memoryIO(work, { FORCE_COLOR: '0' });
    expect(await run(['scaffold', model, '-o', hostile], io)).toBe(0);
    const again = memoryIO(work, { FORCE_COLOR: '0' });
    expect(await run(['scaffold', '::warning::model.yaml', '-o', hostile, '--check'], again)).toBe(0);
    for (const out of [io.out() + io.err(), again.out() + again.err()]) {
      expect(out).toContain('x\\x1b[2J\\n::warning::pwned');
      expect(out).not.toMatch(RAW_CONTROL);
      for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*::/);
    }
  });

  it('diff: both model files are shown escaped, and no line starts with ::', async () => {
    const dir = join(root, 'test', 'fixtures', 'diff');
    const before = modelFile('::warning::old.yaml', readFileSync(join(dir, 'base.yaml'), 'utf8'));
    const after = modelFile('new\x1b[2J.yaml', readFileSync(join(dir, 'field-removed', 'new.yaml'), 'utf8'));
    const io = memoryIO(work, { FORCE_COLOR: '0' });
    expect(await run(['diff', before, after], io)).toBe(1);
    expect(io.out()).toContain('new\\x1b[2J.yaml');
    expect(io.out()).not.toMatch(RAW_CONTROL);
    for (const line of io.out().split('\n')) expect(line).not.toMatch(/^\s*::/);
  });

  it('routes: the model file is shown escaped, never at the start of a line as ::', async () => {
    modelFile('::warning::routes.yaml', minimal);
    const io = memoryIO(work, { FORCE_COLOR: '0' });
    expect(await run(['routes', '::warning::routes.yaml'], io)).toBe(0);
    expect(io.out()).toContain('./::warning::routes.yaml: ');
    for (const line of io.out().split('\n')) expect(line).not.toMatch(/^\s*::/);
  });
});
