import { findExternalOperation, groupByName } from '../graph.js';
import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

const contextList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

export const rule = defineRule({
  code: 'MSA204',
  name: 'unknown-command',
  severity: 'error',
  summary:
    "A policy's `then` is a command of the policy's own context; saga steps and compensations name commands; a call's `command` is a command of its `to` context, and its `by` commands are of its `from` context.",
  hint: 'Correct the name, or declare the command under the aggregate that handles it.',
  docs: `Commands are what the platform's services execute, and several elements issue them by
name: a policy (whenever <event>, then <command>), a saga step and its compensation, and a
synchronous call. Each of these names must be a command declared in the model, and where the
command lives matters:

- a policy runs inside its own service, so its \`then\` is a command of the policy's own
  context. A policy may listen to events of any context; to make another service act, put the
  policy in that service's context;
- a call's \`command\` is a command of the \`to\` context (the service that is called), and
  the commands in its \`by\` list (those that make the call) are of the \`from\` context;
- saga steps and compensations name commands of any context. A step that names an operation
  of an external system is reported by MSA306 instead.

In Government24 the issuance service itself subscribes to the application event and issues
the document: the policy lives in the issuance context, next to the command it issues. For
immediate issuance the issuance service calls the application service's REST API to record
the result: the called command belongs to the application context.`,
  messages: {
    /** `contexts`: the contexts that have the command, quoted (`"issuance", "payment"`). */
    policyCommandOfOtherContext: {
      text: 'Policy "{{policy}}" issues "{{command}}", a command of context {{contexts}}; a policy can only issue commands of its own context "{{context}}"',
      hint: 'Move policy "{{policy}}" to context "{{target}}" (a policy may listen to events of any context), or issue a command of "{{context}}".',
    },
    policyUnknownCommand: 'Policy "{{policy}}" issues "{{command}}", which is not a command of context "{{context}}"{{suggestion}}',
    stepUnknownCommand: 'Saga "{{saga}}" step {{step}} names "{{command}}", which is not a command of the model{{suggestion}}',
    compensationUnknownCommand:
      'Saga "{{saga}}" step {{step}} is compensated by "{{command}}", which is not a command of the model{{suggestion}}',
    callByCommandOfOtherContext: 'Call from "{{from}}" is made by "{{command}}", a command of context {{contexts}}, not of "{{from}}"',
    callByUnknownCommand: 'Call from "{{from}}" is made by "{{command}}", which is not a command of context "{{from}}"{{suggestion}}',
    callCommandOfOtherContext: {
      text: 'Call from "{{from}}" to "{{to}}" names "{{command}}", a command of context {{contexts}}, not of "{{to}}"',
      hint: 'Set `to: {{target}}`, or name a command of context "{{to}}".',
    },
    callUnknownCommand: 'Call from "{{from}}" to "{{to}}" names "{{command}}", which is not a command of context "{{to}}"{{suggestion}}',
    /** The call's `to` is not a context either (MSA205's finding): the command is looked up everywhere. */
    callUnknownCommandAnywhere: 'Call from "{{from}}" to "{{to}}" names "{{command}}", which is not a command of the model{{suggestion}}',
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: application
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted
        then: IssuePermit            # a command of context "issuance"
  - name: issuance
    aggregates:
      - name: Permit
        commands:
          - name: IssuePermit`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: application
  - name: issuance
    aggregates:
      - name: Permit
        commands:
          - name: IssuePermit
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted
        then: IssuePermit`,
      },
    ],
  },
  check(model, report) {
    const commands = groupByName(model.commands);
    const allNames = model.commands.map((c) => c.name);

    for (const policy of model.policies) {
      if (policy.then.target) continue;
      const own = policy.context;
      const elsewhere = commands.get(policy.then.name) ?? [];
      const data = { policy: policy.name, command: policy.then.name, context: own.name };
      if (elsewhere.length > 0) {
        const owners = [...new Set(elsewhere.map((c) => c.context.name))];
        report({
          pointer: policy.then.pointer,
          messageId: 'policyCommandOfOtherContext',
          data: { ...data, contexts: contextList(owners), target: owners[0]! },
        });
      } else {
        const names = model.commands.filter((c) => c.context === own).map((c) => c.name);
        report({ pointer: policy.then.pointer, messageId: 'policyUnknownCommand', data: { ...data, suggestion: didYouMean(policy.then.name, names) } });
      }
    }

    for (const saga of model.sagas) {
      for (const step of saga.steps) {
        const at = { saga: saga.name, step: step.index + 1 };
        if (!step.command.target && !step.external) {
          report({
            pointer: step.command.pointer,
            messageId: 'stepUnknownCommand',
            data: { ...at, command: step.command.name, suggestion: didYouMean(step.command.name, allNames) },
          });
        }
        const compensation = step.compensation;
        if (compensation && !compensation.target && !findExternalOperation(model, compensation.name)) {
          report({
            pointer: compensation.pointer,
            messageId: 'compensationUnknownCommand',
            data: { ...at, command: compensation.name, suggestion: didYouMean(compensation.name, allNames) },
          });
        }
      }
    }

    for (const call of model.calls) {
      // `by`: the commands of the calling context that make the call.
      const from = call.from.target;
      for (const by of call.by) {
        if (by.target || !from) continue;
        const owners = [...new Set((commands.get(by.name) ?? []).map((c) => c.context.name))];
        const data = { from: from.name, command: by.name };
        if (owners.length > 0) {
          report({ pointer: by.pointer, messageId: 'callByCommandOfOtherContext', data: { ...data, contexts: contextList(owners) } });
        } else {
          const names = model.commands.filter((c) => c.context === from).map((c) => c.name);
          report({ pointer: by.pointer, messageId: 'callByUnknownCommand', data: { ...data, suggestion: didYouMean(by.name, names) } });
        }
      }
      if (call.command.target) continue;
      const to = call.to.target;
      const data = { from: call.from.name, to: call.to.name, command: call.command.name };
      // An unresolved `to` is MSA205's finding; the command is then looked up in every context.
      if (!to) {
        const suggestion = didYouMean(call.command.name, allNames);
        report({ pointer: call.command.pointer, messageId: 'callUnknownCommandAnywhere', data: { ...data, suggestion } });
        continue;
      }
      const elsewhere = commands.get(call.command.name) ?? [];
      if (elsewhere.length > 0) {
        const owners = [...new Set(elsewhere.map((c) => c.context.name))];
        report({
          pointer: call.command.pointer,
          messageId: 'callCommandOfOtherContext',
          data: { ...data, contexts: contextList(owners), target: owners[0]! },
        });
      } else {
        const names = model.commands.filter((c) => c.context === to).map((c) => c.name);
        report({ pointer: call.command.pointer, messageId: 'callUnknownCommand', data: { ...data, suggestion: didYouMean(call.command.name, names) } });
      }
    }
  },
});
