import { describe, expect, it } from 'vitest';
import { createEvent, EnvelopeError, fromRecord, toRecord, type CloudEvent } from '../src/envelope.ts';

describe('CloudEvents binary mode', () => {
  const event = createEvent({
    source: '/gov24/application',
    type: 'kr.go.gov24.GeneralApplicationSubmitted.v1',
    subject: 'app-1',
    correlationid: 'app-1',
    processingstage: 'application.GeneralApplicationSubmitted',
    data: { applicationId: 'app-1', attachmentUrl: 'https://files.example/1' },
  });

  it('puts every attribute in a ce_ header, the data in the value and the subject in the key', () => {
    const record = toRecord('GeneralApplicationSubmitted', event);
    expect(record.key).toBe('app-1');
    expect(JSON.parse(record.value)).toEqual(event.data);
    expect(record.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: '/gov24/application',
      ce_type: 'kr.go.gov24.GeneralApplicationSubmitted.v1',
      ce_subject: 'app-1',
      ce_correlationid: 'app-1',
      ce_processingstage: 'application.GeneralApplicationSubmitted',
      'content-type': 'application/json',
    });
    expect(Date.parse(record.headers['ce_time']!)).not.toBeNaN();
  });

  it('reads back the same event', () => {
    expect(fromRecord(toRecord('t', event))).toEqual(event);
  });

  it('refuses a record without CloudEvents headers or with a body that is not JSON', () => {
    expect(() => fromRecord({ topic: 't', key: 'k', value: '{}', headers: {} })).toThrow(EnvelopeError);
    const r = toRecord('t', event);
    expect(() => fromRecord({ ...r, value: 'not json' })).toThrow(/does not hold JSON/);
  });
});

describe('deriveId', () => {
  it('is a stable, well-formed UUID of its inputs', async () => {
    const { deriveId } = await import('../src/ids.ts');
    const a = deriveId('IssueGeneralDocument', 'app-1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveId('IssueGeneralDocument', 'app-1')).toBe(a);
    expect(deriveId('IssueGeneralDocument', 'app-2')).not.toBe(a);
  });
});

describe('policyKey', () => {
  const event = (data: unknown) => ({ subject: 'app-1', data }) as CloudEvent<unknown>;

  it('takes the key from the event when it carries one, else derives it from the policy and the subject', async () => {
    const { deriveId, policyKey } = await import('../src/ids.ts');
    const uuid = '3f8e2b1c-6d4a-4e5f-9a7b-0c1d2e3f4a5b';
    const key = policyKey('CancelWhenFailed', 'applicationId');
    expect(key(event({ applicationId: uuid }))).toBe(uuid);
    // Not a UUID (the default reader), missing, or no data: derived, the same for a redelivery.
    expect(key(event({ applicationId: 'nope' }))).toBe(deriveId('CancelWhenFailed', 'app-1'));
    expect(key(event({}))).toBe(deriveId('CancelWhenFailed', 'app-1'));
    expect(key(event(null))).toBe(deriveId('CancelWhenFailed', 'app-1'));
  });

  it('reads the field with the given reader, and always derives without a field', async () => {
    const { deriveId, policyKey } = await import('../src/ids.ts');
    const { asString } = await import('../src/fields.ts');
    expect(policyKey('P', 'code', asString)(event({ code: 'A-1' }))).toBe('A-1');
    expect(policyKey('P')(event({ code: 'A-1' }))).toBe(deriveId('P', 'app-1'));
  });
});
