/**
 * The Helm chart of the platform: `helm/<platform>/` with Chart.yaml, values.yaml (one entry
 * per context under `services`), values-<namespace>.yaml per isolated namespace (Helm cannot
 * spread one release over namespaces, so each isolated namespace is a release of its own), a
 * strict values.schema.json, and the templates, copied verbatim from templates/helm/.
 */
import type { Context, Model } from '../../model/valid.js';
import { jsonText } from '../emit/json.js';
import { yamlComment, yamlDocument } from '../emit/yaml.js';
import { databaseSecretName, isolatedNamespaces, kafkaBootstrapServers, releaseName } from '../names/kubernetes.js';
import { compareCodeUnits } from '../names/order.js';
import { databaseSchema, SERVICE_ENV } from '../names/env.js';
import { consumerLagTargets } from '../plan/topics.js';
import { GENERATED_HEADER, generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';

/** Where the chart's files live in request.templates. */
export const HELM_TEMPLATE_DIR = 'helm/';

/** The chart files the templates must provide (paths inside the chart). */
export const HELM_CHART_FILES = [
  '.helmignore',
  'templates/NOTES.txt',
  'templates/_helpers.tpl',
  'templates/configmap.yaml',
  'templates/deployment.yaml',
  'templates/hpa.yaml',
  'templates/networkpolicy.yaml',
  'templates/pdb.yaml',
  'templates/scaledobject.yaml',
  'templates/service.yaml',
] as const;

export const CHART_VERSION = '0.1.0';

/** Kubernetes 1.23: autoscaling/v2 and policy/v1 are served. */
export const KUBE_VERSION = '>=1.23.0-0';

// ---------------------------------------------------------------------------------------------
// values.yaml

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

function sortedContexts(model: Model): Context[] {
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

// ---------------------------------------------------------------------------------------------
// values.schema.json

type Schema = Record<string, unknown>;

const int = (minimum: number, maximum?: number): Schema =>
  maximum === undefined ? { type: 'integer', minimum } : { type: 'integer', minimum, maximum };

/** An object whose keys we own: every key known and required. */
function strictObject(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  const { description, ...rest } = extra;
  return {
    ...(description === undefined ? {} : { description }),
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
    ...rest,
  };
}

const enabledIs = (value: boolean): Schema => ({
  type: 'object',
  required: ['enabled'],
  properties: { enabled: { type: 'boolean', const: value } },
});

function definitions(): Record<string, Schema> {
  return {
    dnsLabel: {
      type: 'string',
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
      description: 'A Kubernetes DNS-1123 label.',
    },
    cpu: {
      type: 'string',
      pattern: '^([0-9]+m|[0-9]+(\\.[0-9]+)?)$',
      description: 'A Kubernetes CPU quantity, e.g. 250m or 1.',
    },
    memory: {
      type: 'string',
      pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$',
      description: 'A Kubernetes memory quantity, e.g. 256Mi.',
    },
    topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$', description: 'A Kafka topic name.' },
    probe: strictObject(
      {
        httpGet: strictObject({
          path: { type: 'string', pattern: '^/' },
          port: {
            oneOf: [int(1, 65535), { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 15 }],
          },
        }),
        initialDelaySeconds: int(0),
        periodSeconds: int(1),
        timeoutSeconds: int(1),
        failureThreshold: int(1),
      },
      { description: 'An HTTP probe on the container port (named http).' },
    ),
    service: strictObject(
      {
        enabled: { type: 'boolean', description: 'Whether this release deploys the service (one release per namespace).' },
        replicaCount: { ...int(0), description: 'Replicas when neither autoscaling nor keda is enabled.' },
        image: strictObject(
          {
            repository: { type: 'string', description: 'Empty: <global.image.registry>/<service>.' },
            tag: { type: 'string', pattern: '^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$', description: 'Empty: global.image.tag.' },
            pullPolicy: { enum: ['', 'Always', 'IfNotPresent', 'Never'], description: 'Empty: global.image.pullPolicy.' },
          },
          { description: 'Overrides of the global image settings.' },
        ),
        service: strictObject({
          type: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] },
          port: { ...int(1, 65535), description: 'HTTP port of the Service and the container (PORT).' },
        }),
        resources: strictObject({
          requests: strictObject({ cpu: { $ref: '#/definitions/cpu' }, memory: { $ref: '#/definitions/memory' } }),
          limits: {
            type: 'object',
            additionalProperties: false,
            required: ['memory'],
            properties: { cpu: { $ref: '#/definitions/cpu' }, memory: { $ref: '#/definitions/memory' } },
          },
        }),
        autoscaling: strictObject(
          {
            enabled: { type: 'boolean' },
            minReplicas: int(1),
            maxReplicas: int(1),
            targetCPUUtilizationPercentage: int(1, 100),
          },
          { description: 'A HorizontalPodAutoscaler on CPU. Excludes keda.' },
        ),
        keda: strictObject(
          {
            enabled: { type: 'boolean' },
            lagThreshold: { ...int(1), description: 'Target consumer lag per replica.' },
            minReplicaCount: { ...int(0), description: '0 scales to zero when no record waits (needs triggers).' },
            maxReplicaCount: int(1),
            triggers: {
              type: 'array',
              uniqueItems: true,
              items: strictObject({
                topic: { $ref: '#/definitions/topicName' },
                consumerGroup: { type: 'string', minLength: 1, description: 'The consumer group reading the topic.' },
              }),
              description: 'One kafka trigger each: a topic the service consumes, and the consumer group whose lag KEDA measures.',
            },
          },
          {
            description: 'A KEDA ScaledObject on Kafka consumer lag. Excludes autoscaling.',
            allOf: [
              {
                description: 'keda.enabled needs at least one trigger (a topic and its consumer group).',
                if: enabledIs(true),
                then: { type: 'object', properties: { triggers: { type: 'array', minItems: 1 } } },
              },
              {
                description: 'minReplicaCount 0 needs a trigger: with none, nothing would ever scale the service up again.',
                if: {
                  type: 'object',
                  required: ['minReplicaCount'],
                  properties: { minReplicaCount: { type: 'integer', const: 0 } },
                },
                then: { type: 'object', properties: { triggers: { type: 'array', minItems: 1 } } },
              },
            ],
          },
        ),
        podDisruptionBudget: strictObject({
          enabled: { type: 'boolean' },
          minAvailable: {
            oneOf: [int(0), { type: 'string', pattern: '^[0-9]{1,3}%$' }],
            description: 'Pods that must stay available: a number or a percentage.',
          },
        }),
        networkPolicy: strictObject(
          { enabled: { type: 'boolean' } },
          { description: 'Ingress only from the platform and global.networkPolicy.allowedNamespaces.' },
        ),
        livenessProbe: { $ref: '#/definitions/probe' },
        readinessProbe: { $ref: '#/definitions/probe' },
        database: strictObject({
          schema: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$', description: 'PostgreSQL schema of the service.' },
        }),
        env: {
          type: 'object',
          description: 'More plain environment variables (the ConfigMap), name → value.',
          propertyNames: {
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            not: { enum: Object.values(SERVICE_ENV) },
          },
          additionalProperties: { type: 'string' },
        },
        podAnnotations: { type: 'object', additionalProperties: { type: 'string' } },
        podSecurityContext: { type: 'object', description: 'A Kubernetes PodSecurityContext.' },
        securityContext: { type: 'object', description: 'A Kubernetes SecurityContext of the container.' },
        nodeSelector: { type: 'object', additionalProperties: { type: 'string' } },
        tolerations: { type: 'array', items: { type: 'object' } },
        affinity: { type: 'object', description: 'A Kubernetes Affinity.' },
      },
      {
        allOf: [
          {
            description: 'autoscaling and keda are mutually exclusive: KEDA drives an autoscaler of its own.',
            if: { type: 'object', required: ['autoscaling'], properties: { autoscaling: enabledIs(true) } },
            then: {
              type: 'object',
              properties: { keda: { type: 'object', properties: { enabled: { type: 'boolean', const: false } } } },
            },
          },
        ],
      },
    ),
  };
}

