import type { Call } from '../ir.js';
import { defineRule } from './rule.js';

/** Which client settings of two calls differ. */
function differing(a: Call, b: Call): string[] {
  const out: string[] = [];
  if (a.timeoutMs !== b.timeoutMs) out.push('timeoutMs');
  if (JSON.stringify(a.retry) !== JSON.stringify(b.retry)) out.push('retry');
  if (JSON.stringify(a.circuitBreaker) !== JSON.stringify(b.circuitBreaker)) out.push('circuitBreaker');
  return out;
}

export const rule = defineRule({
  code: 'MSA409',
  name: 'call-settings-conflict',
  severity: 'warning',
  summary: 'The calls from one context to one service agree on timeoutMs, retry and circuitBreaker: they share one client.',
  hint: 'Give every call from this context to that service the same timeoutMs, retry and circuitBreaker (or leave them all to callDefaults).',
  docs: `A service reaches each service it calls through one HTTP client, with one timeout, one
retry policy and one circuit breaker: the breaker has to be shared, since it stands for the
health of the called service, not of one of its routes. The client takes the settings of the
first call from the context to that service (in model order). A later call to the same service
with other settings would have them silently ignored; this rule says so instead.`,
  messages: {
    /** `settings`: the differing keys, e.g. `timeoutMs and retry`; `first`: the command of the first call. */
    differs:
      'The call from "{{from}}" to "{{to}}" for command "{{command}}" sets other {{settings}} than the first call to "{{to}}" (for "{{first}}"); both go through one client, which uses the first call\'s settings',
  },
  examples: {
    fails: [
      {
        at: '',
        yaml: `calls:
  - from: issuance
    to: application
    command: RecordIssuanceResult
    timeoutMs: 1500
  - from: issuance
    to: application
    command: CancelApplication
    timeoutMs: 5000             # one client: 1500 applies`,
      },
    ],
    passes: [
      {
        at: '',
        yaml: `calls:
  - from: issuance
    to: application
    command: RecordIssuanceResult
    timeoutMs: 1500
  - from: issuance
    to: application
    command: CancelApplication
    timeoutMs: 1500`,
      },
    ],
  },
  check(model, report) {
    const first = new Map<string, Call>();
    for (const call of model.calls) {
      const from = call.from.target;
      const to = call.to.target;
      if (!from || !to) continue;
      const pair = `${from.name}\u0000${to.name}`;
      const earlier = first.get(pair);
      if (!earlier) {
        first.set(pair, call);
        continue;
      }
      const keys = differing(earlier, call);
      if (keys.length === 0) continue;
      const settings = keys.length === 1 ? keys[0]! : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)!}`;
      report({
        pointer: call.pointer,
        messageId: 'differs',
        data: { from: from.name, to: to.name, command: call.command.name, settings, first: earlier.command.name },
      });
    }
  },
});
