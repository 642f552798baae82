/** Sizes and seeds of the property tests run by `npm test` (a fixed-seed sample of `npm run fuzz`). */
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');

/** Seeds: fixed, so that `npm test` is repeatable; `npm run fuzz` takes any. */
export const SEED = { model: 7_201, mutation: 7_202, typecheck: 7_203 } as const;

/** Cases per property in `npm test`. */
export const RUNS = { model: 150, mutation: 100, typecheck: 10 } as const;

/** Failing cases are written here (ignored by git). */
export const FAILURES_DIR = join(REPO, '.tmp', 'property-failures');

/** The reference model the mutation fuzz starts from. */
export const GOV24 = join(REPO, 'models', 'gov24.yaml');

/** Minimal reproducers of failures found by the fuzzer: regression cases. */
export const FOUND_DIR = join(import.meta.dirname, 'found');

/**
 * A time limit on one property (sampling and shrinking): a failing property stops shrinking
 * there and reports the smallest counterexample found so far.
 */
export const TIME_LIMIT_MS = 90_000;
