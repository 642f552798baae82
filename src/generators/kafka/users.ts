/**
 * Strimzi KafkaUser resources: one per service, in the Kafka cluster's namespace (where the User
 * Operator reconciles them), with SCRAM-SHA-512 credentials and `simple` ACLs that allow exactly
 * what the generated runtime does on Kafka:
 * - Write (and Describe) on the topics of its aggregates' events (the outbox relay), on the DLQ
 *   of every topic one of its consumers may dead-letter, and on the DLQs it posts resolution
 *   records to (a replayed record, a compensated saga step);
 * - Read (and Describe) on every topic one of its consumers reads: policies, read-model
 *   projections, compensations on failure events, orchestrators, and the DLQ listener;
 * - Read on each of its consumer groups (a read model kept in memory reads under a group per
 *   process, `<group>.<instance>`: a prefix ACL).
 * Nothing else: no topic creation (the KafkaTopics do that), no cluster operations (since Kafka
 * 3.0, Write on a topic is enough for an idempotent producer).
 */
import type { Context, Model } from '../../model/valid.js';
import { yamlComment, yamlDocument } from '../emit/yaml.js';
import { kafkaNamespace, kafkaUserName } from '../names/kubernetes.js';
import { compareCodeUnits } from '../names/order.js';
import { compensations, orchestrations } from '../plan/service.js';
import { dlqListenerGroup, policyConsumerGroup, projectionConsumerGroup } from '../plan/groups.js';
import { keyedFile, type KeyedFile } from '../emit/keyed.js';
import { generatedFile } from '../types.js';

export const KAFKA_USER_API_VERSION = 'kafka.strimzi.io/v1';

/** What one service does on Kafka: topics it writes and reads, consumer groups it joins. */
export interface KafkaAccess {
  readonly writes: readonly string[];
  readonly reads: readonly string[];
  /** Consumer groups joined under their own name. */
  readonly groups: readonly string[];
  /** Consumer groups joined under `<prefix><instance>` (read models kept in memory). */
  readonly groupPrefixes: readonly string[];
}

export type AclOperation = 'Read' | 'Write' | 'Describe';

export interface Acl {
  readonly resource: { readonly type: 'topic' | 'group'; readonly name: string; readonly patternType: 'literal' | 'prefix' };
  readonly operations: readonly AclOperation[];
}

export interface KafkaUserResource {
  readonly apiVersion: typeof KAFKA_USER_API_VERSION;
  readonly kind: 'KafkaUser';
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Readonly<Record<string, string>> };
  readonly spec: {
    readonly authentication: { readonly type: 'scram-sha-512' };
    readonly authorization: { readonly type: 'simple'; readonly acls: readonly Acl[] };
  };
}

const sorted = (set: ReadonlySet<string>): string[] => [...set].sort(compareCodeUnits);


export function kafkaAccess(model: Model, context: Context): KafkaAccess {
  const writes = new Set<string>();
  const reads = new Set<string>();
  const groups = new Set<string>();
  const prefixes = new Set<string>();
  const dlqListened = new Set<string>();

  for (const aggregate of context.aggregates) for (const event of aggregate.events) writes.add(event.topic.name);
  for (const policy of context.policies) {
    const event = policy.on.target;
    reads.add(event.topic.name);
    groups.add(policyConsumerGroup(policy, model));
    if (policy.dlq) dlqListened.add(event.dlq.name);
  }
  for (const readModel of context.readModels) {
    const group = projectionConsumerGroup(readModel, model);
    if (readModel.store === 'cache') prefixes.add(`${group}.`);
    else groups.add(group);
    for (const from of readModel.from) {
      reads.add(from.target.topic.name);
      dlqListened.add(from.target.dlq.name);
    }
  }
  for (const c of compensations(model, context)) {
    if (c.trigger.kind === 'event') {
      // A consumer of the failure event, which dead-letters what it cannot compensate.
      reads.add(c.trigger.event.topic.name);
      writes.add(c.trigger.event.dlq.name);
      groups.add(c.group);
    } else {
      // The DLQ listener reads the failed step's DLQ and posts `compensated` resolutions to it.
      dlqListened.add(c.trigger.topic);
    }
  }
  for (const o of orchestrations(model, context)) {
    groups.add(o.group);
    for (const event of o.events) {
      reads.add(event.topic.name);
      writes.add(event.dlq.name);
    }
  }
  if (dlqListened.size > 0) {
    groups.add(dlqListenerGroup(model, context));
    for (const topic of dlqListened) {
      // Dead-letters records there (or, for a compensation's trigger, posts resolutions) and reads it back.
      reads.add(topic);
      writes.add(topic);
    }
  }
  return { writes: sorted(writes), reads: sorted(reads), groups: sorted(groups), groupPrefixes: sorted(prefixes) };
}