export function valuesSchema(model: Model): Schema {
  const contexts = sortedContexts(model);
  const services: Record<string, Schema> = {};
  for (const context of contexts) services[context.name] = { $ref: '#/definitions/service' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Values of the ${model.platform.name} chart`,
    type: 'object',
    additionalProperties: false,
    required: ['global', 'services'],
    properties: {
      global: strictObject({
        namespace: { $ref: '#/definitions/dnsLabel' },
        image: strictObject({
          registry: { type: 'string', minLength: 1, description: 'Image repository prefix: <registry>/<service>.' },
          tag: { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' },
          pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
        }),
        kafka: strictObject({
          bootstrapServers: { type: 'string', minLength: 1, description: 'host:port[,host:port...] (KAFKA_BROKERS).' },
        }),
        database: strictObject({
          secretName: {
            type: 'string',
            maxLength: 253,
            pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
            description: 'The Secret holding the PostgreSQL URL (DATABASE_URL).',
          },
          secretKey: { type: 'string', pattern: '^[-._a-zA-Z0-9]+$' },
        }),
        networkPolicy: strictObject({
          allowedNamespaces: {
            type: 'array',
            uniqueItems: true,
            items: { $ref: '#/definitions/dnsLabel' },
            description: 'Namespaces (an ingress controller, monitoring) allowed to reach every service.',
          },
        }),
      }),
      services: strictObject(services, { description: 'One entry per bounded context of the model.' }),
    },
    definitions: definitions(),
  };
}

// ---------------------------------------------------------------------------------------------
// Chart files

function chartYaml(model: Model): string {
  return yamlDocument({
    apiVersion: 'v2',
    name: model.platform.name,
    description: model.platform.title,
    type: 'application',
    version: CHART_VERSION,
    appVersion: model.platform.deploy.image.tag,
    kubeVersion: KUBE_VERSION,
  });
}

function valuesComment(model: Model): string {
  const p = model.platform.name;
  const lines = [
    `Values of the ${p} chart (${model.platform.title}), from the model: one entry per bounded`,
    `context under services. values.schema.json checks every value.`,
    ``,
    `One release per Kubernetes namespace:`,
    `  helm install ${p} helm/${p} -n ${model.platform.namespace}`,
  ];
  for (const ns of isolatedNamespaces(model)) {
    lines.push(`  helm install ${releaseName(model, ns)} helm/${p} -n ${ns} -f helm/${p}/values-${ns}.yaml`);
  }
  lines.push(
    ``,
    `Per service: replicaCount applies only while autoscaling (an HPA on CPU) and keda (a KEDA`,
    `ScaledObject on Kafka consumer lag) are both off; the two autoscalers exclude each other.`,
    `keda.triggers: each topic the service consumes, with the consumer group (one per policy and`,
    `per read model) whose lag KEDA measures.`,
    `Environment of each service: SERVICE_NAME, PORT (service.port), KAFKA_BROKERS`,
    `(global.kafka.bootstrapServers) and DATABASE_SCHEMA (database.schema) from its ConfigMap, with`,
    `env for more; DATABASE_URL from the Secret global.database.secretName (key secretKey).`,
    `networkPolicy: ingress to a service only from the platform's pods and from the namespaces in`,
    `global.networkPolicy.allowedNamespaces (add those of the ingress controller and of monitoring).`,
    `Change values with a values file of your own (-f), not here: msa-gen rewrites this file.`,
  );
  return yamlComment(lines);
}

