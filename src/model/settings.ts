/** Settings in the IR: a raw block merged over its base (the level above, else the defaults). */
import { DEFAULTS } from './defaults.js';
import type { Autoscaling, DeploySettings, RetrySettings, TopicSettings } from './ir.js';
import type { RawDeploy, RawRetry, RawTopicConfig } from './raw.js';

export function mergeRetry(base: RetrySettings, raw: RawRetry | undefined): RetrySettings {
  return {
    maxAttempts: raw?.maxAttempts ?? base.maxAttempts,
    backoffMs: raw?.backoffMs ?? base.backoffMs,
    multiplier: raw?.multiplier ?? base.multiplier,
    maxBackoffMs: raw?.maxBackoffMs ?? base.maxBackoffMs,
  };
}

export function mergeTopic(base: TopicSettings, raw: RawTopicConfig | undefined): TopicSettings {
  return {
    partitions: raw?.partitions ?? base.partitions,
    replicas: raw?.replicas ?? base.replicas,
    minInSyncReplicas: raw?.minInSyncReplicas ?? base.minInSyncReplicas,
    retentionMs: raw?.retentionMs ?? base.retentionMs,
    maxMessageBytes: raw?.maxMessageBytes ?? base.maxMessageBytes,
    cleanupPolicy: raw?.cleanupPolicy ?? base.cleanupPolicy,
  };
}

export function mergeDeploy(base: DeploySettings | undefined, raw: RawDeploy | undefined, pointer: string): DeploySettings {
  const replicas = raw?.replicas ?? base?.replicas ?? DEFAULTS.deploy.replicas;
  let autoscaling: Autoscaling | undefined;
  if (raw?.autoscaling === false) autoscaling = undefined;
  else if (raw?.autoscaling) {
    const b = base?.autoscaling;
    autoscaling = {
      min: raw.autoscaling.min ?? b?.min ?? replicas,
      max: raw.autoscaling.max ?? b?.max ?? Math.max(replicas, (raw.autoscaling.min ?? replicas) * 5),
      cpuPercent: raw.autoscaling.cpuPercent ?? b?.cpuPercent ?? DEFAULTS.deploy.cpuPercent,
    };
  } else if (raw?.keda) {
    autoscaling = undefined; // KEDA replaces the CPU autoscaler inherited from the defaults
  } else autoscaling = base?.autoscaling;
  const keda = raw?.keda
    ? {
        lagThreshold: raw.keda.lagThreshold ?? DEFAULTS.deploy.lagThreshold,
        min: raw.keda.min ?? replicas,
        max: raw.keda.max ?? base?.autoscaling?.max ?? replicas * 5,
      }
    : undefined;
  const pdb = raw?.podDisruptionBudget ?? base?.podDisruptionBudget;
  return {
    pointer,
    replicas,
    cpu: raw?.cpu ?? base?.cpu ?? DEFAULTS.deploy.cpu,
    memory: raw?.memory ?? base?.memory ?? DEFAULTS.deploy.memory,
    autoscaling,
    keda,
    podDisruptionBudget: pdb ? { minAvailable: pdb.minAvailable ?? 1 } : undefined,
  };
}
