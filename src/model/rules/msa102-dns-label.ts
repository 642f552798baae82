import { isDnsLabel, toDnsLabel } from '../case.js';
import type { Finding } from '../finding.js';
import { joinPointer } from '../pointer.js';
import type { Rule } from './rule.js';

function suggestion(value: string): string {
  const label = toDnsLabel(value);
  return label !== value && label.length > 0 && isDnsLabel(label) ? `; did you mean "${label}"?` : '';
}

/** Helm's limit on release names (they name Secrets and labels with a suffix of their own). */
export const MAX_RELEASE_NAME = 53;

/** `subject` names the value: `Platform name "Gov24"`. */
function notALabel(subject: string, value: string): string {
  const why = value.length > 63 ? ` (${value.length} characters, at most 63)` : '';
  return `${subject} is not a DNS-1123 label${why}${suggestion(value)}`;
}

export const rule: Rule = {
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
release of each isolated namespace, as the generated README and values files install them.

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
    // The cluster defaults to <platform>-kafka: a label whenever the platform name is one of at
    // most 53 characters (the Helm limit below), so only a written cluster is checked.
    if (p.kafka.cluster !== `${p.name}-kafka` && !isDnsLabel(p.kafka.cluster)) {
      findings.push({ pointer: '/platform/kafka/cluster', message: notALabel(`Kafka cluster "${p.kafka.cluster}"`, p.kafka.cluster) });
    }
    if (nameOk && p.name.length > MAX_RELEASE_NAME) {
      findings.push({
        pointer: '/platform/name',
        message: `Platform name "${p.name}" is ${p.name.length} characters long; it is the Helm release of the platform, and Helm allows at most ${MAX_RELEASE_NAME}`,
        hint: `Shorten the platform name to at most ${MAX_RELEASE_NAME} characters.`,
      });
    }
    const releases = new Set<string>();
    for (const c of model.contexts) {
      if (!isDnsLabel(c.name)) {
        findings.push({ pointer: joinPointer(c.pointer, 'name'), message: notALabel(`Context name "${c.name}"`, c.name) });
      } else if (!/^[a-z]/.test(c.name)) {
        findings.push({
          pointer: joinPointer(c.pointer, 'name'),
          message: `Context name "${c.name}" starts with a digit; it is the name of a Kubernetes Service, which starts with a letter (an RFC 1035 label)`,
          hint: 'Start the name with a letter, e.g. "svc-' + c.name + '".',
        });
      }
      // The Helm release of an isolated namespace (reported once, at its first context).
      if (nameOk && c.namespace !== p.namespace && isDnsLabel(c.namespace) && !releases.has(c.namespace)) {
        releases.add(c.namespace);
        const release = c.namespace === p.name || c.namespace.startsWith(`${p.name}-`) ? c.namespace : `${p.name}-${c.namespace}`;
        if (release.length > MAX_RELEASE_NAME) {
          findings.push({
            pointer: joinPointer(c.pointer, 'namespace'),
            message: `The Helm release of namespace "${c.namespace}" is "${release}", ${release.length} characters long; Helm allows at most ${MAX_RELEASE_NAME}`,
            hint: `Shorten the namespace, or the platform name, so that "${p.name}-<namespace>" has at most ${MAX_RELEASE_NAME} characters.`,
          });
        }
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
