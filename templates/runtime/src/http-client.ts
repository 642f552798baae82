/**
 * Typed HTTP calls between services (the model's `calls`): a timeout per attempt, retries with
 * exponential backoff, and a circuit breaker that fails fast while the called service is down,
 * from cockatiel rather than hand-written.
 */
import {
  BrokenCircuitError,
  CircuitState as BreakerState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';

export interface ClientOptions {
  /** The called service, for messages. */
  readonly service: string;
  /** The called service's base URL, or a function giving it at each call (it may move). */
  readonly baseUrl: string | (() => string);
  readonly timeoutMs: number;
  readonly retry: { readonly maxAttempts: number; readonly backoffMs: number; readonly maxBackoffMs: number };
  readonly circuitBreaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
  /** This service's identity (auth.ts): the Authorization header sent with every call. */
  readonly authorization?: () => Promise<string | undefined>;
}

export type CircuitState = 'closed' | 'open' | 'half-open' | 'isolated';

/** The called service answered with an error status that retrying will not fix (4xx). */
export class CallRejectedError extends Error {
  override readonly name = 'CallRejectedError';
  readonly status: number;
  readonly body: unknown;
  constructor(message: string, status: number, body: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** The call failed: the service is down, too slow, or its circuit is open. */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  readonly service: string;
  readonly reason: 'circuit-open' | 'timeout' | 'error';
  constructor(service: string, reason: ServiceUnavailableError['reason'], detail: string) {
    super(
      reason === 'circuit-open'
        ? `${service} is unavailable: circuit breaker open after repeated failures; failing fast (${detail})`
        : `${service} is unavailable: ${detail}`,
    );
    this.service = service;
    this.reason = reason;
  }
}

class ServerError extends Error {
  override readonly name = 'ServerError';
}

export interface ServiceClient {
  readonly service: string;
  /** Sends `body` to `method path`; resolves with the JSON answer. */
  call<T = unknown>(method: string, path: string, body?: unknown, headers?: Readonly<Record<string, string>>): Promise<T>;
  readonly circuit: () => CircuitState;
}

export function createServiceClient(options: ClientOptions): ServiceClient {
  const baseUrl = typeof options.baseUrl === 'function' ? options.baseUrl : () => options.baseUrl as string;
  // Only transport failures, timeouts and 5xx count: a 4xx is the caller's fault, not an outage.
  const breaker = circuitBreaker(handleWhen((e) => !(e instanceof CallRejectedError)), {
    halfOpenAfter: options.circuitBreaker.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.circuitBreaker.consecutiveFailures),
  });
  const perAttempt = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  // Retry outermost: the breaker sees every attempt, and retries stop once it opens.
  const policy: IPolicy = wrap(
    retry(handleWhen((e) => !(e instanceof CallRejectedError) && !(e instanceof BrokenCircuitError)), {
      maxAttempts: Math.max(0, options.retry.maxAttempts - 1),
      backoff: new ExponentialBackoff({ initialDelay: options.retry.backoffMs, maxDelay: options.retry.maxBackoffMs }),
    }),
    breaker,
    perAttempt,
  );
  const stateName = (): CircuitState => {
    switch (breaker.state) {
      case BreakerState.Closed:
        return 'closed';
      case BreakerState.Open:
        return 'open';
      case BreakerState.HalfOpen:
        return 'half-open';
      default:
        return 'isolated';
    }
  };

  return {
    service: options.service,
    circuit: stateName,
    async call<T>(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<T> {
      try {
        const identity = await options.authorization?.();
        const sent = identity === undefined ? headers : { authorization: identity, ...headers };
        return await policy.execute(async ({ signal }) => {
          const res = await fetch(new URL(path, baseUrl()), {
            method,
            signal,
            headers: body === undefined ? { ...sent } : { ...sent, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await res.text();
          const parsed: unknown = text ? safeJson(text) : undefined;
          if (res.status >= 500) throw new ServerError(`${options.service} answered ${res.status}`);
          if (res.status >= 400) throw new CallRejectedError(`${options.service} rejected ${method} ${path}: ${res.status}`, res.status, parsed);
          return parsed as T;
        });
      } catch (error) {
        if (error instanceof CallRejectedError) throw error;
        if (error instanceof BrokenCircuitError) throw new ServiceUnavailableError(options.service, 'circuit-open', `${method} ${path}`);
        if (error instanceof TaskCancelledError) {
          throw new ServiceUnavailableError(options.service, 'timeout', `no answer within ${options.timeoutMs} ms`);
        }
        throw new ServiceUnavailableError(options.service, 'error', error instanceof Error ? error.message : String(error));
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
