import { defineRule } from './rule.js';

export const rule = defineRule({
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
systems (\`externals\`) are outside the platform and not checked here.`,
  messages: {
    outOfIsolated: {
      text: 'Context "{{from}}" runs in the isolated namespace "{{fromNamespace}}" but calls "{{to}}" in namespace "{{toNamespace}}" synchronously; a failure of "{{to}}" would reach the isolated services',
      hint: 'Give namespace "{{fromNamespace}}" its own context for what "{{to}}" does, or let "{{from}}" exchange events with "{{to}}" instead of calling it.',
    },
    intoIsolated: {
      text: 'Context "{{from}}" in namespace "{{fromNamespace}}" calls "{{to}}" of the isolated namespace "{{toNamespace}}" synchronously; a failure inside the isolated namespace would spread to "{{from}}"',
      hint: 'Let "{{from}}" publish an event that a policy of "{{to}}" reacts to, instead of calling "{{command}}", or move "{{from}}" into namespace "{{toNamespace}}".',
    },
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: guidance                     # shared namespace
  - name: building-application
    namespace: building                # isolated
calls:
  - from: building-application
    to: guidance                       # leaves the isolated namespace
    command: OpenConsultation`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: guidance
  - name: building-guidance
    namespace: building                # building's own guidance
  - name: building-application
    namespace: building
calls:
  - from: building-application
    to: building-guidance
    command: OpenConsultation`,
      },
    ],
  },
  check(model, report) {
    for (const call of model.calls) {
      const from = call.from.target;
      const to = call.to.target;
      if (!from || !to || from.namespace === to.namespace) continue;
      const data = { from: from.name, fromNamespace: from.namespace, to: to.name, toNamespace: to.namespace };
      if (from.isolated) report({ pointer: call.to.pointer, messageId: 'outOfIsolated', data });
      else if (to.isolated) report({ pointer: call.to.pointer, messageId: 'intoIsolated', data: { ...data, command: call.command.name } });
    }
  },
});
