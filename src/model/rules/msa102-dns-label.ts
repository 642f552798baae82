import { isDnsLabel, toDnsLabel } from '../case.js';
import { joinPointer } from '../pointer.js';
import { suggestion } from '../suggest.js';
import { defineRule } from './rule.js';


/** Helm's limit on release names (they name Secrets and labels with a suffix of their own). */
export const MAX_RELEASE_NAME = 53;

/** The data of a finding that `value` is not a label: `subject` names it (`Platform name`). */
function notALabel(subject: string, value: string) {
  const label = toDnsLabel(value);
  return {
    subject,
    value,
    why: value.length > 63 ? ` (${value.length} characters, at most 63)` : '',
    suggestion: suggestion(label !== value && label.length > 0 && isDnsLabel(label) ? label : undefined),
  };
}

export const rule = defineRule({
  code: 'MSA102',
  name: 'dns-label',
  severity: 'error',
  summary:
    'The platform, contexts, namespaces and the Kafka cluster are DNS-1123 labels; a context starts with a letter (a Kubernetes Service name), and Helm release names are at most 53 characters.',
  hint: "Use lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.",
  docs: `These names end up in Kubernetes: the platform name is the Helm release and the prefix of
Kafka client ids, a context name is a Deployment, a Service and a folder under \`services/\`,
a namespace is a Kubernetes namespace (Government24 runs its major complaints in namespaces
of their own), and the Kafka cluster is the value of the \`strimzi.io/cluster\` label on every
KafkaTopic. Kubernetes accepts only DNS-1123 labels there: lower-case letters, digits and
\`-\`, starting and ending with a letter or digit, at most 63 characters. A name that breaks
this passes \`validate\` with other tools and fails only at \`helm install\`.

Only values written in the model are reported. The platform namespace defaults to the
platform name and the cluster to \`<platform>-kafka\`; when the platform name is wrong, its
own finding covers the defaults derived from it. A finding suggests the nearest label.

Two names are stricter. A context is the name of a Kubernetes Service, which must be an RFC
1035 label: it starts with a letter (\`1st-line\` is refused by the API server; it would also
begin the TypeScript identifiers generated from it). And Helm limits a release name to 53
characters: the platform name is the release of the platform's namespace, and
\`<platform>-<namespace>\` (or the namespace itself when it starts with \`<platform>-\`) the
release of each isolated namespace, as the generated README and values files install them.`,
  messages: {
    /** `subject`: Platform name, Platform namespace, Kafka cluster, Context name; `why`: its length when that is the reason. */
    notALabel: '{{subject}} "{{value}}" is not a DNS-1123 label{{why}}{{suggestion}}',
    namespaceNotALabel: 'Namespace "{{value}}" of context "{{context}}" is not a DNS-1123 label{{why}}{{suggestion}}',
    platformTooLong: {
      text: 'Platform name "{{name}}" is {{length}} characters long; it is the Helm release of the platform, and Helm allows at most {{limit}}',
      hint: 'Shorten the platform name to at most {{limit}} characters.',
    },
    contextStartsWithDigit: {
      text: 'Context name "{{name}}" starts with a digit; it is the name of a Kubernetes Service, which starts with a letter (an RFC 1035 label)',
      hint: 'Start the name with a letter, e.g. "svc-{{name}}".',
    },
    releaseTooLong: {
      text: 'The Helm release of namespace "{{namespace}}" is "{{release}}", {{length}} characters long; Helm allows at most {{limit}}',
      hint: 'Shorten the namespace, or the platform name, so that "{{platform}}-<namespace>" has at most {{limit}} characters.',
    },
  },
  examples: {
    fails: [
      {
        yaml: `platform:
  name: Gov24                 # did you mean "gov24"?
contexts:
  - name: car_registry        # did you mean "car-registry"?`,
      },
    ],
    passes: [
      {
        yaml: `platform:
  name: gov24
contexts:
  - name: car-registry`,
      },
    ],
  },
  check(model, report) {
    const p = model.platform;
    const nameOk = isDnsLabel(p.name);
    if (!nameOk) report({ pointer: '/platform/name', messageId: 'notALabel', data: notALabel('Platform name', p.name) });
    // The namespace defaults to the platform name: a different value was written.
    if (p.namespace !== p.name && !isDnsLabel(p.namespace)) {
      report({ pointer: '/platform/namespace', messageId: 'notALabel', data: notALabel('Platform namespace', p.namespace) });
    }
    // The cluster defaults to <platform>-kafka: a label whenever the platform name is one of at
    // most 53 characters (the Helm limit below), so only a written cluster is checked.
    if (p.kafka.cluster !== `${p.name}-kafka` && !isDnsLabel(p.kafka.cluster)) {
      report({ pointer: '/platform/kafka/cluster', messageId: 'notALabel', data: notALabel('Kafka cluster', p.kafka.cluster) });
    }
    if (nameOk && p.name.length > MAX_RELEASE_NAME) {
      report({
        pointer: '/platform/name',
        messageId: 'platformTooLong',
        data: { name: p.name, length: p.name.length, limit: MAX_RELEASE_NAME },
      });
    }
    const releases = new Set<string>();
    for (const c of model.contexts) {
      if (!isDnsLabel(c.name)) {
        report({ pointer: joinPointer(c.pointer, 'name'), messageId: 'notALabel', data: notALabel('Context name', c.name) });
      } else if (!/^[a-z]/.test(c.name)) {
        report({ pointer: joinPointer(c.pointer, 'name'), messageId: 'contextStartsWithDigit', data: { name: c.name } });
      }
      // The Helm release of an isolated namespace (reported once, at its first context).
      if (nameOk && c.namespace !== p.namespace && isDnsLabel(c.namespace) && !releases.has(c.namespace)) {
        releases.add(c.namespace);
        const release = c.namespace === p.name || c.namespace.startsWith(`${p.name}-`) ? c.namespace : `${p.name}-${c.namespace}`;
        if (release.length > MAX_RELEASE_NAME) {
          report({
            pointer: joinPointer(c.pointer, 'namespace'),
            messageId: 'releaseTooLong',
            data: { namespace: c.namespace, release, length: release.length, limit: MAX_RELEASE_NAME, platform: p.name },
          });
        }
      }
      // A context's namespace defaults to the platform's: a different value was written.
      if (c.namespace !== p.namespace && !isDnsLabel(c.namespace)) {
        const { why, suggestion } = notALabel('', c.namespace);
        report({ pointer: joinPointer(c.pointer, 'namespace'), messageId: 'namespaceNotALabel', data: { value: c.namespace, context: c.name, why, suggestion } });
      }
    }
  },
});
