/**
 * Reading model files: --max-size and the bounded read (a device with no end stops at the cap),
 * UTF-8 decoding with the position of the first bad byte, UTF-16 and UTF-32 recognised. Each is
 * an MSA001 finding (exit 1), never a crash.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SIZE, decodeModel, firstInvalidUtf8, formatSize, parseSize } from '../../src/cli/files.js';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const minimal = readFileSync(join(root, 'test', 'fixtures', 'minimal', 'model.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'msa-gen-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

/** validate --format json on one file: exit code and findings. */
async function validateJson(path: string, ...args: string[]) {
  const io = memoryIO(work);
  const code = await run(['validate', '--format', 'json', ...args, path], io);
  const out = io.out() ? (JSON.parse(io.out()) as { diagnostics: Array<{ code: string; line: number; column: number; message: string }> }) : undefined;
  return { code, diagnostics: out?.diagnostics ?? [], err: io.err() };
}

describe('--max-size', () => {
  it('parses bytes and sizes with a unit', () => {
    expect(parseSize('100')).toBe(100);
    expect(parseSize('512KB')).toBe(512_000);
    expect(parseSize('10MB')).toBe(10_000_000);
    expect(parseSize('10 mb')).toBe(10_000_000);
    expect(parseSize('1MiB')).toBe(1_048_576);
    expect(parseSize('64KiB')).toBe(65_536);
    expect(parseSize('1.5MB')).toBe(1_500_000);
    expect(parseSize('2B')).toBe(2);
    expect(DEFAULT_MAX_SIZE).toBe(parseSize('10MB'));
    expect(formatSize(DEFAULT_MAX_SIZE)).toBe('10 MB');
    expect(formatSize(1_048_576)).toBe('1 MiB');
    expect(formatSize(1500)).toBe('1500 bytes');
  });

  it('refuses anything else with a usage error (exit 2)', async () => {
    for (const bad of ['ten', '10XB', '0', '-1', '', '1e6', '2GB', '0.1B']) {
      expect(() => parseSize(bad), bad).toThrow(/--max-size/);
      const io = memoryIO(root);
      expect(await run(['validate', '--max-size', bad, 'test/fixtures/minimal/model.yaml'], io), bad).toBe(2);
      expect(io.err(), bad).toMatch(/^msa-gen: --max-size/);
    }
  });

  it('a file larger than the cap is one MSA001 finding at 1:1, exit 1', async () => {
    const path = file('big.yaml', minimal);
    const { code, diagnostics } = await validateJson(path, '--max-size', '1KB');
    expect(code).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'MSA001', line: 1, column: 1 });
    expect(diagnostics[0]!.message).toBe('The file is larger than 1 KB (--max-size); msa-gen reads no further');
    expect((await validateJson(path, '--max-size', String(Buffer.byteLength(minimal)))).code).toBe(0);
    expect((await validateJson(path, '--max-size', String(Buffer.byteLength(minimal) - 1))).code).toBe(1);
  });

  it('/dev/zero stops at the default cap: a finding, not "Invalid string length"', async () => {
    if (!existsSync('/dev/zero')) return;
    const io = memoryIO(work, { NO_COLOR: '1' });
    expect(await run(['validate', '/dev/zero'], io)).toBe(1);
    expect(io.out()).toContain('/dev/zero:1:1 error MSA001 The file is larger than 10 MB (--max-size)');
    expect(io.err()).toBe('');
  });

  it('scaffold honours it too, and writes nothing', async () => {
    const path = file('scaffold.yaml', minimal);
    const out = join(work, 'out');
    const io = memoryIO(work, { NO_COLOR: '1' });
    expect(await run(['scaffold', path, '-o', out, '--max-size', '1KB'], io)).toBe(1);
    expect(io.err()).toContain('error MSA001 The file is larger than 1 KB (--max-size)');
    expect(existsSync(out)).toBe(false);
    expect(await run(['scaffold', path, '-o', out, '--max-size', 'lots'], memoryIO(work))).toBe(2);
  });

  it('is in the help of both commands', async () => {
    for (const command of ['validate', 'scaffold']) {
      const io = memoryIO(root);
      expect(await run([command, '--help'], io)).toBe(0);
      expect(io.out()).toContain('--max-size <size>');
    }
  });
});

