/**
 * values.yaml of the chart, as data: one entry per context under `services`, and the overlay of
 * each isolated namespace (values-<namespace>.yaml).
 */
import type { Context, Model } from '../../model/valid.js';
import { databaseSchema } from '../names/env.js';
import { databaseSecretName, kafkaBootstrapServers, kafkaNamespace, kafkaUserName } from '../names/kubernetes.js';
import { compareCodeUnits } from '../names/order.js';
import { callersOf, callTargets } from '../plan/service.js';
import { consumerLagTargets } from '../plan/topics.js';
import { maxPods } from './namespaces.js';
import { exposedRoutes } from './routes.js';

/** Where values.yaml expects the Gateway (and its proxies) until a values file says otherwise. */
export const GATEWAY_NAMESPACE = 'gateway-system';

/** The HPA's memory target when the model sets none (seed 001: scale on CPU and memory). */
export const MEMORY_TARGET_PERCENT = 80;

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
}

/** Pods a NetworkPolicy admits or reaches: those `podSelector` picks in the namespaces `namespaceSelector` picks. */
export interface PeerValues {
  readonly namespaceSelector: LabelSelector;
  readonly podSelector: LabelSelector;
}

export interface EgressPeerValues extends PeerValues {
  readonly ports: readonly number[];
}

/** A service of another namespace, by namespace and service name. */
export interface ServicePeer {
  readonly namespace: string;
  readonly service: string;
}


export interface ProbeValues {
  readonly httpGet: { readonly path: string; readonly port: string };
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
}

