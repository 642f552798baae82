/**
 * values.schema.json of the chart: a strict JSON Schema (draft-07, what Helm validates values
 * against) for every value, one `services` entry per context.
 */
import type { Model } from '../../model/valid.js';
import { AUTH_ENV, SERVICE_ENV } from '../names/env.js';
import { budgetBelowFloor, minNotAboveMax } from './schema-constraints.js';
import { sortedContexts } from './values.js';


export type Schema = Record<string, unknown>;

/**
 * Variables the deployment sets besides SERVICE_ENV: the cluster's CA and the AUTH_* settings
 * (refused by prefix in `env`: global.auth sets them, and the dev secret must never be set).
 */
const CHART_ENV = ['NODE_EXTRA_CA_CERTS'];
const AUTH_PREFIX = `^${AUTH_ENV.jwksUrl.slice(0, AUTH_ENV.jwksUrl.indexOf('_') + 1)}`;

const url: Schema = { type: 'string', pattern: '^https?://[^\\s/]+\\S*$' };

/** global.auth: jwksUrl and issuer have no default, so a release that sets neither fails validation. */
function authSchema(): Schema {
  return strictObject(
    {
      jwksUrl: { ...url, description: "Required: the identity provider's JWKS URL (AUTH_JWKS_URL). Reach it with global.networkPolicy.extraEgress." },
      issuer: { type: 'string', minLength: 1, description: "Required: the iss claim of the identity provider's tokens (AUTH_ISSUER)." },
      audience: { type: 'string', minLength: 1, description: 'The aud claim the tokens must carry (AUTH_AUDIENCE).' },
      rolesClaim: {
        type: 'string',
        pattern: '^[^.\\s]+(\\.[^.\\s]+)*$',
        description: 'The claim holding the roles, a dotted path such as realm_access.roles (AUTH_ROLES_CLAIM).',
      },
      service: strictObject(
        {
          audience: { type: 'string', minLength: 1, description: 'Audience of the projected token, and the one the services require (AUTH_SERVICE_AUDIENCE).' },
          expirationSeconds: { ...int(600, 4294967296), description: 'Lifetime of the projected token; the kubelet rotates it at 80%.' },
          jwksUrl: { ...url, description: "The cluster's ServiceAccount key set (AUTH_SERVICE_JWKS_URL): <issuer>/openid/v1/jwks." },
          issuer: { type: 'string', minLength: 1, description: "The cluster's ServiceAccount issuer (AUTH_SERVICE_ISSUER)." },
        },
        { description: 'The services\' identity towards each other: a projected ServiceAccount token (AUTH_SERVICE_TOKEN_FILE).' },
      ),
    },
    { description: 'How every service verifies its callers (bearer JWTs) and the other services.' },
  );
}

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
    labelSelector: {
      type: 'object',
      additionalProperties: false,
      required: ['matchLabels'],
      properties: {
        matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
        matchExpressions: { type: 'array', items: { type: 'object' } },
      },
      description: 'A Kubernetes label selector; empty matchLabels select everything.',
    },
    peer: strictObject(
      { namespaceSelector: { $ref: '#/definitions/labelSelector' }, podSelector: { $ref: '#/definitions/labelSelector' } },
      { description: 'Pods (podSelector) in namespaces (namespaceSelector), as a NetworkPolicy peer.' },
    ),
    egressPeer: strictObject(
      {
        namespaceSelector: { $ref: '#/definitions/labelSelector' },
        podSelector: { $ref: '#/definitions/labelSelector' },
        ports: { type: 'array', minItems: 1, uniqueItems: true, items: int(1, 65535) },
      },
      { description: 'A NetworkPolicy egress destination and its TCP ports.' },
    ),
    servicePeer: strictObject({ namespace: { $ref: '#/definitions/dnsLabel' }, service: { $ref: '#/definitions/dnsLabel' } }),
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
        kafkaUser: {
          type: 'string',
          minLength: 1,
          description: "The service's KafkaUser (KAFKA_SASL_USERNAME); its Secret of the same name holds the password.",
        },
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
            minReplicas: { ...int(1), description: 'At most maxReplicas.' },
            maxReplicas: int(1),
            targetCPUUtilizationPercentage: int(1, 100),
            targetMemoryUtilizationPercentage: int(1, 100),
          },
          { description: 'A HorizontalPodAutoscaler on CPU and memory. Excludes keda.', allOf: [minNotAboveMax('minReplicas', 'maxReplicas')] },
        ),
        keda: strictObject(
          {
            enabled: { type: 'boolean' },
            lagThreshold: { ...int(1), description: 'Target consumer lag per replica.' },
            minReplicaCount: { ...int(0), description: '0 scales to zero when no record waits (needs triggers). At most maxReplicaCount.' },
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
              minNotAboveMax('minReplicaCount', 'maxReplicaCount'),
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
            oneOf: [int(0), { type: 'string', pattern: '^[0-9]{1,2}%$' }],
            description: 'Pods that must stay available: a number below the fewest replicas, or a percentage below 100%.',
          },
        }),
        topologySpread: strictObject(
          {
            enabled: { type: 'boolean', description: 'On for a service that may run 2 or more pods.' },
            maxSkew: int(1),
            nodeWhenUnsatisfiable: { enum: ['DoNotSchedule', 'ScheduleAnyway'] },
            zoneWhenUnsatisfiable: { enum: ['DoNotSchedule', 'ScheduleAnyway'] },
          },
          { description: 'topologySpreadConstraints over nodes (kubernetes.io/hostname) and zones (topology.kubernetes.io/zone).' },
        ),
        networkPolicy: strictObject(
          {
            enabled: { type: 'boolean' },
            callers: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/servicePeer' } },
            callees: {
              type: 'array',
              uniqueItems: true,
              items: strictObject({
                namespace: { $ref: '#/definitions/dnsLabel' },
                service: { $ref: '#/definitions/dnsLabel' },
                port: int(1, 65535),
              }),
            },
          },
          {
            description:
              'Ingress from the namespace, the ingress controller, the metrics scraper and callers; egress to Kafka, the database, DNS, the namespace and callees.',
          },
        ),
        routes: {
          type: 'array',
          uniqueItems: true,
          items: strictObject({
            method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
            pathType: { enum: ['Exact', 'PathPrefix', 'RegularExpression'] },
            path: { type: 'string', minLength: 1, pattern: '^[/^]' },
          }),
          description: 'The routes the HTTPRoute exposes: commands with an actor, and lookups. Never internal or admin routes.',
        },
        livenessProbe: { $ref: '#/definitions/probe' },
        readinessProbe: { $ref: '#/definitions/probe' },
        database: strictObject({
          schema: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$', description: 'PostgreSQL schema of the service.' },
        }),
        env: {
          type: 'object',
          description:
            'More plain environment variables (the ConfigMap), name → value. Not the ones the chart sets, nor any AUTH_* (global.auth sets them; never a dev secret).',
          propertyNames: {
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            not: {
              anyOf: [{ enum: [...Object.values(SERVICE_ENV), ...CHART_ENV] }, { pattern: AUTH_PREFIX }],
            },
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
          ...budgetBelowFloor(),
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
        auth: authSchema(),
        image: strictObject({
          registry: { type: 'string', minLength: 1, description: 'Image repository prefix: <registry>/<service>.' },
          tag: { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' },
          pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
        }),
        kafka: strictObject({
          namespace: { $ref: '#/definitions/dnsLabel', description: 'The Kafka cluster\'s namespace: its KafkaUsers and their Secrets.' },
          bootstrapServers: { type: 'string', minLength: 1, description: 'host:port[,host:port...] (KAFKA_BROKERS).' },
          auth: strictObject({
            enabled: { type: 'boolean', description: 'SASL with each service\'s KafkaUser (KAFKA_SASL_*).' },
            mechanism: { enum: ['scram-sha-512'], description: 'The KafkaUsers\' authentication type.' },
            passwordKey: { type: 'string', pattern: '^[-._a-zA-Z0-9]+$', description: 'The key of the password in each KafkaUser\'s Secret.' },
            tls: strictObject({
              enabled: { type: 'boolean', description: 'TLS to the brokers (KAFKA_TLS), trusting the cluster CA.' },
              caSecretName: { type: 'string', minLength: 1, description: 'The cluster CA certificate Secret: <cluster>-cluster-ca-cert.' },
              caKey: { type: 'string', pattern: '^[-._a-zA-Z0-9]+$' },
            }),
            externalSecrets: strictObject(
              {
                enabled: { type: 'boolean', description: 'In a release outside global.kafka.namespace: an ExternalSecret per KafkaUser Secret and for the cluster CA.' },
                refreshInterval: { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$', description: 'How often the copies are refreshed (a Go duration).' },
                secretStoreRef: strictObject({
                  kind: { enum: ['ClusterSecretStore', 'SecretStore'] },
                  name: { type: 'string', description: 'A store of the External Secrets Operator reading Secrets of global.kafka.namespace.' },
                }),
              },
              {
                description: 'Enabled needs the name of the store to copy from.',
                if: { type: 'object', required: ['enabled'], properties: { enabled: { const: true } } },
                then: { properties: { secretStoreRef: { type: 'object', properties: { name: { type: 'string', minLength: 1 } } } } },
              },
            ),
          }),
        }, {
          description: 'TLS (auth.tls.enabled) goes to a TLS listener: never the plain listener\'s port 9092.',
          if: { type: 'object', required: ['auth'], properties: { auth: { type: 'object', required: ['tls'], properties: { tls: { type: 'object', required: ['enabled'], properties: { enabled: { const: true } } } } } } },
          then: { properties: { bootstrapServers: { type: 'string', not: { type: 'string', pattern: ':9092(,|$)' } } } },
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
            description: 'More namespaces allowed to reach every service.',
          },
          ingressController: { $ref: '#/definitions/peer' },
          metricsScraper: { $ref: '#/definitions/peer' },
          dns: { $ref: '#/definitions/peer' },
          kafka: { $ref: '#/definitions/egressPeer' },
          database: { $ref: '#/definitions/egressPeer' },
          extraEgress: {
            type: 'array',
            items: { type: 'object' },
            description: 'More NetworkPolicy egress rules (e.g. to the identity provider serving the JWKS).',
          },
        }),
        gateway: strictObject(
          {
            enabled: { type: 'boolean' },
            parentRefs: {
              type: 'array',
              minItems: 1,
              items: strictObject({ name: { $ref: '#/definitions/dnsLabel' }, namespace: { $ref: '#/definitions/dnsLabel' } }),
            },
            hostnames: {
              type: 'array',
              uniqueItems: true,
              items: { type: 'string', pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
            },
          },
          { description: 'Gateway API HTTPRoutes attached to these Gateways: the front door.' },
        ),
      }),
      services: strictObject(services, { description: 'One entry per bounded context of the model.' }),
    },
    definitions: definitions(),
  };
}
