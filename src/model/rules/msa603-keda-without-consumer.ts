import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA603',
  name: 'keda-without-consumer',
  severity: 'error',
  summary: 'A context that scales with `keda` consumes events: it has a policy or a read model, whose consumer lag KEDA measures.',
  hint: 'Remove `keda` from the context (use `autoscaling` on CPU, or fixed `replicas`), or scale a context that consumes events with it.',
  docs: `\`deploy.keda\` replaces the CPU autoscaler with a KEDA ScaledObject that scales the service on
Kafka consumer lag: one trigger for each topic the service consumes, measured for the consumer
group that reads it (one group per policy and per read model). A context without policies and
read models consumes nothing: its ScaledObject would have no trigger, KEDA rejects a
ScaledObject without triggers, and the chart's values schema refuses \`keda.enabled\` without
one. Such a service answers HTTP requests only; scale it on CPU (\`autoscaling\`) instead.`,
  messages: {
    noConsumer:
      'Context "{{context}}" scales on Kafka consumer lag (deploy.keda) but consumes no event: it has no policy and no read model, so KEDA has no topic to measure',
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: application
    policies: []                 # commands over HTTP only: no policy, no read model
    deploy:
      keda: { lagThreshold: 50, max: 10 }`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: issuance
    deploy:
      keda: { lagThreshold: 50, max: 10 }
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted
        then: IssuePermit`,
      },
    ],
  },
  check(model, report) {
    for (const context of model.contexts) {
      // A context's keda is its own: the platform defaults' keda is not inherited.
      if (!context.deploy.keda || context.deploy.pointer === context.pointer) continue;
      // Consumers whose event does not resolve are MSA203's; one that resolves is enough for KEDA.
      if (context.policies.length > 0 || context.readModels.length > 0) continue;
      report({ pointer: joinPointer(context.deploy.pointer, 'keda'), on: 'key', messageId: 'noConsumer', data: { context: context.name } });
    }
  },
});
