import { suggestRoute } from '../routes.js';
import type { Finding } from '../finding.js';
import type { Model } from '../ir.js';
import type { Rule } from './rule.js';

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
