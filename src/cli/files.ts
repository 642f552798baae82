/**
 * Reading model files: at most --max-size bytes through a bounded read (a character device such
 * as /dev/zero has no end), then decoded as UTF-8. A file too large, not UTF-8 or in UTF-16
 * becomes an UnreadableModel, which the model layer reports as an MSA001 finding.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ModelInput, UnreadableModel } from '../model/source.js';
import { escapeUnsafe } from '../model/text.js';
import { UsageError } from './io.js';

/** Default --max-size: 10 MB (models are a few hundred kilobytes). */
export const DEFAULT_MAX_SIZE = 10_000_000;

/** Largest --max-size: a JavaScript string holds about 512 million characters. */
export const MAX_MAX_SIZE = 500_000_000;

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `--max-size` as bytes: a whole number of bytes, or with a unit (512KB, 10MB, 1MiB, 1.5MB). */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?) ?([a-z]*)$/i.exec(value.trim());
  const unit = m ? UNITS[(m[2] || 'b').toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new UsageError(`--max-size takes a size such as 10MB, 512KB, 1MiB or a number of bytes, not "${escapeUnsafe(value)}"`);
  }
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1) throw new UsageError(`--max-size must be at least 1 byte, not "${escapeUnsafe(value)}"`);
  if (bytes > MAX_MAX_SIZE) throw new UsageError(`--max-size is at most ${formatSize(MAX_MAX_SIZE)}, not "${escapeUnsafe(value)}"`);
  return bytes;
}

/** A size as the user would write it: 10 MB, 1 MiB, 512 KB, or bytes. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['GB', 1000 ** 3], ['GiB', 1024 ** 3], ['MB', 1000 ** 2], ['MiB', 1024 ** 2], ['KB', 1000], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** A path to show the user: relative to cwd when inside it, with forward slashes. */
export function displayPath(cwd: string, path: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  return shown.split('\\').join('/');
}

function unreadable(message: string, hint: string, text = '', offset = 0): UnreadableModel {
  return { kind: 'unreadable', text, offset, message, hint };
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 character (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when every byte does.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // no overlong forms
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 'LE' or 'BE' when the bytes look like UTF-16: a byte order mark, or NULs in every other byte. */
function utf16(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE';
  const pairs = Math.min(bytes.length, 1024) >> 1;
  if (pairs === 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // ASCII text in UTF-16: the high byte of nearly every character is 0.
  if (odd >= pairs / 4 && even === 0) return 'LE';
  if (even >= pairs / 4 && odd === 0) return 'BE';
  return undefined;
}

/**
 * A model file's bytes as text: UTF-8 (a byte order mark is dropped), or an UnreadableModel
 * naming what is wrong and where (UTF-32, UTF-16, the first byte that is not UTF-8).
 */
export function decodeModel(bytes: Uint8Array): ModelInput {
  const saveAsUtf8 = 'Save the file as UTF-8 (without a byte order mark, or with one: both are fine).';
  if (bytes.length >= 4 && ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))) {
    return unreadable('The file is UTF-32; save it as UTF-8', saveAsUtf8);
  }
  const wide = utf16(bytes);
  if (wide) return unreadable(`The file is UTF-16 (${wide === 'LE' ? 'little' : 'big'}-endian); save it as UTF-8`, saveAsUtf8);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const bad = bytes[at] ?? 0;
    const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    // The rest decoded leniently, so the excerpt shows the line (with U+FFFD where bytes were bad).
    const text = valid + new TextDecoder('utf-8').decode(bytes.subarray(at));
    const hex = bad.toString(16).toUpperCase().padStart(2, '0');
    return unreadable(`The file is not valid UTF-8: byte 0x${hex} at byte offset ${at} is not part of a UTF-8 character`, saveAsUtf8, text, valid.length);
  }
}

/** Reads at most maxSize + 1 bytes: enough to know whether the file is larger than maxSize. */
async function readBounded(path: string, maxSize: number): Promise<{ bytes: Uint8Array; tooLarge: boolean }> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    const limit = maxSize + 1;
    // A regular file tells its size (read one byte more, in case it grew); a device or a pipe does not.
    let buffer = Buffer.allocUnsafe(Math.min(limit, stat.isFile() && stat.size > 0 ? stat.size + 1 : 64 * 1024));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (buffer.length >= limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(total, maxSize)), tooLarge: total > maxSize };
  } finally {
    await handle.close();
  }
}

/** Reads and decodes a model file, or explains in one line (a UsageError, exit 2) why it cannot. */
export async function readModelFile(cwd: string, path: string, maxSize = DEFAULT_MAX_SIZE): Promise<ModelInput> {
  let read: { bytes: Uint8Array; tooLarge: boolean };
  try {
    read = await readBounded(resolve(cwd, path), maxSize);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new UsageError(`cannot read ${escapeUnsafe(path)}: ${why}`);
  }
  if (read.tooLarge) {
    return unreadable(
      `The file is larger than ${formatSize(maxSize)} (--max-size); msa-gen reads no further`,
      'A model is a few hundred kilobytes at most: check that this is the model file, or raise --max-size.',
    );
  }
  return decodeModel(read.bytes);
}

/**
 * Writes the whole text or nothing: a new temporary file beside the target (never one already
 * there), renamed over it. On failure the temporary file is removed and the error rethrown.
 */
export async function writeWholeFile(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
