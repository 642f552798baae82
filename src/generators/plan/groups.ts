/**
 * The names of the platform's Kafka consumer groups, as the runtime subscribes its consumers.
 */
import type { Context, Model, Policy, ReadModel } from '../../model/valid.js';

/**
 * Consumer groups: one per consumer, as the runtime subscribes each policy and each read-model
 * projection on its own (its inbox, retries and DLQ replays are per group):
 * `<platform>.<context>.<Policy or ReadModel>`. (The runtime's DLQ watcher uses
 * `<platform>.<context>.dlq`; model names are PascalCase, so they never collide with it.)
 */
export function policyConsumerGroup(policy: Policy, model: Model): string {
  return `${model.platform.name}.${policy.context.name}.${policy.name}`;
}

/** The DLQ watcher's consumer group (the runtime's `<platform>.<context>.dlq`). */
export function dlqListenerGroup(model: Model, context: Context): string {
  return `${model.platform.name}.${context.name}.dlq`;
}

export function projectionConsumerGroup(readModel: ReadModel, model: Model): string {
  return `${model.platform.name}.${readModel.context.name}.${readModel.name}`;
}
