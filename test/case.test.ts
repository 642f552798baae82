import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelCase, constantCase, kebabCase, pascalCase, snakeCase, words } from '../src/model/case.js';

/** The word splitting words() once did with regular expressions: the scan must give the same words. */
function wordsByRegex(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

describe('words', () => {
  it.each([
    ['GeneralApplicationSubmitted', ['General', 'Application', 'Submitted']],
    ['general-application', ['general', 'application']],
    ['HTTPServer2x', ['HTTP', 'Server2x']],
    ['Http2Server', ['Http2', 'Server']],
    ['ABcDEf', ['A', 'Bc', 'D', 'Ef']],
    ['A1BCd', ['A1', 'B', 'Cd']],
    ['__x__', ['x']],
    ['', []],
    ['Ünïcode-Näme', ['n', 'code', 'N', 'me']],
  ])('%s → %j', (name, expected) => {
    expect(words(name)).toEqual(expected);
  });

  it('agrees with the regular-expression split on any text', () => {
    const char = fc.constantFrom(...'aAbBzZ09 -_.éÉ/\u0000', 'A', 'B', 'a', 'b', '1');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }).map((cs) => cs.join('')), (name) => {
        expect(words(name)).toEqual(wordsByRegex(name));
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (name) => {
      expect(words(name)).toEqual(wordsByRegex(name));
    }));
  });

  it('returns a copy: changing it changes no later answer', () => {
    const first = words('OrderPlaced');
    first.push('Extra');
    expect(words('OrderPlaced')).toEqual(['Order', 'Placed']);
  });

  it('drives the case conversions', () => {
    expect(pascalCase('general-application')).toBe('GeneralApplication');
    expect(camelCase('HTTPServer')).toBe('httpServer');
    expect(kebabCase('HTTPServer2x')).toBe('http-server2x');
    expect(constantCase('my--app')).toBe('MY_APP');
    expect(snakeCase('AgencyTransmission')).toBe('agency_transmission');
  });
});
