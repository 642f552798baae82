/**
 * Strimzi KafkaTopic resources: `kafka/<namespace>/topics.yaml`, one file per Kubernetes
 * namespace that owns topics (the namespace of the producing context), one KafkaTopic per
 * event topic and per DLQ (see topic-plan.ts for which events get a DLQ).
 */
import type { Model, Topic } from '../../model/valid.js';
import { yamlComment, yamlDocument } from '../emit/yaml.js';
import { uniqueKubernetesNames } from '../names/kubernetes.js';
import { compareCodeUnits } from '../names/order.js';
import { plannedTopics, type PlannedTopic } from '../plan/topics.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';

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
      namespace: planned.namespace,
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

function fileComment(model: Model, namespace: string): string {
  const cluster = model.platform.kafka.cluster;
  return yamlComment([
    `Kafka topics of platform "${model.platform.name}" produced in namespace "${namespace}":`,
    `one KafkaTopic per event topic, and per DLQ of each event a consumer may dead-letter`,
    `(consumed by a policy with dlq on, or by a read model).`,
    `Target: the Kafka cluster "${cluster}" (label strimzi.io/cluster), namespace "${namespace}".`,
    `Strimzi's Topic Operator reconciles only the namespace it watches`,
    `(Kafka spec.entityOperator.topicOperator.watchedNamespace, by default the Kafka cluster's`,
    `own namespace): apply this file where a Topic Operator of "${cluster}" watches "${namespace}",`,
    `e.g. kubectl apply -n ${namespace} -f topics.yaml`,
  ]);
}

function documentComment(planned: PlannedTopic): string {
  const { event } = planned;
  return yamlComment(
    planned.kind === 'dlq'
      ? `DLQ of ${event.name} (failed records of its consumers, after their retries)`
      : `${event.name}, produced by context ${event.context.name}`,
  );
}

export function generateKafkaTopics(request: GenerateRequest): GeneratedFile[] {
  const { model } = request;
  const planned = plannedTopics(model);
  const names = topicObjectNames(model);
  const byNamespace = new Map<string, PlannedTopic[]>();
  for (const entry of planned) byNamespace.set(entry.namespace, [...(byNamespace.get(entry.namespace) ?? []), entry]);

  return [...byNamespace.keys()].sort(compareCodeUnits).map((namespace) => {
    const documents = byNamespace.get(namespace)!.map((entry) => {
      const resource = kafkaTopicResource(model, entry, names.get(entry.topic.name)!);
      return `---\n${documentComment(entry)}\n${yamlDocument(resource)}`;
    });
    return generatedFile(`kafka/${namespace}/topics.yaml`, `${fileComment(model, namespace)}\n${documents.join('')}`);
  });
}