export interface ServiceValues {
  readonly enabled: boolean;
  /** The service's KafkaUser (KAFKA_SASL_USERNAME), and the Secret holding its password. */
  readonly kafkaUser: string;
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
    readonly targetMemoryUtilizationPercentage: number;
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
  readonly topologySpread: {
    readonly enabled: boolean;
    readonly maxSkew: number;
    readonly nodeWhenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
    readonly zoneWhenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  };
  readonly networkPolicy: {
    readonly enabled: boolean;
    /** Services of other namespaces that call this one (its `calls`, orchestration steps). */
    readonly callers: readonly ServicePeer[];
    /** Services of other namespaces this one calls, with their ports. */
    readonly callees: readonly (ServicePeer & { readonly port: number })[];
  };
  /** What the Gateway API HTTPRoute exposes: routes of commands with an actor, and lookups. */
  readonly routes: readonly { readonly method: string; readonly pathType: string; readonly path: string }[];
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

/** How callers and services are verified (templates/runtime/src/auth.ts). */
export interface AuthValues {
  /** The identity provider's JWKS URL (AUTH_JWKS_URL). Empty here: every release must set it. */
  readonly jwksUrl: string;
  /** The `iss` of its tokens (AUTH_ISSUER). Empty here: every release must set it. */
  readonly issuer: string;
  /** The `aud` its tokens must carry (AUTH_AUDIENCE). */
  readonly audience: string;
  /** The claim holding the roles, a dotted path (AUTH_ROLES_CLAIM). */
  readonly rolesClaim: string;
  /** The services' own identity: projected ServiceAccount tokens, verified with the cluster's key set. */
  readonly service: {
    readonly audience: string;
    readonly expirationSeconds: number;
    readonly jwksUrl: string;
    readonly issuer: string;
  };
}

/** The issuer of ServiceAccount tokens on most clusters (kube-apiserver --service-account-issuer). */
export const CLUSTER_ISSUER = 'https://kubernetes.default.svc.cluster.local';

export function authValues(model: Model): AuthValues {
  return {
    jwksUrl: '',
    issuer: '',
    audience: model.platform.name,
    rolesClaim: 'roles',
    service: {
      audience: `${model.platform.name}-services`,
      expirationSeconds: 3600,
      jwksUrl: `${CLUSTER_ISSUER}/openid/v1/jwks`,
      issuer: CLUSTER_ISSUER,
    },
  };
}

/**
 * How the services authenticate to Kafka: SCRAM with their KafkaUser's password (the Secret the
 * User Operator writes, named after the KafkaUser), over TLS trusting the cluster CA.
 */
export interface KafkaAuthValues {
  readonly enabled: boolean;
  readonly mechanism: 'scram-sha-512';
  readonly passwordKey: string;
  readonly tls: { readonly enabled: boolean; readonly caSecretName: string; readonly caKey: string };
  /** Copies of the KafkaUser Secrets and the cluster CA Secret, from the Kafka namespace into a release's own. */
  readonly externalSecrets: {
    readonly enabled: boolean;
    readonly refreshInterval: string;
    readonly secretStoreRef: { readonly kind: 'ClusterSecretStore' | 'SecretStore'; readonly name: string };
  };
}

export interface ChartValues {
  readonly global: {
    readonly namespace: string;
    readonly auth: AuthValues;
    readonly image: { readonly registry: string; readonly tag: string; readonly pullPolicy: string };
    readonly kafka: { readonly namespace: string; readonly bootstrapServers: string; readonly auth: KafkaAuthValues };
    readonly database: { readonly secretName: string; readonly secretKey: string };
    readonly networkPolicy: {
      readonly allowedNamespaces: readonly string[];
      readonly ingressController: PeerValues;
      readonly metricsScraper: PeerValues;
      readonly dns: PeerValues;
      readonly kafka: EgressPeerValues;
      readonly database: EgressPeerValues;
      readonly extraEgress: readonly unknown[];
    };
    readonly gateway: {
      readonly enabled: boolean;
      readonly parentRefs: readonly { readonly name: string; readonly namespace: string }[];
      readonly hostnames: readonly string[];
    };
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
    kafkaUser: kafkaUserName(model, context.name),
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
      ? {
          enabled: true,
          minReplicas: a.min,
          maxReplicas: a.max,
          targetCPUUtilizationPercentage: a.cpuPercent,
          targetMemoryUtilizationPercentage: MEMORY_TARGET_PERCENT,
        }
      : {
          enabled: false,
          minReplicas: deploy.replicas,
          maxReplicas: deploy.replicas,
          targetCPUUtilizationPercentage: model.platform.deploy.scalingDefaults.cpuPercent,
          targetMemoryUtilizationPercentage: MEMORY_TARGET_PERCENT,
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
    // Spread over nodes (a hard rule) and zones (best effort: a cluster may have one zone).
    topologySpread: {
      enabled: maxPods(deploy) >= 2,
      maxSkew: 1,
      nodeWhenUnsatisfiable: 'DoNotSchedule',
      zoneWhenUnsatisfiable: 'ScheduleAnyway',
    },
    networkPolicy: { enabled: true, ...crossNamespacePeers(model, context) },
    routes: exposedRoutes(model, context).map(({ method, pathType, path }) => ({ method, pathType, path })),
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

/** The services of other namespaces that call `context`, and those it calls, sorted. */
function crossNamespacePeers(model: Model, context: Context): Pick<ServiceValues['networkPolicy'], 'callers' | 'callees'> {
  const byPeer = (a: ServicePeer, b: ServicePeer) => compareCodeUnits(a.namespace, b.namespace) || compareCodeUnits(a.service, b.service);
  const callees = callTargets(model, context)
    .filter((t) => t.service.namespace !== context.namespace)
    .map((t) => ({ namespace: t.service.namespace, service: t.service.name, port: t.service.port }))
    .sort(byPeer);
  const callers = (callersOf(model).get(context) ?? [])
    .filter((c) => c.namespace !== context.namespace)
    .map((c) => ({ namespace: c.namespace, service: c.name }))
    .sort(byPeer);
  return { callers, callees };
}

const byName = (namespace: string): LabelSelector => ({ matchLabels: { 'kubernetes.io/metadata.name': namespace } });

export function sortedContexts(model: Model): Context[] {
  return [...model.contexts].sort((a, b) => compareCodeUnits(a.name, b.name));
}

export function chartValues(model: Model): ChartValues {
  const services: Record<string, ServiceValues> = {};
  for (const context of sortedContexts(model)) services[context.name] = serviceValues(model, context);
  return {
    global: {
      namespace: model.platform.namespace,
      auth: authValues(model),
      image: {
        registry: model.platform.deploy.image.registry,
        tag: model.platform.deploy.image.tag,
        pullPolicy: 'IfNotPresent',
      },
      kafka: {
        // Where the cluster, its KafkaUsers and their Secrets live.
        namespace: kafkaNamespace(model),
        // The chart connects with SCRAM over TLS by default (kafka.auth), so to the TLS listener.
        bootstrapServers: kafkaBootstrapServers(model, { tls: true }),
        auth: {
          enabled: true,
          mechanism: 'scram-sha-512',
          passwordKey: 'password',
          tls: { enabled: true, caSecretName: `${model.platform.kafka.cluster}-cluster-ca-cert`, caKey: 'ca.crt' },
          // Off: the operator brings the Secrets into each isolated namespace; on, a release outside
          // the Kafka namespace copies them with the External Secrets Operator from this store.
          externalSecrets: { enabled: false, refreshInterval: '1h', secretStoreRef: { kind: 'ClusterSecretStore', name: '' } },
        },
      },
      database: { secretName: databaseSecretName(model), secretKey: 'url' },
      networkPolicy: {
        allowedNamespaces: [],
        // The Gateway's data plane: by default in the namespace of the Gateway below.
        ingressController: { namespaceSelector: byName(GATEWAY_NAMESPACE), podSelector: { matchLabels: {} } },
        metricsScraper: { namespaceSelector: byName('monitoring'), podSelector: { matchLabels: {} } },
        dns: { namespaceSelector: byName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
        kafka: {
          namespaceSelector: byName(kafkaNamespace(model)),
          podSelector: { matchLabels: { 'strimzi.io/cluster': model.platform.kafka.cluster } },
          ports: [9092, 9093],
        },
        database: {
          namespaceSelector: byName(model.platform.namespace),
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgresql' } },
          ports: [5432],
        },
        extraEgress: [],
      },
      gateway: {
        enabled: true,
        parentRefs: [{ name: `${model.platform.name}-gateway`, namespace: GATEWAY_NAMESPACE }],
        hostnames: [],
      },
    },
    services,
  };
}

export interface NamespaceOverlay {
  readonly global: { readonly namespace: string; readonly database: { readonly secretName: string } };
  readonly services: Readonly<Record<string, { readonly enabled: boolean }>>;
}

/** values-<namespace>.yaml: over values.yaml, switches the release to one isolated namespace. */
export function namespaceOverlay(model: Model, namespace: string): NamespaceOverlay {
  const services: Record<string, { enabled: boolean }> = {};
  for (const context of sortedContexts(model)) services[context.name] = { enabled: context.namespace === namespace };
  return { global: { namespace, database: { secretName: databaseSecretName(model, namespace) } }, services };
}
