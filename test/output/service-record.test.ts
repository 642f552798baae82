/**
 * The service record's text (src/output/service-record.ts): it reads back what was written, and
 * anything damaged, of another version or about another folder reads as no record at all.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseServiceRecord, serializeServiceRecord, type ServiceRecord } from '../../src/output/service-record.js';

const hash = (c: string) => c.repeat(64);
const record: ServiceRecord = new Map([
  ['issuance', { key: hash('b'), files: [{ path: 'services/issuance/package.json', sha256: hash('c') }] }],
  ['application', { key: hash('a'), files: [{ path: 'services/application/src/generated/service.ts', sha256: hash('d') }, { path: 'services/application/a b.ts', sha256: hash('e') }] }],
  ['lookup', { key: hash('f'), files: [] }],
]);

describe('service record', () => {
  it('reads back what it wrote, contexts sorted', () => {
    const text = serializeServiceRecord('/out 1:2', record);
    const back = parseServiceRecord(text, '/out 1:2')!;
    expect([...back.keys()]).toEqual(['application', 'issuance', 'lookup']);
    expect(new Map([...back].sort())).toEqual(new Map([...record].sort()));
  });

  it('is ignored when about another folder, damaged, or of another version', () => {
    const text = serializeServiceRecord('/out 1:2', record);
    expect(parseServiceRecord(text, '/out 1:3')).toBeUndefined();
    expect(parseServiceRecord(text.replace(hash('c'), hash('0')), '/out 1:2')).toBeUndefined();
    expect(parseServiceRecord(text.replace('record 1', 'record 2'), '/out 1:2')).toBeUndefined();
    expect(parseServiceRecord(text.slice(0, -5), '/out 1:2')).toBeUndefined();
    expect(parseServiceRecord('', '/out 1:2')).toBeUndefined();
  });

  it('refuses a body that is intact but malformed (a key or a hash that is not sha256, a context twice)', () => {
    const bad = (line: string) => {
      const body = `${line}\n`;
      const head = serializeServiceRecord('/f', new Map()).split('\n').slice(0, 2).join('\n');
      return `${head}\n${createHash('sha256').update(body).digest('hex')}\n${body}`;
    };
    expect(parseServiceRecord(bad(JSON.stringify(['a', hash('a'), []])), '/f')?.get('a')).toEqual({ key: hash('a'), files: [] });
    expect(parseServiceRecord(bad(JSON.stringify(['a', 'short', []])), '/f')).toBeUndefined();
    expect(parseServiceRecord(bad(JSON.stringify(['a', hash('a'), [['p', 'nothex']]])), '/f')).toBeUndefined();
    expect(parseServiceRecord(bad(`${JSON.stringify(['a', hash('a'), []])}\n${JSON.stringify(['a', hash('b'), []])}`), '/f')).toBeUndefined();
    expect(parseServiceRecord(bad('{not json'), '/f')).toBeUndefined();
  });
});