/** The ACLs of an access: one rule per topic (Describe, plus Read and/or Write), one per group. */
export function aclsOf(access: KafkaAccess): Acl[] {
  const acls: Acl[] = [];
  const topics = new Set([...access.reads, ...access.writes]);
  for (const topic of sorted(topics)) {
    const operations: AclOperation[] = ['Describe'];
    if (access.reads.includes(topic)) operations.push('Read');
    if (access.writes.includes(topic)) operations.push('Write');
    acls.push({ resource: { type: 'topic', name: topic, patternType: 'literal' }, operations });
  }
  for (const group of access.groups) acls.push({ resource: { type: 'group', name: group, patternType: 'literal' }, operations: ['Read'] });
  for (const prefix of access.groupPrefixes) {
    acls.push({ resource: { type: 'group', name: prefix, patternType: 'prefix' }, operations: ['Read'] });
  }
  return acls;
}

export function kafkaUserResource(model: Model, context: Context): KafkaUserResource {
  return {
    apiVersion: KAFKA_USER_API_VERSION,
    kind: 'KafkaUser',
    metadata: {
      name: kafkaUserName(model, context.name),
      namespace: kafkaNamespace(model),
      labels: {
        'app.kubernetes.io/component': 'kafka-user',
        'app.kubernetes.io/managed-by': 'msa-gen',
        'app.kubernetes.io/name': context.name,
        'app.kubernetes.io/part-of': model.platform.name,
        'strimzi.io/cluster': model.platform.kafka.cluster,
      },
    },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: { type: 'simple', acls: aclsOf(kafkaAccess(model, context)) },
    },
  };
}

function fileComment(model: Model): string {
  const cluster = model.platform.kafka.cluster;
  const namespace = kafkaNamespace(model);
  return yamlComment([
    `Kafka users of platform "${model.platform.name}": one KafkaUser per service, in namespace`,
    `"${namespace}" where the User Operator of the Kafka cluster "${cluster}" reconciles them. Each`,
    `may write exactly the topics its service produces (its events, the DLQs it dead-letters to),`,
    `read exactly the topics it consumes (DLQs included) and join exactly its consumer groups.`,
    `ACLs take effect on a cluster with authorization type simple and a SCRAM-SHA-512 listener;`,
    `the User Operator writes each user's password to a Secret of the user's name in "${namespace}".`,
  ]);
}

export function kafkaUsersFile(model: Model, path: string): KeyedFile {
  const data = () => ({
    comment: fileComment(model),
    documents: [...model.contexts]
      .sort((a, b) => compareCodeUnits(a.name, b.name))
      .map((context) => {
        const where = context.namespace === model.platform.namespace ? '' : ` (namespace ${context.namespace})`;
        return [yamlComment(`service ${context.name}${where}`), kafkaUserResource(model, context)] as const;
      }),
  });
  return keyedFile(path, data, ({ comment, documents }) =>
    generatedFile(path, `${comment}\n${documents.map(([head, resource]) => `---\n${head}\n${yamlDocument(resource)}`).join('')}`),
  );
}
