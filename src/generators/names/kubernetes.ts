/**
 * Kubernetes object names for things the model names otherwise (Kafka topics): lowercase
 * DNS-1123, unique, and short enough, whatever the source name looks like.
 */
import { DNS_1123_LABEL, words } from '../../model/case.js';
import type { Model } from '../../model/valid.js';
import { compareCodeUnits } from './order.js';

/** Longest name of most Kubernetes objects (a DNS-1123 subdomain), KafkaTopic included. */
export const MAX_OBJECT_NAME_LENGTH = 253;

/**
 * The names we produce: DNS-1123 labels joined by nothing but `-` (no dots, so a name is
 * also a valid label value and DNS label when short enough), at most 253 characters.
 */
export const KUBERNETES_NAME = DNS_1123_LABEL;

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of a name. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The kebab-case form of a name: words split at case changes and at every character that is
 * not a letter or digit (`.`, `_`, `-`), lowercased, joined with `-`.
 * `GeneralApplicationSubmitted.DLQ` → `general-application-submitted-dlq`.
 * Names longer than 253 characters keep their start and end in a fingerprint of the whole.
 */
export function kubernetesName(name: string): string {
  const base = words(name)
    .map((w) => w.toLowerCase())
    .join('-');
  if (base.length === 0) return `x-${fingerprint(name)}`;
  return fit(base, name);
}

/** `base` cut to fit 253 characters with room for `-<fingerprint>` when it has to be cut. */
function fit(base: string, original: string, force = false): string {
  const suffix = `-${fingerprint(original)}`;
  if (!force && base.length <= MAX_OBJECT_NAME_LENGTH) return base;
  const head = base.slice(0, MAX_OBJECT_NAME_LENGTH - suffix.length).replace(/-+$/, '');
  return `${head}${suffix}`;
}

/**
 * Kubernetes names for a set of distinct source names, unique among themselves. Names whose
 * kebab-case forms collide (`a.b`, `a_b`, `a-b`, `AB`…) all get a fingerprint of their
 * source name appended, so the result does not depend on the order of the input.
 */
export function uniqueKubernetesNames(names: Iterable<string>): Map<string, string> {
  const sources = [...new Set(names)].sort(compareCodeUnits);
  const byBase = new Map<string, string[]>();
  for (const source of sources) {
    const base = kubernetesName(source);
    byBase.set(base, [...(byBase.get(base) ?? []), source]);
  }
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const [base, group] of byBase) {
    if (group.length === 1) {
      result.set(group[0]!, base);
      taken.add(base);
    }
  }
  for (const [base, group] of byBase) {
    if (group.length === 1) continue;
    for (const source of group) {
      const name = fit(base, source, true);
      if (taken.has(name)) throw new Error(`Kubernetes name ${name} of "${source}" is not unique`);
      result.set(source, name);
      taken.add(name);
    }
  }
  return result;
}

/**
 * The namespace of the Kafka cluster: the platform's. Strimzi's Topic and User Operators watch
 * it (by default, the cluster's own namespace), so every KafkaTopic and KafkaUser goes there,
 * whichever namespace the service that produces or consumes runs in.
 */
export function kafkaNamespace(model: Model): string {
  return model.platform.namespace;
}

/**
 * Strimzi's bootstrap Service of the cluster, in the Kafka cluster's namespace: port 9092, the
 * plain listener, or with `tls` port 9093, the TLS listener of Strimzi's examples (where the
 * chart's default SCRAM-SHA-512 over TLS connects; the operator enables SCRAM on it).
 */
export function kafkaBootstrapServers(model: Model, options: { tls?: boolean } = {}): string {
  return `${model.platform.kafka.cluster}-kafka-bootstrap.${kafkaNamespace(model)}.svc:${options.tls ? 9093 : 9092}`;
}

/**
 * The KafkaUser of a service: `<platform>-<context>` (context names are DNS labels, unique in
 * the platform). Strimzi's User Operator writes its credentials to a Secret of the same name.
 */
export function kafkaUserName(model: Model, contextName: string): string {
  return `${model.platform.name}-${contextName}`;
}

/**
 * The Secret whose key `url` holds the PostgreSQL URL, one per release (so per namespace):
 * `<release>-database`. The platform's release is named after the platform.
 */
export function databaseSecretName(model: Model, namespace: string = model.platform.namespace): string {
  const release = namespace === model.platform.namespace ? model.platform.name : releaseName(model, namespace);
  return `${release}-database`;
}

/** The Helm release of an isolated namespace: the namespace, prefixed with the platform unless it is already. */
export function releaseName(model: Model, namespace: string): string {
  const p = model.platform.name;
  return namespace === p || namespace.startsWith(`${p}-`) ? namespace : `${p}-${namespace}`;
}

/** The namespaces other than the platform's that hold contexts, sorted. */
export function isolatedNamespaces(model: Model): string[] {
  const set = new Set(model.contexts.filter((c) => c.namespace !== model.platform.namespace).map((c) => c.namespace));
  return [...set].sort(compareCodeUnits);
}
