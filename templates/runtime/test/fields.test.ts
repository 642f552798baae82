/**
 * The field readers the generated default handlers, policies and saga mappers pick data with:
 * each gives the value when it has the field's type and format, undefined otherwise, and accepts
 * exactly what the schema validator accepts for the same format.
 */
import { describe, expect, it } from 'vitest';
import {
  asBoolean,
  asDate,
  asDateTime,
  asEmail,
  asEnum,
  asInt,
  asNumber,
  asString,
  asUrl,
  asUuid,
  listOf,
} from '../src/fields.ts';
import { SchemaValidators } from '../src/validation.ts';

describe('field readers', () => {
  it('read strings, and nothing else, as strings', () => {
    expect(asString('')).toBe('');
    expect(asString('text')).toBe('text');
    for (const v of [1, true, null, undefined, {}, ['a']]) expect(asString(v)).toBeUndefined();
  });

  it('read a string with a format only when it matches the format', () => {
    expect(asUuid('3F8E2B1C-6D4A-4E5F-9A7B-0C1D2E3F4A5B')).toBe('3F8E2B1C-6D4A-4E5F-9A7B-0C1D2E3F4A5B');
    expect(asUuid('3f8e2b1c-6d4a-4e5f-9a7b-0c1d2e3f4a5')).toBeUndefined();
    expect(asDate('2025-01-31')).toBe('2025-01-31');
    expect(asDate('2025-01-31T09:00:00Z')).toBeUndefined();
    expect(asDateTime('2025-01-31T09:00:00.123Z')).toBe('2025-01-31T09:00:00.123Z');
    expect(asDateTime('2025-01-31 09:00:00+09:00')).toBe('2025-01-31 09:00:00+09:00');
    expect(asDateTime('2025-01-31')).toBeUndefined();
    expect(asEmail('someone@example.org')).toBe('someone@example.org');
    expect(asEmail('someone@example')).toBeUndefined();
    expect(asUrl('urn:gov24:application:1:attachmentUrl')).toBe('urn:gov24:application:1:attachmentUrl');
    expect(asUrl('https://example.org/a b')).toBeUndefined();
    for (const read of [asUuid, asDate, asDateTime, asEmail, asUrl]) expect(read(42)).toBeUndefined();
  });

  it('read numbers by kind: integers, finite numbers', () => {
    expect(asInt(3)).toBe(3);
    expect(asInt(3.5)).toBeUndefined();
    expect(asInt('3')).toBeUndefined();
    expect(asNumber(3.5)).toBe(3.5);
    expect(asNumber(Number.NaN)).toBeUndefined();
    expect(asNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(asNumber('3.5')).toBeUndefined();
  });

  it('read booleans and enum values', () => {
    expect(asBoolean(false)).toBe(false);
    expect(asBoolean('false')).toBeUndefined();
    expect(asEnum('Issued', ['Received', 'Issued'])).toBe('Issued');
    expect(asEnum('issued', ['Received', 'Issued'])).toBeUndefined();
    expect(asEnum(1, ['Received', 'Issued'])).toBeUndefined();
  });

  it('read a list only when every item reads', () => {
    expect(listOf(['a', 'b'], asString)).toEqual(['a', 'b']);
    expect(listOf([], asString)).toEqual([]);
    expect(listOf(['a', 1], asString)).toBeUndefined();
    expect(listOf('a', asString)).toBeUndefined();
    expect(listOf(['Issued', 'Received'], (item) => asEnum(item, ['Received', 'Issued']))).toEqual(['Issued', 'Received']);
  });

  it('accept what the schema validator accepts for the same format', () => {
    const validators = new SchemaValidators();
    const samples = ['2025-01-31', '2025-01-31T09:00:00Z', 'a@b.co', 'urn:x', 'mailto:a@b.co', 'not a value', '3f8e2b1c-6d4a-4e5f-9a7b-0c1d2e3f4a5b'];
    const readers = { uuid: asUuid, date: asDate, 'date-time': asDateTime, email: asEmail, uri: asUrl } as const;
    for (const [format, read] of Object.entries(readers)) {
      const schema = { type: 'string', format };
      for (const sample of samples) {
        const valid = validators.check(`format-${format}`, schema, sample).length === 0;
        expect(read(sample) !== undefined, `${format}: ${sample}`).toBe(valid);
      }
    }
  });
});
