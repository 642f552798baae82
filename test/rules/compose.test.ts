/** The edits a rule test case makes to the base model (compose.ts, `applyEdits`). */
import { describe, expect, it } from 'vitest';
import { applyEdits, BASE_FILE_TEXT } from './compose.js';

const lines = (text: string) => text.split('\n');
const diff = (text: string) => {
  const base = new Set(lines(BASE_FILE_TEXT));
  return lines(text).filter((l) => !base.has(l));
};

describe('applyEdits', () => {
  it('replaces text found once', () => {
    const text = applyEdits([{ find: 'emits: [ApplicationCancelled]', replace: 'emits: [ApplicationCanceled]' }]);
    expect(diff(text)).toEqual(['            emits: [ApplicationCanceled]']);
    expect(lines(text).length).toBe(lines(BASE_FILE_TEXT).length);
  });

  it('replaces a whole line, keeping its indentation', () => {
    const text = applyEdits([{ line: '- name: Application', replace: '- name: Update' }]);
    expect(diff(text)).toEqual(['      - name: Update']);
    expect(text).toContain('- name: ApplicationSubmitted');
  });

  it('inserts after a node, at its column: a sibling key, or an item after the whole item', () => {
    const key = lines(applyEdits([{ after: 'then: IssuePermit', insert: 'idempotencyKey: permitId' }]));
    expect(key[key.indexOf('        then: IssuePermit') + 1]).toBe('        idempotencyKey: permitId');
    const item = lines(applyEdits([{ after: '- name: IssuePermit', insert: '- name: RevokePermit\n  emits: [PermitRevoked]' }]));
    const at = item.indexOf('          - name: RevokePermit');
    expect(item.slice(at - 2, at + 3)).toEqual([
      '          - name: IssuePermit',
      '            emits: [PermitIssued, PermitIssuanceFailed]',
      '          - name: RevokePermit',
      '            emits: [PermitRevoked]',
      '        events:',
    ]);
  });

  it('inserts a template literal without its first line break and closing line, keeping blank lines inside', () => {
    const text = lines(
      applyEdits([
        {
          before: '- name: lookup',
          insert: `
            - name: audit
              title: Audit

          `,
        },
      ]),
    );
    const at = text.indexOf('  - name: audit');
    expect(text.slice(at, at + 4)).toEqual(['  - name: audit', '    title: Audit', '', '  - name: lookup']);
  });

  it('removes a node with the lines below it, within the node `in` names', () => {
    const text = applyEdits([{ in: '- name: issuance', remove: 'policies:' }]);
    expect(text).not.toContain('IssuePermitWhenApplicationSubmitted');
    expect(text).toContain('CancelApplicationWhenIssuanceFailed');
    expect(lines(BASE_FILE_TEXT).length - lines(text).length).toBe(5);
  });

  it('fails loudly when an anchor is missing or not unique', () => {
    expect(() => applyEdits([{ find: 'IssuePermitX', replace: '' }])).toThrow(/is not in the base model/);
    expect(() => applyEdits([{ find: 'IssuePermit', replace: '' }])).toThrow(/more than once/);
    expect(() => applyEdits([{ remove: 'policies:' }])).toThrow(/more than one line/);
    expect(() => applyEdits([{ after: 'IssuePermit', insert: 'x' }])).toThrow(/names no line/);
  });
});
