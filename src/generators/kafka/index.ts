/**
 * Strimzi resources of the platform's Kafka cluster, all in the cluster's namespace (the
 * platform's), where its Topic and User Operators reconcile them:
 * - `kafka/<namespace>/topics.yaml`: one KafkaTopic per event topic and per DLQ (see
 *   plan/topics.ts for which events get a DLQ), whichever namespace produces the event;
 * - `kafka/<namespace>/users.yaml`: one KafkaUser per service, its ACLs (users.ts).
 * A KafkaTopic applied in another namespace (an isolated one) would never be reconciled: the
 * Topic Operator watches one namespace.
 */
import type { Model, Topic } from '../../model/valid.js';
import { yamlComment, yamlDocument } from '../emit/yaml.js';
import { kafkaNamespace, uniqueKubernetesNames } from '../names/kubernetes.js';
import { compareCodeUnits } from '../names/order.js';
import { plannedTopics, type PlannedTopic } from '../plan/topics.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import { keyedFile, type KeyedFile } from '../emit/keyed.js';
import { kafkaUsersFile } from './users.js';

export const KAFKA_TOPIC_API_VERSION = 'kafka.strimzi.io/v1';

export interface KafkaTopicResource {
  readonly apiVersion: typeof KAFKA_TOPIC_API_VERSION;
  readonly kind: 'KafkaTopic';
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
  };
  readonly spec: {
    readonly topicName: string;
    readonly partitions: number;
    readonly replicas: number;
    readonly config: Readonly<Record<string, string>>;
  };
}

/** `spec.config` of a topic: Kafka topic configs, every value a string, keys sorted. */
export function topicConfig(topic: Topic): Record<string, string> {
  const config: Record<string, string> = {
    'cleanup.policy': topic.cleanupPolicy,
  };
  if (topic.maxMessageBytes !== undefined) config['max.message.bytes'] = String(topic.maxMessageBytes);
  config['min.insync.replicas'] = String(topic.minInSyncReplicas);
  config['retention.ms'] = String(topic.retentionMs);
  return config;
}

/** Kubernetes names of every planned topic, unique across the platform. */
export function topicObjectNames(model: Model): Map<string, string> {
  return uniqueKubernetesNames(plannedTopics(model).map((t) => t.topic.name));
}

export function kafkaTopicResource(model: Model, planned: PlannedTopic, name: string): KafkaTopicResource {
  const { topic } = planned;
  return {
    apiVersion: KAFKA_TOPIC_API_VERSION,
    kind: 'KafkaTopic',
    metadata: {
      name,
      namespace: kafkaNamespace(model),
      labels: {
        'app.kubernetes.io/component': planned.kind === 'dlq' ? 'dead-letter-topic' : 'event-topic',
        'app.kubernetes.io/managed-by': 'msa-gen',
        'app.kubernetes.io/part-of': model.platform.name,
        'strimzi.io/cluster': model.platform.kafka.cluster,
      },
    },
    spec: {
      topicName: topic.name,
      partitions: topic.partitions,
      replicas: topic.replicas,
      config: topicConfig(topic),
    },
  };
}

function fileComment(model: Model): string {
  const cluster = model.platform.kafka.cluster;
  const namespace = kafkaNamespace(model);
  return yamlComment([
    `Kafka topics of platform "${model.platform.name}": one KafkaTopic per event topic, and per`,
    `DLQ of each event a consumer may dead-letter (consumed by a policy with dlq on, or by a read`,
    `model). Every one sits in namespace "${namespace}", the Kafka cluster "${cluster}"'s own`,
    `(label strimzi.io/cluster), whichever namespace produces the event: Strimzi's Topic Operator`,
    `reconciles only the namespace it watches (Kafka spec.entityOperator.topicOperator.watchedNamespace,`,
    `by default the cluster's namespace). Apply it with kubectl apply -f topics.yaml.`,
  ]);
}

function documentComment(planned: PlannedTopic): string {
  const { event } = planned;
  return yamlComment(
    planned.kind === 'dlq'
      ? `DLQ of ${event.name} (failed records of its consumers, after their retries)`
      : `${event.name}, produced by context ${event.context.name} (namespace ${event.context.namespace})`,
  );
}

export function generateKafkaTopics(request: GenerateRequest): GeneratedFile[] {
  return kafkaFiles(request)
    .map((k) => k.make())
    .sort((a, b) => compareCodeUnits(a.path, b.path));
}

/** The KafkaUsers and the KafkaTopics, each a keyed file (keyed.ts): made from its documents' comments and resources alone. */
export function kafkaFiles(request: GenerateRequest): KeyedFile[] {
  const { model } = request;
  const dir = `kafka/${kafkaNamespace(model)}`;
  const files = [kafkaUsersFile(model, `${dir}/users.yaml`)];
  const topics = plannedTopics(model);
  if (topics.length > 0) {
    const path = `${dir}/topics.yaml`;
    const data = () => {
      const names = topicObjectNames(model);
      return {
        comment: fileComment(model),
        documents: topics.map((entry) => [documentComment(entry), kafkaTopicResource(model, entry, names.get(entry.topic.name)!)] as const),
      };
    };
    files.push(
      keyedFile(path, data, ({ comment, documents }) =>
        generatedFile(path, `${comment}\n${documents.map(([head, resource]) => `---\n${head}\n${yamlDocument(resource)}`).join('')}`),
      ),
    );
  }
  return files;
}
