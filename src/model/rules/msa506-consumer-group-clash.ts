import type { Context } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { orchestratorOf } from '../sagas.js';
import { defineRule } from './rule.js';

interface Consumer {
  readonly kind: 'policy' | 'read model' | 'orchestration saga';
  readonly name: string;
  readonly pointer: string;
}

export const rule = defineRule({
  code: 'MSA506',
  name: 'consumer-group-clash',
  severity: 'error',
  summary:
    'The consumers of one service (policies, read models, the orchestration sagas it runs) have names of their own: each is the Kafka consumer group `<platform>.<context>.<name>`.',
  hint: 'Rename one of them: a consumer group is named after its consumer.',
  docs: `Every consumer of a service reads its topics as a Kafka consumer group of its own, named
\`<platform>.<context>.<name>\`: each policy, each read model's projection, and the state
machine of each orchestration saga the service runs (\`permits.issuance.IssuePermitWhenApplicationSubmitted\`).
A group keeps its own offsets, inbox, retries and DLQ replays; the runtime's DLQ watcher is
\`<platform>.<context>.dlq\`.

Names must be unique within their kind already (MSA201), but a policy, a read model and a saga
of one service may still share a name, and would then share a group: Kafka would split the
topics' partitions between two consumers that expect different records, each would skip
what the other took, and the in-memory bus of the tests refuses the second member outright.`,
  messages: {
    /** `kind`: Policy, Read model, Orchestration saga; `firstKind` lower-case; `group`: `<platform>.<context>.<name>`. */
    groupClash:
      '{{kind}} "{{name}}" and {{firstKind}} "{{first}}" of context "{{context}}" would both consume as the Kafka consumer group "{{group}}"',
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: lookup
    policies:
      - name: ApplicationResult        # group permits.lookup.ApplicationResult
        on: PermitIssued
        then: RecordPermit
    readModels:
      - name: ApplicationResult        # the same group
        key: applicationId
        from: [ApplicationSubmitted]`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: lookup
    policies:
      - name: RecordPermitWhenPermitIssued
        on: PermitIssued
        then: RecordPermit
    readModels:
      - name: ApplicationResult
        key: applicationId
        from: [ApplicationSubmitted]`,
      },
    ],
  },
  check(model, report) {
    const sagas = new Map<Context, Consumer[]>();
    for (const saga of model.sagas) {
      if (saga.coordination !== 'orchestration') continue;
      const home = orchestratorOf(saga);
      if (!home) continue;
      const list = sagas.get(home) ?? [];
      list.push({ kind: 'orchestration saga', name: saga.name, pointer: joinPointer(saga.pointer, 'name') });
      sagas.set(home, list);
    }
    for (const context of model.contexts) {
      const consumers: Consumer[] = [
        ...context.policies.map((p): Consumer => ({ kind: 'policy', name: p.name, pointer: joinPointer(p.pointer, 'name') })),
        ...context.readModels.map((r): Consumer => ({ kind: 'read model', name: r.name, pointer: joinPointer(r.pointer, 'name') })),
        ...(sagas.get(context) ?? []),
      ];
      const first = new Map<string, Consumer>();
      for (const c of consumers) {
        const earlier = first.get(c.name);
        if (earlier === undefined) {
          first.set(c.name, c);
          continue;
        }
        if (earlier.kind === c.kind) continue; // a duplicate name: MSA201's finding
        report({
          pointer: c.pointer,
          messageId: 'groupClash',
          data: {
            kind: `${c.kind.charAt(0).toUpperCase()}${c.kind.slice(1)}`,
            name: c.name,
            firstKind: earlier.kind,
            first: earlier.name,
            context: context.name,
            group: `${model.platform.name}.${context.name}.${c.name}`,
          },
        });
      }
    }
  },
});
