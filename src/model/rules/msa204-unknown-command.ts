import type { Finding } from '../finding.js';
import { describeStep, findExternalOperation, groupByName } from '../graph.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

const contextList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

export const rule: Rule = {
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
the result: the called command belongs to the application context.

Fails:

    contexts:
      - name: application
        policies:
          - name: IssuePermitWhenApplicationSubmitted
            on: ApplicationSubmitted
            then: IssuePermit            # a command of context "issuance"
      - name: issuance
        aggregates:
          - name: Permit
            commands:
              - name: IssuePermit

Passes:

    contexts:
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
  check(model) {
    const findings: Finding[] = [];
    const commands = groupByName(model.commands);
    const allNames = model.commands.map((c) => c.name);

    for (const policy of model.policies) {
      if (policy.then.target) continue;
      const own = policy.context;
      const elsewhere = commands.get(policy.then.name) ?? [];
      if (elsewhere.length > 0) {
        const owners = [...new Set(elsewhere.map((c) => c.context.name))];
        findings.push({
          pointer: policy.then.pointer,
          message: `Policy "${policy.name}" issues "${policy.then.name}", a command of context ${contextList(owners)}; a policy can only issue commands of its own context "${own.name}"`,
          hint: `Move policy "${policy.name}" to context "${owners[0]}" (a policy may listen to events of any context), or issue a command of "${own.name}".`,
        });
      } else {
        findings.push({
          pointer: policy.then.pointer,
          message: `Policy "${policy.name}" issues "${policy.then.name}", which is not a command of context "${own.name}"${didYouMean(
            policy.then.name,
            model.commands.filter((c) => c.context === own).map((c) => c.name),
          )}`,
        });
      }
    }

    for (const saga of model.sagas) {
      for (const step of saga.steps) {
        if (!step.command.target && !step.external) {
          findings.push({
            pointer: step.command.pointer,
            message: `${describeStep(saga, step)} names "${step.command.name}", which is not a command of the model${didYouMean(step.command.name, allNames)}`,
          });
        }
        const compensation = step.compensation;
        if (compensation && !compensation.target && !findExternalOperation(model, compensation.name)) {
          findings.push({
            pointer: compensation.pointer,
            message: `${describeStep(saga, step)} is compensated by "${compensation.name}", which is not a command of the model${didYouMean(compensation.name, allNames)}`,
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
        findings.push({
          pointer: by.pointer,
          message:
            owners.length > 0
              ? `Call from "${from.name}" is made by "${by.name}", a command of context ${contextList(owners)}, not of "${from.name}"`
              : `Call from "${from.name}" is made by "${by.name}", which is not a command of context "${from.name}"${didYouMean(
                  by.name,
                  model.commands.filter((c) => c.context === from).map((c) => c.name),
                )}`,
        });
      }
      if (call.command.target) continue;
      const to = call.to.target;
      // An unresolved `to` is MSA205's finding; the command is then looked up in every context.
      const candidates = to ? model.commands.filter((c) => c.context === to) : model.commands;
      const elsewhere = to ? (commands.get(call.command.name) ?? []) : [];
      const label = `Call from "${call.from.name}" to "${call.to.name}"`;
      if (to && elsewhere.length > 0) {
        const owners = [...new Set(elsewhere.map((c) => c.context.name))];
        findings.push({
          pointer: call.command.pointer,
          message: `${label} names "${call.command.name}", a command of context ${contextList(owners)}, not of "${to.name}"`,
          hint: `Set \`to: ${owners[0]}\`, or name a command of context "${to.name}".`,
        });
      } else {
        findings.push({
          pointer: call.command.pointer,
          message: `${label} names "${call.command.name}", which is not a command of ${to ? `context "${to.name}"` : 'the model'}${didYouMean(
            call.command.name,
            candidates.map((c) => c.name),
          )}`,
        });
      }
    }
    return findings;
  },
};
