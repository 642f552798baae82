/** Retry settings of a consumer: attempts in all (the first included), then the DLQ. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly multiplier: number;
  readonly maxBackoffMs: number;
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): exponential, capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const raw = policy.backoffMs * Math.pow(policy.multiplier, attempt - 1);
  return Math.min(Math.round(raw), policy.maxBackoffMs);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
