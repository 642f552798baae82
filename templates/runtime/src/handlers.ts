/**
 * The typed face of command handlers, for generated handler contracts
 * (`services/<service>/src/generated/handlers.ts`): what a handler receives and what it decides,
 * with the service's state type, its events and its typed clients filled in. The runtime itself
 * works with the untyped Decision and CommandContext (definitions.ts); these types narrow them.
 */
import type { CommandContext } from './definitions.ts';

/** An event a handler emits: its name and data. */
export type Emit<N extends string, D> = { readonly event: N; readonly data: D };

/**
 * What a handler decides: the new state (null deletes the aggregate; absent keeps it) and the
 * events to emit. The runtime commits both in one transaction (transactional outbox).
 */
export type Decided<S, E> = { readonly state?: S | null; readonly events?: readonly E[] };

/**
 * The decision of a command with `after` calls (A: their inputs by name, see CallDef): either it
 * changes nothing, or it gives every call's input as `calls`, which the runtime sends before it
 * commits. A decision that changes something without them does not type-check.
 */
export type DecidedWithCalls<S, E, A> =
  | { readonly state?: undefined; readonly events?: readonly [] }
  | (Decided<S, E> & { readonly calls: A });

/** A decision, now or later (A: the inputs of the command's `after` calls, if it has any). */
export type Outcome<S, E, A = never> = [A] extends [never]
  ? Decided<S, E> | Promise<Decided<S, E>>
  : DecidedWithCalls<S, E, A> | Promise<DecidedWithCalls<S, E, A>>;

/**
 * What a handler receives besides the command: the aggregate's key and state, the correlation
 * id, the cause, the clock, afterCommit, `calls`, the replies of the command's `before` calls the
 * runtime made (K; none by default), and `clients`, the typed clients of the commands the service
 * calls (C; none by default).
 */
export type HandlerContext<S, C = Readonly<Record<string, never>>, K = Readonly<Record<string, never>>> = CommandContext<S, C, K>;
