import type { Event } from '../ir.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA304',
  name: 'broken-choreography',
  severity: 'error',
  summary:
    "In a choreography saga, each step's command is issued by a policy on an event of the previous step's command.",
  hint: "Add a policy, in the context of the step's command, on an event of the previous step that issues the command.",
  docs: `A choreography saga has no conductor: each service does its step and publishes an event,
and the next service, subscribed to that event, does the next step. In the model that link
is a policy: step n+1's command must be the \`then\` of a policy whose \`on\` event is emitted
by step n's command. Without it the saga, as written, stops after step n.

Government24 chose choreography for its internal application → issuance process (less
coupling between the services); the issuance service subscribes to the application event.
Orchestration sagas are exempt: their orchestrator issues every step itself.

The finding is reported at step n+1's command and suggests the missing policy. Steps whose
commands do not resolve (MSA204) or name an external operation (MSA306) are skipped.`,
  messages: {
    /** `step`, `previousStep`: numbers, counting from 1; `previous`: the previous step's command. */
    noEvents: {
      text: 'Saga "{{saga}}" step {{step}} "{{command}}" cannot follow step {{previousStep}}: "{{previous}}" emits no event for a policy to react to',
      hint: 'Declare the events "{{previous}}" emits, and a policy in context "{{context}}" on one of them that issues "{{command}}".',
    },
    /** `events`: what the previous step emits; `instead`: the policies that issue the command on other events. */
    notIssued: {
      text: 'Saga "{{saga}}" step {{step}} "{{command}}" is not issued by any policy on an event of step {{previousStep}} "{{previous}}" ({{events}}){{instead}}',
      hint: 'Add to context "{{context}}" the policy { name: {{policy}}, on: {{trigger}}, then: {{command}} }.',
    },
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: issuance
    policies: []                       # no policy on ApplicationSubmitted issues IssuePermit
sagas:
  - name: PermitProcessing
    coordination: choreography
    steps:
      - command: SubmitApplication       # emits ApplicationSubmitted
        compensation: CancelApplication
      - command: IssuePermit`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: issuance
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted
        then: IssuePermit
sagas:
  - name: PermitProcessing
    coordination: choreography
    steps:
      - command: SubmitApplication
        compensation: CancelApplication
      - command: IssuePermit`,
      },
    ],
  },
  check(model, report) {
    for (const saga of model.sagas) {
      if (saga.coordination !== 'choreography') continue;
      for (let n = 0; n + 1 < saga.steps.length; n++) {
        const previous = saga.steps[n]!;
        const step = saga.steps[n + 1]!;
        const before = previous.command.target;
        const command = step.command.target;
        if (!before || !command || previous.external || step.external) continue;
        // An unresolved `emits` of the previous step is MSA202's finding: we cannot know its events.
        if (before.emits.some((e) => !e.target)) continue;
        const events = before.emits.map((e) => e.target).filter((e): e is Event => e !== undefined);
        const linked = model.policies.some((p) => {
          // A policy whose `then` names the command but does not resolve (another context) is
          // MSA204's finding, one whose `on` does not resolve MSA203's: neither is reported twice.
          const issues = p.then.target === command || (p.then.target === undefined && p.then.name === command.name);
          if (!issues) return false;
          return p.on.target === undefined || events.includes(p.on.target);
        });
        if (linked) continue;
        const data = {
          saga: saga.name,
          step: step.index + 1,
          command: command.name,
          previousStep: n + 1,
          previous: before.name,
          context: command.context.name,
        };
        if (events.length === 0) {
          report({ pointer: step.command.pointer, messageId: 'noEvents', data });
          continue;
        }
        const others = model.policies.filter((p) => p.then.target === command && p.on.target !== undefined);
        const trigger = events.find((e) => !e.failure) ?? events[0]!;
        report({
          pointer: step.command.pointer,
          messageId: 'notIssued',
          data: {
            ...data,
            events: events.map((e) => e.name).join(', '),
            instead: others.map((p) => `; policy "${p.name}" issues it on "${p.on.name}" instead`).join(''),
            policy: `${command.name}When${trigger.name}`,
            trigger: trigger.name,
          },
        });
      }
    }
  },
});
