/**
 * Deploy, Kafka and retry settings: plans drawn by fast-check and rendered into blocks that are
 * consistent with each other (MSA503–MSA505, MSA601), so that a model fails only where a twist
 * or a hostile name makes it fail.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

// ---------------------------------------------------------------------------------------------
// Kafka

export interface TopicDefaultsPlan {
  readonly partitions: number;
  readonly replicas: number;
  readonly minInSync: number;
  readonly retentionMs: number | undefined;
  readonly maxMessageBytes: number | undefined;
  readonly cleanupPolicy: 'delete' | 'compact' | 'compact,delete' | undefined;
}

export const topicDefaultsPlan = (): fc.Arbitrary<TopicDefaultsPlan> =>
  fc.record({
    partitions: fc.integer({ min: 1, max: 12 }),
    replicas: fc.integer({ min: 1, max: 3 }),
    minInSync: fc.integer({ min: 1, max: 3 }),
    retentionMs: fc.option(fc.constantFrom(-1, 3_600_000, 604_800_000), { nil: undefined }),
    maxMessageBytes: fc.option(fc.integer({ min: 1, max: 10_485_760 }), { nil: undefined }),
    cleanupPolicy: fc.option(fc.constantFrom('delete' as const, 'compact' as const, 'compact,delete' as const), { nil: undefined }),
  });

/** A topic config block; minInSyncReplicas is clamped to the replicas it ends up with. */
export function renderTopic(plan: TopicDefaultsPlan): JsonObject {
  const out: JsonObject = { partitions: plan.partitions, replicas: plan.replicas, minInSyncReplicas: Math.min(plan.minInSync, plan.replicas) };
  if (plan.retentionMs !== undefined) out['retentionMs'] = plan.retentionMs;
  if (plan.maxMessageBytes !== undefined) out['maxMessageBytes'] = plan.maxMessageBytes;
  if (plan.cleanupPolicy !== undefined) out['cleanupPolicy'] = plan.cleanupPolicy;
  return out;
}

export interface RetryPlan {
  readonly maxAttempts: number | undefined;
  readonly backoffMs: number | undefined;
  readonly multiplier: number | undefined;
  readonly maxBackoffMs: number | undefined;
}

export const retryPlan = (): fc.Arbitrary<RetryPlan> =>
  fc.record({
    maxAttempts: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    backoffMs: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
    multiplier: fc.option(fc.constantFrom(1, 1.5, 2, 3), { nil: undefined }),
    maxBackoffMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
  });

export function renderRetry(plan: RetryPlan): JsonObject {
  const out: JsonObject = {};
  if (plan.maxAttempts !== undefined) out['maxAttempts'] = plan.maxAttempts;
  if (plan.backoffMs !== undefined) out['backoffMs'] = plan.backoffMs;
  if (plan.multiplier !== undefined) out['multiplier'] = plan.multiplier;
  if (plan.maxBackoffMs !== undefined) out['maxBackoffMs'] = plan.maxBackoffMs;
  return out;
}

export interface KafkaPlan {
  readonly cluster: boolean;
  readonly defaults: TopicDefaultsPlan | undefined;
  readonly retry: RetryPlan | undefined;
  readonly dlqSuffix: string | undefined;
  readonly dlqRetentionMs: number | undefined;
  /** Set DLQ partitions explicitly (to the largest topic's). */
  readonly dlqPartitions: boolean;
}

export const kafkaPlan = (): fc.Arbitrary<KafkaPlan | undefined> =>
  fc.option(
    fc.record({
      cluster: fc.boolean(),
      defaults: fc.option(topicDefaultsPlan(), { nil: undefined }),
      retry: fc.option(retryPlan(), { nil: undefined }),
      dlqSuffix: fc.option(fc.constantFrom('.DLQ', '-dlq', '.dead-letter', '_DLQ'), { nil: undefined }),
      dlqRetentionMs: fc.option(fc.constantFrom(-1, 1_209_600_000), { nil: undefined }),
      dlqPartitions: fc.boolean(),
    }),
    { nil: undefined },
  );

// ---------------------------------------------------------------------------------------------
// Deploy

export interface DeployDefaultsPlan {
  readonly replicas: number;
  readonly cpu: string | undefined;
  readonly memory: string | undefined;
  /** [min - replicas, max - replicas] offsets, or false, or inherit (undefined). */
  readonly autoscaling: readonly [below: number, above: number, cpuPercent: number | undefined] | false | undefined;
  /** minAvailable = floor - 1 - this, when floor allows; undefined: no PDB. */
  readonly pdbBelow: number | undefined;
}

