/** "Did you mean" suggestions: the closest candidate by edit distance. */

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Names longer than this get no suggestion: nobody misspells a name that long. */
export const SUGGEST_MAX_LENGTH = 200;

/**
 * The candidate closest to `name`, if it is close enough to be a likely misspelling: at most
 * a third of the name's length in edits (case differences count half), and unambiguous.
 * Bounded work: no suggestion for a name over SUGGEST_MAX_LENGTH characters, and a candidate
 * whose length differs by more than the edit limit is skipped before any distance is computed.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > SUGGEST_MAX_LENGTH) return undefined;
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  let tie = false;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase());
    const score = d + (d === 0 ? 0.5 : editDistance(name, c) * 0.01);
    if (d > limit) continue;
    if (score < bestScore) {
      best = c;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

/** `; did you mean "X"?` or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  return suggestion(closest(name, candidates));
}

/** `; did you mean "X"?` for a proposal, or the empty string: the `suggestion` hole of many messages. */
export function suggestion(proposal: string | undefined): string {
  return proposal === undefined ? '' : `; did you mean "${proposal}"?`;
}
