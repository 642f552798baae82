import { Flow, triggersOf, type Trigger } from '../flow.js';
import type { Event } from '../ir.js';
import { defineRule } from './rule.js';

/** Pairs of triggers looked at, at most (a guard against pathological models). */
const MAX_PAIRS = 20_000;

/** An event of `a` and one of `b` that can occur in one flow instance, if any. */
function meeting(flow: Flow, a: Trigger, b: Trigger): [Event, Event] | undefined {
  for (const x of a.on) for (const y of b.on) if (flow.together(x, y)) return [x, y];
  return undefined;
}

export const rule = defineRule({
  code: 'MSA308',
  name: 'double-execution',
  severity: 'error',
  summary: 'No command is issued twice in one flow: not by an orchestrator and a policy, nor by two policies whose events can both occur.',
  hint: 'Keep one trigger for the command: the orchestrator (drop the policy) or one policy.',
  docs: `A command that two triggers issue in one run of the flow executes twice: two
\`LicenseIssued\` events, two licences. Idempotency keys do not save it, since each trigger
sends the command with a key of its own. The rule looks at what issues a command inside the
platform:

- a policy issues its \`then\` on its \`on\` event;
- the orchestrator of an orchestration saga sends step n+1 on a success outcome of step n
  (step 1 starts the saga from outside, so the orchestrator never sends it), and sends a
  step's compensation on a failure outcome (\`failure: true\`) of a later step.

Two triggers of one command are a finding when their events can occur in ONE flow instance:
when one event leads to the other along the flow (command → event it emits → policy or
orchestrator → command, and command → command it \`calls\`), or when both follow from one
element along branches that run together (two policies on one event, an orchestrator and a
policy on one event, a call made by a command and that command's outcome).

The outcomes a command \`emits\` are alternatives: one execution emits one of them. So
\`DocumentIssued\` and \`IssuanceFailed\` never occur together, and policies on events that
follow only from different outcomes of one command (a cancellation on \`IssuanceFailed\`, and
another on \`DocumentRevoked\`, which follows only \`DocumentIssued\`) are not a finding. Nor
are triggers whose events only different requests start. Two orchestrator sends of one
command (a command that is two steps of a saga) are meant, and not a finding either.`,
  messages: {
    stepAndPolicy: {
      text: 'Command "{{command}}" would execute twice: saga "{{saga}}" sends it as step {{step}}, and policy "{{policy}}" issues it on "{{event}}" in the same flow',
      hint: 'The orchestrator already sends "{{command}}": remove policy "{{policy}}", or take the command out of saga "{{saga}}".',
    },
    compensationAndPolicy: {
      text: 'Command "{{command}}" would execute twice: saga "{{saga}}" sends it to compensate step {{step}}, and policy "{{policy}}" issues it on "{{event}}" in the same flow',
      hint: 'The orchestrator already compensates with "{{command}}": remove policy "{{policy}}", or compensate step {{step}} with another command.',
    },
    twoPolicies: {
      text: 'Command "{{command}}" would execute twice: policy "{{first}}" on "{{firstEvent}}" and policy "{{policy}}" on "{{event}}" can both fire in one flow',
      hint: 'Keep one of the two policies; if their events are alternatives, make them outcomes of one command, of which only one is emitted.',
    },
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: issuance
    policies:
      - name: IssuePermitAgainWhenApplicationSubmitted
        on: ApplicationSubmitted       # the event IssuePermitWhenApplicationSubmitted is on
        then: IssuePermit`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: issuance
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted       # the only trigger of IssuePermit
        then: IssuePermit`,
      },
    ],
  },
  check(model, report) {
    const triggers = triggersOf(model);
    const flow = new Flow(model, triggers);
    let budget = MAX_PAIRS;
    for (const [command, list] of triggers) {
      // Each policy is reported once, against the first trigger of the command it meets. A
      // policy meets the policies before it and every orchestrator send (listed after them).
      for (const [j, trigger] of list.entries()) {
        if (trigger.kind !== 'policy') continue;
        const others = list.filter((other, i) => (other.kind === 'policy' ? i < j : true));
        for (const other of others) {
          if (--budget < 0) return;
          const met = meeting(flow, other, trigger);
          if (!met) continue;
          const pointer = trigger.policy.then.pointer;
          const at = { command: command.name, policy: trigger.policy.name, event: met[1].name };
          if (other.kind === 'policy') {
            report({ pointer, messageId: 'twoPolicies', data: { ...at, first: other.policy.name, firstEvent: met[0].name } });
          } else {
            const messageId = other.kind === 'step' ? 'stepAndPolicy' : 'compensationAndPolicy';
            report({ pointer, messageId, data: { ...at, saga: other.saga.name, step: other.step.index + 1 } });
          }
          break;
        }
      }
    }
  },
});
