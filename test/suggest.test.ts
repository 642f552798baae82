/** "Did you mean": the closest candidate by edit distance, with bounded work. */
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, SUGGEST_MAX_LENGTH } from '../src/model/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Submited', 'Submitted')).toBe(1);
    expect(editDistance('Sumbitted', 'Submitted')).toBe(1);
  });
});

describe('closest', () => {
  const events = ['ApplicationSubmitted', 'ApplicationCancelled', 'PermitIssued', 'PermitRefused'];

  it('suggests a likely misspelling, unambiguous and within a third of the length', () => {
    expect(closest('ApplicationSubmited', events)).toBe('ApplicationSubmitted');
    expect(closest('applicationsubmitted', events)).toBe('ApplicationSubmitted');
    expect(closest('PermitIssue', events)).toBe('PermitIssued');
    expect(closest('Unrelated', events)).toBeUndefined();
    expect(closest('ab', ['ac', 'ad'])).toBeUndefined(); // a tie
    expect(didYouMean('PermitRefuse', events)).toBe('; did you mean "PermitRefused"?');
  });

  it('never suggests a candidate whose length differs by more than the edit limit', () => {
    // 9 characters: at most 3 edits; a candidate 4 characters longer cannot be that close.
    expect(closest('PermitIss', ['PermitIssued'])).toBe('PermitIssued');
    expect(closest('PermitIs', ['PermitIssued'])).toBeUndefined();
  });

  it('suggests nothing for a name over SUGGEST_MAX_LENGTH characters, even a near twin', () => {
    const long = 'A'.repeat(SUGGEST_MAX_LENGTH + 1);
    expect(closest(long, [`${long}B`, long.toLowerCase()])).toBeUndefined();
    const limit = 'A'.repeat(SUGGEST_MAX_LENGTH);
    expect(closest(limit, [`${limit}B`])).toBe(`${limit}B`);
    expect(closest('x'.repeat(6_000_000), events)).toBeUndefined();
  });
});
