import { kebabCase } from '../case.js';
import type { Finding } from '../finding.js';
import type { Command, Model } from '../ir.js';
import type { Rule } from './rule.js';

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** A route in the model's style for a command that lacks one: `POST /applications/{applicationId}/record-issuance-result`. */
function suggestRoute(command: Command): string {
  const collection = `/${plural(kebabCase(command.aggregate.name))}`;
  const key = command.aggregate.key;
  return key ? `POST ${collection}/{${key.name}}/${kebabCase(command.name)}` : `POST ${collection}`;
}

export const rule: Rule = {
  code: 'MSA404',
  name: 'call-without-route',
  severity: 'error',
  summary: 'The command a synchronous call names has an `http` route.',
  hint: 'Give the called command an `http: METHOD /path` route.',
  docs: `A \`calls\` entry is a synchronous REST dependency: \`from\` calls the \`command\` of \`to\` over
HTTP (Government24's issuance service calls the application service to record the issuance
result, instead of writing into its database). The generated client needs the method and path
of the route, and the called service serves only the commands that have an \`http\` route; a
call to a command without one has nothing to call.

Fails:

    commands:
      - name: RecordIssuanceResult           # no http route
        emits: [IssuanceResultRecorded]
    calls:
      - from: issuance
        to: application
        command: RecordIssuanceResult

Passes:

    commands:
      - name: RecordIssuanceResult
        http: POST /applications/{applicationId}/result
        emits: [IssuanceResultRecorded]
    calls:
      - from: issuance
        to: application
        command: RecordIssuanceResult`,
  check(model: Model) {
    const findings: Finding[] = [];
    for (const call of model.calls) {
      const command = call.command.target;
      if (!command || command.http) continue;
      findings.push({
        pointer: call.command.pointer,
        message: `Context "${call.from.name}" calls command "${command.name}" of "${command.context.name}", which has no \`http\` route to call`,
        hint: `Give "${command.name}" a route, e.g. http: ${suggestRoute(command)}`,
      });
    }
    return findings;
  },
};
