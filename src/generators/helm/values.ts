/**
 * values.yaml of the chart, as data: one entry per context under `services`, and the overlay of
 * each isolated namespace (values-<namespace>.yaml).
 */
import type { Context, Model } from '../../model/valid.js';
import { databaseSchema } from '../names/env.js';
import { databaseSecretName, kafkaBootstrapServers } from '../names/kubernetes.js';
import { compareCodeUnits } from '../names/order.js';
import { consumerLagTargets } from '../plan/topics.js';


export interface ProbeValues {
  readonly httpGet: { readonly path: string; readonly port: string };
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
}

export interface ServiceValues {
  readonly enabled: boolean;
  readonly replicaCount: number;
  readonly image: { readonly repository: string; readonly tag: string; readonly pullPolicy: string };
  readonly service: { readonly type: 'ClusterIP'; readonly port: number };
  readonly resources: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly memory: string };
  };
  readonly autoscaling: {
    readonly enabled: boolean;
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly targetCPUUtilizationPercentage: number;
  };
  readonly keda: {
    readonly enabled: boolean;
    readonly lagThreshold: number;
    readonly minReplicaCount: number;
    readonly maxReplicaCount: number;
    /** One KEDA kafka trigger each: a topic the service consumes and the consumer group reading it. */
    readonly triggers: readonly { readonly topic: string; readonly consumerGroup: string }[];
  };
  readonly podDisruptionBudget: { readonly enabled: boolean; readonly minAvailable: number };
  readonly networkPolicy: { readonly enabled: boolean };
  readonly livenessProbe: ProbeValues;
  readonly readinessProbe: ProbeValues;
  readonly database: { readonly schema: string };
  readonly env: Readonly<Record<string, string>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
  readonly podSecurityContext: Readonly<Record<string, unknown>>;
  readonly securityContext: Readonly<Record<string, unknown>>;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly unknown[];
  readonly affinity: Readonly<Record<string, unknown>>;
}

export interface ChartValues {
  readonly global: {
    readonly namespace: string;
    readonly image: { readonly registry: string; readonly tag: string; readonly pullPolicy: string };
    readonly kafka: { readonly bootstrapServers: string };
    readonly database: { readonly secretName: string; readonly secretKey: string };
    readonly networkPolicy: { readonly allowedNamespaces: readonly string[] };
  };
  readonly services: Readonly<Record<string, ServiceValues>>;
}

export function serviceValues(model: Model, context: Context): ServiceValues {
  const deploy = context.deploy;
  const triggers = consumerLagTargets(context, model);
  if (deploy.keda && triggers.length === 0) {
    throw new Error(
      `context "${context.name}" sets deploy.keda, but consumes no event: KEDA has no topic whose consumer lag it could measure`,
    );
  }
  const a = deploy.autoscaling;
  const k = deploy.keda;
  const pdb = deploy.podDisruptionBudget;
  return {
    enabled: context.namespace === model.platform.namespace,
    replicaCount: deploy.replicas,
    // Empty: `<global.image.registry>/<service>`, the global tag and pull policy.
    image: { repository: '', tag: '', pullPolicy: '' },
    service: { type: 'ClusterIP', port: context.port },
    resources: {
      requests: { cpu: deploy.cpu, memory: deploy.memory },
      limits: { memory: deploy.memory },
    },
    // Switched off, the ranges keep the fixed replica count: switching one on is then explicit.
    autoscaling: a
      ? { enabled: true, minReplicas: a.min, maxReplicas: a.max, targetCPUUtilizationPercentage: a.cpuPercent }
      : {
          enabled: false,
          minReplicas: deploy.replicas,
          maxReplicas: deploy.replicas,
          targetCPUUtilizationPercentage: model.platform.deploy.scalingDefaults.cpuPercent,
        },
    keda: k
      ? {
          enabled: true,
          lagThreshold: k.lagThreshold,
          minReplicaCount: k.min,
          maxReplicaCount: k.max,
          triggers,
        }
      : {
          enabled: false,
          lagThreshold: model.platform.deploy.scalingDefaults.lagThreshold,
          minReplicaCount: deploy.replicas,
          maxReplicaCount: deploy.replicas,
          triggers,
        },
    podDisruptionBudget: pdb ? { enabled: true, minAvailable: pdb.minAvailable } : { enabled: false, minAvailable: 1 },
    networkPolicy: { enabled: true },
    livenessProbe: {
      httpGet: { path: '/healthz', port: 'http' },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
    },
    readinessProbe: {
      httpGet: { path: '/readyz', port: 'http' },
      initialDelaySeconds: 5,
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
    },
    database: { schema: databaseSchema(context) },
    env: {},
    podAnnotations: {},
    // The generated Dockerfile runs as the image's unprivileged `node` user (uid 1000).
    podSecurityContext: {
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    nodeSelector: {},
    tolerations: [],
    affinity: {},
  };
}

export function sortedContexts(model: Model): Context[] {
  return [...model.contexts].sort((a, b) => compareCodeUnits(a.name, b.name));
}

export function chartValues(model: Model): ChartValues {
  const services: Record<string, ServiceValues> = {};
  for (const context of sortedContexts(model)) services[context.name] = serviceValues(model, context);
  return {
    global: {
      namespace: model.platform.namespace,
      image: {
        registry: model.platform.deploy.image.registry,
        tag: model.platform.deploy.image.tag,
        pullPolicy: 'IfNotPresent',
      },
      kafka: { bootstrapServers: kafkaBootstrapServers(model) },
      database: { secretName: databaseSecretName(model), secretKey: 'url' },
      networkPolicy: { allowedNamespaces: [] },
    },
    services,
  };
}

export interface NamespaceOverlay {
  readonly global: { readonly namespace: string };
  readonly services: Readonly<Record<string, { readonly enabled: boolean }>>;
}

/** values-<namespace>.yaml: over values.yaml, switches the release to one isolated namespace. */
export function namespaceOverlay(model: Model, namespace: string): NamespaceOverlay {
  const services: Record<string, { enabled: boolean }> = {};
  for (const context of sortedContexts(model)) services[context.name] = { enabled: context.namespace === namespace };
  return { global: { namespace }, services };
}