describe('encodings', () => {
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('invalid UTF-8: MSA001 at the line and column of the first bad byte, its line shown', async () => {
    const at = minimal.indexOf('Permit Office');
    const [head, tail] = [minimal.slice(0, at), minimal.slice(at + 'Permit Office'.length)];
    const path = file('latin1.yaml', bytes(head, 'Permit', [0xd6], 'ffice', tail));
    const { code, diagnostics } = await validateJson(path);
    expect(code).toBe(1);
    expect(diagnostics).toHaveLength(1);
    const line = head.split('\n').length;
    expect(diagnostics[0]).toMatchObject({ code: 'MSA001', line, column: head.split('\n').at(-1)!.length + 7 });
    expect(diagnostics[0]!.message).toBe(`The file is not valid UTF-8: byte 0xD6 at byte offset ${Buffer.byteLength(head) + 6} is not part of a UTF-8 character`);
    const io = memoryIO(work, { NO_COLOR: '1' });
    await run(['validate', path], io);
    expect(io.out()).toContain(`${line}   title: Permit\ufffdffice\n`);
  });

  it('UTF-16, with a byte order mark or without, and UTF-32 are named as such', () => {
    const utf16le = Buffer.from(minimal, 'utf16le');
    const utf16be = Buffer.from(utf16le).swap16();
    const expectUnreadable = (input: Uint8Array, message: string) =>
      expect(decodeModel(input)).toMatchObject({ kind: 'unreadable', offset: 0, message });
    expectUnreadable(bytes([0xff, 0xfe]), 'The file is UTF-16 (little-endian); save it as UTF-8');
    expectUnreadable(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), 'The file is UTF-16 (little-endian); save it as UTF-8');
    expectUnreadable(utf16le, 'The file is UTF-16 (little-endian); save it as UTF-8');
    expectUnreadable(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'The file is UTF-16 (big-endian); save it as UTF-8');
    expectUnreadable(utf16be, 'The file is UTF-16 (big-endian); save it as UTF-8');
    expectUnreadable(bytes([0xff, 0xfe, 0, 0], [0x76, 0, 0, 0]), 'The file is UTF-32; save it as UTF-8');
  });

  it('a UTF-16 file is reported as UTF-16, not as a null byte', async () => {
    const { code, diagnostics } = await validateJson(file('utf16.yaml', Buffer.from(minimal, 'utf16le')));
    expect(code).toBe(1);
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['MSA001', 1, 1, 'The file is UTF-16 (little-endian); save it as UTF-8'],
    ]);
  });

  it('a UTF-8 byte order mark is fine, and positions do not count it', async () => {
    const path = file('bom.yaml', bytes([0xef, 0xbb, 0xbf], minimal));
    expect((await validateJson(path)).code).toBe(0);
    const tense = file('bom-tense.yaml', bytes([0xef, 0xbb, 0xbf], minimal.replace('name: ApplicationSubmitted', 'name: ApplicationSubmit')));
    const plain = file('tense.yaml', minimal.replace('name: ApplicationSubmitted', 'name: ApplicationSubmit'));
    const at = (r: Awaited<ReturnType<typeof validateJson>>) => r.diagnostics.map((d) => [d.code, d.line, d.column]);
    expect(at(await validateJson(tense))).toEqual(at(await validateJson(plain)));
  });

  it('firstInvalidUtf8 finds overlong forms, surrogates, code points past U+10FFFF and cut sequences', () => {
    expect(firstInvalidUtf8(bytes('plain ASCII and 한글 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes('ab', [0xc0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes('ab', [0xe0, 0x80, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes('ab', [0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes('ab', [0xf4, 0x90, 0x80, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes('ab', [0xf5]))).toBe(2);
    expect(firstInvalidUtf8(bytes('ab', [0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes('한', [0xe2, 0x82]))).toBe(3);
    expect(firstInvalidUtf8(bytes('a', [0xe2, 0x82, 0x41]))).toBe(1);
  });
});
