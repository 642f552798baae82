/**
 * The model's synchronous `calls`, made by the runtime around a command's handler rather than by
 * the handler itself, so a handler that replaces the generated default cannot drop them.
 *
 * - `before` calls run before the handler decides, outside any transaction, with their input
 *   built from the command over the aggregate's state; their replies are `ctx.calls.<name>`.
 * - `after` calls run once the handler decided and before the transaction that writes the
 *   decision, with the input the decision gives as `calls.<name>` (an input only the handler can
 *   decide, e.g. the document it issued).
 *
 * Each goes through the called service's client (timeout per attempt, retries, circuit breaker).
 * A failure refuses the command before anything is written: the client's ServiceUnavailableError
 * (503 over HTTP: down, too slow, breaker open) or CallRejectedError (502: the input was refused).
 */
import type { CallDef, CallInputContext, Decision } from './definitions.ts';
import type { ServiceClient } from './http-client.ts';
import { fillPath } from './orchestrator.ts';
import type { CommandReply } from './server.ts';

/** A decision that changes something (a state, an event) without the input of one of its command's `after` calls. */
export class MissingCallInputError extends Error {
  override readonly name = 'MissingCallInputError';
  constructor(command: string, call: CallDef) {
    super(
      `${command} decided without the input of its call ${call.service}.${call.command}: return it as calls.${call.name} with the decision (the model's calls, when: after)`,
    );
  }
}

function clientOf(clients: Readonly<Record<string, ServiceClient>>, call: CallDef): ServiceClient {
  const client = clients[call.service];
  if (!client) throw new Error(`no client for service ${call.service} (call ${call.command})`);
  return client;
}

async function send(
  clients: Readonly<Record<string, ServiceClient>>,
  call: CallDef,
  input: Readonly<Record<string, unknown>>,
  headers?: Readonly<Record<string, string>>,
): Promise<CommandReply> {
  return clientOf(clients, call).call<CommandReply>(call.method, fillPath(call.path, input), input, headers);
}

/**
 * The `before` calls of one command execution. The replies are kept by input: when the runtime
 * decides again (an optimistic-concurrency conflict), a call whose input did not change is not
 * sent a second time.
 */
export class BeforeCalls {
  private readonly made = new Map<string, { readonly input: string; readonly reply: CommandReply }>();
  private readonly calls: readonly CallDef[];
  private readonly clients: Readonly<Record<string, ServiceClient>>;
  constructor(calls: readonly CallDef[], clients: Readonly<Record<string, ServiceClient>>) {
    this.calls = calls;
    this.clients = clients;
  }

  /** Makes the calls in the model's order; the first failure refuses the command. */
  async make(source: Readonly<Record<string, unknown>>, ctx: CallInputContext): Promise<Record<string, CommandReply>> {
    const replies: Record<string, CommandReply> = {};
    for (const call of this.calls) {
      if (call.when !== 'before') continue;
      const input = call.input ? call.input(source, ctx) : {};
      const text = JSON.stringify(input);
      const earlier = this.made.get(call.name);
      const reply = earlier?.input === text ? earlier.reply : await send(this.clients, call, input);
      this.made.set(call.name, { input: text, reply });
      replies[call.name] = reply;
    }
    return replies;
  }
}

/**
 * Makes the `after` calls of a decision, in the model's order. A decision that changes nothing
 * (no state, no event) makes none; one that changes something must give each call's input.
 * Each call carries the Idempotency-Key `<execution>/<call>`: the same for every attempt of one
 * execution (the client's retries, a decision taken again after a version conflict), so the
 * called service runs it once.
 */
export async function makeAfterCalls(
  command: string,
  calls: readonly CallDef[],
  clients: Readonly<Record<string, ServiceClient>>,
  decision: Decision,
  execution: string,
): Promise<void> {
  const after = calls.filter((c) => c.when === 'after');
  if (after.length === 0) return;
  const changes = decision.state !== undefined || (decision.events?.length ?? 0) > 0;
  if (!changes) return;
  for (const call of after) if (decision.calls?.[call.name] === undefined) throw new MissingCallInputError(command, call);
  for (const call of after) await send(clients, call, decision.calls![call.name]!, { 'idempotency-key': `${execution}/${call.name}` });
}
