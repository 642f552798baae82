import type { Finding } from '../finding.js';
import type { Model } from '../ir.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA402',
  name: 'isolated-sync-call',
  severity: 'error',
  summary: 'No synchronous call crosses the boundary of an isolated namespace, in either direction.',
  hint: 'Give the isolated namespace its own copy of the service it calls, or exchange events (Kafka) instead of a synchronous call.',
  docs: `A context whose \`namespace\` differs from the platform's runs in an isolated namespace
with its own Helm release. Government24 isolates its major complaints (building permits,
vehicle registration) this way: before, every complaint passed through one shared complaint
guidance module, a single point of failure that could halt every national service. The
redesign gives each major complaint a self-contained guidance, application, issuance and
linkage channel inside its namespace, so that major complaints keep working while general
complaints fail, and a problem in a major complaint does not propagate to the others.

A synchronous call (an entry of \`calls\`) ties the caller's availability to the callee's:
while the callee is down or slow, the caller's requests wait, time out or fail. So:

- a context in an isolated namespace calls no context outside that namespace (it would
  depend on the shared services again: the single point of failure the isolation removes);
- no context calls into an isolated namespace from outside either. The seed only names the
  first direction, but its isolation promise is two-sided (the impact of a failing major
  complaint "does not propagate to other complaint services"), and a shared service that
  calls into an isolated one fails with it. Cross the boundary with events instead: Kafka
  keeps a record until its consumer is back.

Calls between contexts of the same namespace (isolated or shared) are fine. External
systems (\`externals\`) are outside the platform and not checked here.

Fails:

    contexts:
      - name: guidance                     # shared namespace
      - name: building-application
        namespace: building                # isolated
    calls:
      - from: building-application
        to: guidance                       # leaves the isolated namespace
        command: OpenConsultation

Passes:

    contexts:
      - name: guidance
      - name: building-guidance
        namespace: building                # building's own guidance
      - name: building-application
        namespace: building
    calls:
      - from: building-application
        to: building-guidance
        command: OpenConsultation`,
  check(model: Model) {
    const findings: Finding[] = [];
    for (const call of model.calls) {
      const from = call.from.target;
      const to = call.to.target;
      if (!from || !to || from.namespace === to.namespace) continue;
      if (from.isolated) {
        findings.push({
          pointer: call.to.pointer,
          message: `Context "${from.name}" runs in the isolated namespace "${from.namespace}" but calls "${to.name}" in namespace "${to.namespace}" synchronously; a failure of "${to.name}" would reach the isolated services`,
          hint: `Give namespace "${from.namespace}" its own context for what "${to.name}" does, or let "${from.name}" exchange events with "${to.name}" instead of calling it.`,
        });
      } else if (to.isolated) {
        findings.push({
          pointer: call.to.pointer,
          message: `Context "${from.name}" in namespace "${from.namespace}" calls "${to.name}" of the isolated namespace "${to.namespace}" synchronously; a failure inside the isolated namespace would spread to "${from.name}"`,
          hint: `Let "${from.name}" publish an event that a policy of "${to.name}" reacts to, instead of calling "${call.command.name}", or move "${from.name}" into namespace "${to.namespace}".`,
        });
      }
    }
    return findings;
  },
};
