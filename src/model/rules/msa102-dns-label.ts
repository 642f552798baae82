import { isDnsLabel, toDnsLabel } from '../case.js';
import type { Finding } from '../finding.js';
import { joinPointer } from '../pointer.js';
import type { Rule } from './rule.js';

function suggestion(value: string): string {
  const label = toDnsLabel(value);
  return label !== value && label.length > 0 && isDnsLabel(label) ? `; did you mean "${label}"?` : '';
}

/** `subject` names the value: `Platform name "Gov24"`. */
function notALabel(subject: string, value: string): string {
  const why = value.length > 63 ? ` (${value.length} characters, at most 63)` : '';
  return `${subject} is not a DNS-1123 label${why}${suggestion(value)}`;
}

export const rule: Rule = {
  code: 'MSA102',
  name: 'dns-label',
  severity: 'error',
  summary: 'The platform, contexts, namespaces and the Kafka cluster are DNS-1123 labels.',
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
own finding covers the defaults derived from it. One default is reported, at the platform
name: the derived cluster name, when a platform name of 58 or more characters makes it longer
than 63. A finding suggests the nearest label.

Fails:

    platform:
      name: Gov24                 # did you mean "gov24"?
    contexts:
      - name: car_registry        # did you mean "car-registry"?

Passes:

    platform:
      name: gov24
    contexts:
      - name: car-registry`,
  check(model) {
    const findings: Finding[] = [];
    const p = model.platform;
    const nameOk = isDnsLabel(p.name);
    if (!nameOk) findings.push({ pointer: '/platform/name', message: notALabel(`Platform name "${p.name}"`, p.name) });
    // The namespace defaults to the platform name: a different value was written.
    if (p.namespace !== p.name && !isDnsLabel(p.namespace)) {
      findings.push({ pointer: '/platform/namespace', message: notALabel(`Platform namespace "${p.namespace}"`, p.namespace) });
    }
    const defaultCluster = `${p.name}-kafka`;
    if (!isDnsLabel(p.kafka.cluster)) {
      if (p.kafka.cluster !== defaultCluster) {
        findings.push({ pointer: '/platform/kafka/cluster', message: notALabel(`Kafka cluster "${p.kafka.cluster}"`, p.kafka.cluster) });
      } else if (nameOk) {
        // A valid platform name of 58+ characters makes the derived cluster name too long;
        // nothing is written at platform.kafka.cluster, so point at the name it comes from.
        findings.push({
          pointer: '/platform/name',
          message: `Kafka cluster "${p.kafka.cluster}" (derived from the platform name) is longer than 63 characters; set platform.kafka.cluster`,
        });
      }
    }
    for (const c of model.contexts) {
      if (!isDnsLabel(c.name)) {
        findings.push({ pointer: joinPointer(c.pointer, 'name'), message: notALabel(`Context name "${c.name}"`, c.name) });
      }
      // A context's namespace defaults to the platform's: a different value was written.
      if (c.namespace !== p.namespace && !isDnsLabel(c.namespace)) {
        findings.push({
          pointer: joinPointer(c.pointer, 'namespace'),
          message: notALabel(`Namespace "${c.namespace}" of context "${c.name}"`, c.namespace),
        });
      }
    }
    return findings;
  },
};