function overlayComment(model: Model, namespace: string): string {
  const p = model.platform.name;
  return yamlComment([
    `The release of isolated namespace "${namespace}", over values.yaml: only the services of`,
    `"${namespace}" are enabled. Helm validates the merged values against values.schema.json.`,
    `  helm install ${releaseName(model, namespace)} helm/${p} -n ${namespace} -f helm/${p}/values-${namespace}.yaml`,
    `The Secret global.database.secretName must exist in "${namespace}" too.`,
  ]);
}

/**
 * A file of the chart's templates/ folder. Its header is a template comment, not `# …`: Helm
 * renders a `#` line into every manifest (and a template whose condition is false would render
 * a manifest holding only that comment), while `{{- /* … *\/ -}}` disappears when rendered.
 */
function chartTemplateFile(path: string, body: string): GeneratedFile {
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return { path, content: `{{- /* ${GENERATED_HEADER} */ -}}\n${text}`, ownership: 'generated' };
}

export function generateHelm(request: GenerateRequest): GeneratedFile[] {
  const { model, templates } = request;
  const root = `helm/${model.platform.name}`;
  const missing = HELM_CHART_FILES.filter((f) => !templates.has(`${HELM_TEMPLATE_DIR}${f}`));
  if (missing.length > 0) throw new Error(`Helm chart templates missing: ${missing.join(', ')}`);

  const files: GeneratedFile[] = [
    generatedFile(`${root}/Chart.yaml`, chartYaml(model)),
    generatedFile(`${root}/values.yaml`, `${valuesComment(model)}\n${yamlDocument(chartValues(model))}`),
    generatedFile(`${root}/values.schema.json`, jsonText(valuesSchema(model))),
  ];
  for (const namespace of isolatedNamespaces(model)) {
    files.push(
      generatedFile(
        `${root}/values-${namespace}.yaml`,
        `${overlayComment(model, namespace)}\n${yamlDocument(namespaceOverlay(model, namespace))}`,
      ),
    );
  }
  const chartFiles = [...templates.keys()].filter((k) => k.startsWith(HELM_TEMPLATE_DIR)).sort(compareCodeUnits);
  for (const key of chartFiles) {
    const inChart = key.slice(HELM_TEMPLATE_DIR.length);
    const body = templates.get(key)!;
    const path = `${root}/${inChart}`;
    files.push(inChart.startsWith('templates/') ? chartTemplateFile(path, body) : generatedFile(path, body));
  }
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}