export const deployDefaultsPlan = (): fc.Arbitrary<DeployDefaultsPlan> =>
  fc.record({
    replicas: fc.integer({ min: 1, max: 6 }),
    cpu: fc.option(fc.constantFrom('100m', '250m', '1', '1.5'), { nil: undefined }),
    memory: fc.option(fc.constantFrom('128Mi', '256Mi', '1Gi', '512M'), { nil: undefined }),
    autoscaling: fc.option(
      fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 20 }), fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined })),
        fc.constant(false as const),
      ),
      { nil: undefined },
    ),
    pdbBelow: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  });

/** What a deploy block leaves for the next one to inherit. */
export interface DeployState {
  readonly replicas: number;
  readonly autoscaling: { readonly min: number; readonly max: number } | undefined;
  readonly pdb: number | undefined;
}

export const BUILT_IN_DEPLOY: DeployState = { replicas: 2, autoscaling: undefined, pdb: undefined };

/** The platform's deploy defaults block. */
export function renderDeployDefaults(plan: DeployDefaultsPlan): { block: JsonObject; state: DeployState } {
  const block: JsonObject = { replicas: plan.replicas };
  if (plan.cpu) block['cpu'] = plan.cpu;
  if (plan.memory) block['memory'] = plan.memory;
  let autoscaling: DeployState['autoscaling'];
  if (plan.autoscaling === false) block['autoscaling'] = false;
  else if (plan.autoscaling) {
    const [below, above, cpuPercent] = plan.autoscaling;
    const min = Math.max(1, plan.replicas - below);
    autoscaling = { min, max: plan.replicas + above };
    block['autoscaling'] = { min, max: autoscaling.max, ...(cpuPercent === undefined ? {} : { cpuPercent }) };
  }
  const floor = autoscaling?.min ?? plan.replicas;
  let pdb: number | undefined;
  if (plan.pdbBelow !== undefined && floor - 1 - plan.pdbBelow >= 1) {
    pdb = floor - 1 - plan.pdbBelow;
    block['podDisruptionBudget'] = { minAvailable: pdb };
  }
  return { block, state: { replicas: plan.replicas, autoscaling, pdb } };
}

export type ContextDeployPlan =
  | { readonly kind: 'resources'; readonly cpu: string; readonly memory: string | undefined }
  | { readonly kind: 'replicas'; readonly replicas: number; readonly autoscaling: readonly [number, number] | false; readonly pdb: boolean }
  | { readonly kind: 'keda'; readonly min: number; readonly spread: number; readonly lagThreshold: number | undefined; readonly pdb: boolean };

export const contextDeployPlan = (): fc.Arbitrary<ContextDeployPlan | undefined> =>
  fc.option(
    fc.oneof(
      fc.record({
        kind: fc.constant('resources' as const),
        cpu: fc.constantFrom('100m', '500m', '2'),
        memory: fc.option(fc.constantFrom('64Mi', '1Gi'), { nil: undefined }),
      }),
      fc.record({
        kind: fc.constant('replicas' as const),
        replicas: fc.integer({ min: 1, max: 8 }),
        autoscaling: fc.oneof(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 25 })), fc.constant(false as const)),
        pdb: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('keda' as const),
        min: fc.integer({ min: 1, max: 4 }),
        spread: fc.integer({ min: 0, max: 20 }),
        lagThreshold: fc.option(fc.integer({ min: 1, max: 1_000 }), { nil: undefined }),
        pdb: fc.boolean(),
      }),
    ),
    { nil: undefined },
  );

/**
 * A context's deploy block, consistent with what it inherits. `canKeda` is false for a context
 * that consumes no event: the honest model scales such a context on CPU only.
 */
export function renderContextDeploy(plan: ContextDeployPlan, base: DeployState, canKeda: boolean): JsonObject {
  switch (plan.kind) {
    case 'resources':
      return plan.memory ? { cpu: plan.cpu, memory: plan.memory } : { cpu: plan.cpu };
    case 'replicas': {
      const block: JsonObject = { replicas: plan.replicas };
      let floor = plan.replicas;
      if (plan.autoscaling === false) block['autoscaling'] = false;
      else {
        const min = Math.max(1, plan.replicas - plan.autoscaling[0]);
        block['autoscaling'] = { min, max: plan.replicas + plan.autoscaling[1] };
        floor = min;
      }
      if (plan.pdb && floor > 1) block['podDisruptionBudget'] = { minAvailable: floor - 1 };
      else if (base.pdb !== undefined && base.pdb >= floor) {
        if (floor > 1) block['podDisruptionBudget'] = { minAvailable: floor - 1 };
        else return {};
      }
      return block;
    }
    case 'keda': {
      if (!canKeda) return {};
      const min = Math.max(plan.min, (base.pdb ?? 0) + 1);
      const keda: JsonObject = { min, max: min + plan.spread };
      if (plan.lagThreshold !== undefined) keda['lagThreshold'] = plan.lagThreshold;
      const block: JsonObject = { keda };
      if (plan.pdb && min > 1) block['podDisruptionBudget'] = { minAvailable: min - 1 };
      return block;
    }
  }
}
