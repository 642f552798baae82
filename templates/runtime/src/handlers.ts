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

/** A decision, now or later. */
export type Outcome<S, E> = Decided<S, E> | Promise<Decided<S, E>>;

/**
 * What a handler receives besides the command: the aggregate's key and state, the correlation
 * id, the cause, the clock, afterCommit, and `clients`, the typed clients of the commands the
 * service calls (C; none by default).
 */
export type HandlerContext<S, C = Readonly<Record<string, never>>> = CommandContext<S, C>;
