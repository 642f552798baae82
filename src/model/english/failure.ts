/** Outcomes that read as failures (MSA309). */
import { words } from '../case.js';
import { isVersionToken } from './names.js';
import { FAILURE_WORDS } from './words.js';

/**
 * The word that makes an event name read as a failure (`Declined` in `PaymentDeclined`,
 * `TimedOut` in `PaymentTimedOut`), or undefined. A version suffix (`V2`) is skipped.
 */
export function failureWord(name: string): string | undefined {
  const parts = words(name);
  while (parts.length > 1 && isVersionToken(parts[parts.length - 1]!)) parts.pop();
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  const before = parts[parts.length - 2];
  if (before !== undefined && FAILURE_WORDS.has(`${before}${last}`.toLowerCase())) return `${before}${last}`;
  return FAILURE_WORDS.has(last.toLowerCase()) ? last : undefined;
}
