/**
 * A default handler fills a date-time field named for when something happened with the time the
 * command runs (a fact, not an invention); every other required field nothing provides is
 * refused unless dev placeholders are on (ctx.placeholder).
 */
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/model/valid.js';
import { isOccurrenceTime } from '../../src/generators/ts/field-types.js';

const field = (name: string, type: Field['type'] = 'datetime', list = false) =>
  ({ pointer: '', name, type, key: false, pii: false, list, optional: false, values: [], description: undefined }) as Field;

describe('isOccurrenceTime', () => {
  it.each(['submittedAt', 'issuedAt', 'recordedAt', 'sentAt', 'paidAt'])('%s: the command time is its value', (name) => {
    expect(isOccurrenceTime(field(name))).toBe(true);
  });
  it.each([
    ['expiresAt', 'datetime'],
    ['dueAt', 'datetime'],
    ['at', 'datetime'],
    ['submittedAt', 'date'],
    ['submittedOn', 'datetime'],
  ] as const)('%s (%s): refused when nothing provides it', (name, type) => {
    expect(isOccurrenceTime(field(name, type))).toBe(false);
  });
  it('a list of times is not one occurrence', () => {
    expect(isOccurrenceTime(field('submittedAt', 'datetime', true))).toBe(false);
  });
});
