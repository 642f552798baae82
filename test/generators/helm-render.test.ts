/**
 * The chart, rendered: every release of gov24, the DMV renewal and the scaffold-kafka-helm
 * fixture (the platform's namespace and each isolated one) goes through Go's text/template and
 * Sprig as `helm template` would (test/support/helm-render), with values.yaml, the namespace's
 * values file and an operator's values merged as Helm merges them. What renders must be what a
 * cluster accepts and what the services need:
 * - every object valid: core kinds against Kubernetes' own schemas (kubernetes-models), KEDA,
 *   External Secrets and Gateway API kinds against their projects' CRDs (test/schemas), unknown
 *   fields refused;
 * - in the release's namespace, one Deployment per service of that namespace and nothing else's;
 * - selectors that select: Service and NetworkPolicy on the Deployment's pod labels, HPA,
 *   ScaledObject and PodDisruptionBudget on the Deployment;
 * - Kafka credentials that meet: each Deployment authenticates as the KafkaUser the kafka
 *   generator emits for it, KEDA's TriggerAuthentication takes the same user and Secrets, and
 *   in an isolated namespace the ExternalSecrets create exactly the Secrets the pods mount;
 * - the template checks fail the render as Helm would (min above max beyond the schema's reach,
 *   no identity provider).
 * Expectations come from the IR and the kafka generator's output, not from the chart.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { load, loadAll } from 'js-yaml';
import { ConfigMap, LimitRange, Namespace, ResourceQuota, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { generateHelm } from '../../src/generators/helm/index.js';
import { generateKafkaTopics } from '../../src/generators/kafka/index.js';
import type { Model } from '../../src/model/valid.js';
import { validateModelText } from '../../src/model/validate.js';
import { crdValidator } from '../support/crd.js';
import { coalesceValues, helmRenderer, renderChart, type Rendered } from '../support/helm-render.js';

const root = join(import.meta.dirname, '..', '..');
const templates = loadTemplates();

type Json = { [key: string]: unknown };
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Json;
  [key: string]: unknown;
}
interface EnvVar { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }
interface Container { name: string; env: EnvVar[]; volumeMounts: { name: string; mountPath: string }[] }
interface Volume { name: string; secret?: { secretName: string; items: { key: string; path: string }[] } }

function modelOf(file: string): Model {
  const result = validateModelText(relative(root, file), readFileSync(file, 'utf8'));
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return result.valid!;
}


/** What an operator adds: the identity provider, and copies of the Kafka Secrets through a store. */
const OPERATOR_VALUES = {
  global: {
    auth: { jwksUrl: 'https://id.example.org/realms/gov/protocol/openid-connect/certs', issuer: 'https://id.example.org/realms/gov' },
    kafka: { auth: { externalSecrets: { enabled: true, secretStoreRef: { kind: 'ClusterSecretStore', name: 'kafka-namespace' } } } },
  },
};

const CORE: Record<string, (o: K8sObject) => void> = {
  'v1/ConfigMap': (o) => new ConfigMap(o as never).validate(),
  'v1/Namespace': (o) => new Namespace(o as never).validate(),
  'v1/ResourceQuota': (o) => new ResourceQuota(o as never).validate(),
  'v1/LimitRange': (o) => new LimitRange(o as never).validate(),
  'v1/Service': (o) => new Service(o as never).validate(),
  'v1/ServiceAccount': (o) => new ServiceAccount(o as never).validate(),
  'apps/v1/Deployment': (o) => new Deployment(o as never).validate(),
  'autoscaling/v2/HorizontalPodAutoscaler': (o) => new HorizontalPodAutoscaler(o as never).validate(),
  'networking.k8s.io/v1/NetworkPolicy': (o) => new NetworkPolicy(o as never).validate(),
  'policy/v1/PodDisruptionBudget': (o) => new PodDisruptionBudget(o as never).validate(),
};

const CRDS = {
  'keda.sh/v1alpha1/ScaledObject': crdValidator('keda-scaledobject-crd.yaml', 'ScaledObject', 'v1alpha1', { closed: true }),
  'keda.sh/v1alpha1/TriggerAuthentication': crdValidator('keda-triggerauthentication-crd.yaml', 'TriggerAuthentication', 'v1alpha1', { closed: true }),
  'external-secrets.io/v1/ExternalSecret': crdValidator('external-secrets-externalsecret-crd.yaml', 'ExternalSecret', 'v1', { closed: true }),
  'gateway.networking.k8s.io/v1/HTTPRoute': crdValidator('gateway-api-httproute-crd.yaml', 'HTTPRoute', 'v1', { closed: true }),
} as const;

const matches = (selector: Record<string, string>, labels: Record<string, string> | undefined) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

beforeAll(() => {
  // Built once (Go's build takes seconds the first time); a missing Go fails here, not per test.
  helmRenderer();
}, 180_000);

describe.each([
  ['gov24', join(root, 'models', 'gov24.yaml')],
  ['dmv', join(root, 'models', 'examples', 'dmv-licence-renewal.yaml')],
  ['scaffold-kafka-helm', join(root, 'test', 'fixtures', 'scaffold-kafka-helm', 'model.yaml')],
])('the chart of %s, rendered', (_label, file) => {
  const model = modelOf(file);
  const request = { model, templates, options: { toolVersion: '0.0.0-test' } };
  const chart = `helm/${model.platform.name}/`;
  const files = generateHelm(request).filter((f) => f.path.startsWith(chart));
  const chartFiles = new Map(files.filter((f) => !/^values(-.*)?\.yaml$/.test(f.path.slice(chart.length))).map((f) => [f.path.slice(chart.length), f.content]));
  const valuesFile = (name: string) => load(files.find((f) => f.path === `${chart}${name}`)!.content);
  const schema = JSON.parse(chartFiles.get('values.schema.json')!) as object;
  const validateValues = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const kafkaUsers = generateKafkaTopics(request)
    .filter((f) => f.path.endsWith('/users.yaml'))
    .flatMap((f) => loadAll(f.content) as (K8sObject | null)[])
    .filter((d): d is K8sObject => d !== null && d.kind === 'KafkaUser');
  const kafkaNamespaces = new Set(kafkaUsers.map((u) => u.metadata.namespace));
  const namespaces = [...new Set(model.contexts.map((c) => c.namespace))].sort();
  const releaseValues = (ns: string) =>
    coalesceValues(ns === model.platform.namespace ? valuesFile('values.yaml') : coalesceValues(valuesFile('values.yaml'), valuesFile(`values-${ns}.yaml`)), OPERATOR_VALUES) as Json;

  it('has every KafkaUser in one Kafka namespace, which the chart names', () => {
    expect(kafkaNamespaces.size).toBe(1);
    expect(((valuesFile('values.yaml') as Json)['global'] as { kafka: { namespace: string } }).kafka.namespace).toBe([...kafkaNamespaces][0]);
  });

  describe.each(namespaces)('release in namespace %s', (ns) => {
    const values = releaseValues(ns);
    const release = ns === model.platform.namespace ? model.platform.name : `${model.platform.name}-${ns}`;
    let rendered: Rendered;
    let objects: K8sObject[];
    const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
    const contexts = model.contexts.filter((c) => c.namespace === ns);
    const inKafkaNamespace = kafkaNamespaces.has(ns);

    beforeAll(() => {
      const outcome = renderChart(chartFiles, values, release, ns);
      if (!outcome.ok) throw new Error(`the chart does not render: ${outcome.error}`);
      rendered = outcome.rendered;
      objects = Object.values(rendered.manifests).flatMap((text) => loadAll(text) as (K8sObject | null)[]).filter((o): o is K8sObject => o !== null);
    });

    it('takes values the schema accepts', () => {
      expect(validateValues(values) ? [] : validateValues.errors).toEqual([]);
    });

    it('renders objects Kubernetes and the operators\' CRDs accept, all in the release\'s namespace', () => {
      expect(objects.length).toBeGreaterThan(0);
      for (const o of objects) {
        const key = `${o.apiVersion}/${o.kind}`;
        expect(o.metadata.namespace, `${key} ${o.metadata.name}`).toBe(ns);
        expect(o.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
        const core = CORE[key];
        const crd = CRDS[key as keyof typeof CRDS];
        expect(core ?? crd, `an object of a kind this test knows: ${key}`).toBeDefined();
        if (core) expect(() => core(o), `${key} ${o.metadata.name}`).not.toThrow();
        else expect(crd(o) ? [] : crd.errors, `${key} ${o.metadata.name}`).toEqual([]);
      }
      // No two objects of one kind share a name.
      const keys = objects.map((o) => `${o.kind}/${o.metadata.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('deploys exactly the services of this namespace, each with its Service and ServiceAccount', () => {
      const names = contexts.map((c) => c.name).sort();
      expect(ofKind('Deployment').map((d) => d.metadata.name).sort()).toEqual(names);
      expect(ofKind('Service').map((d) => d.metadata.name).sort()).toEqual(names);
      expect(ofKind('ServiceAccount').map((d) => d.metadata.name).sort()).toEqual(names);
    });

    it('selects what it means to: Services and NetworkPolicies the pods, autoscalers and budgets the Deployments', () => {
      for (const d of ofKind('Deployment')) {
        const spec = d.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
        const pods = spec.template.metadata.labels;
        expect(matches(spec.selector.matchLabels, pods)).toBe(true);
        const service = ofKind('Service').find((s) => s.metadata.name === d.metadata.name)!;
        expect(matches((service.spec as { selector: Record<string, string> }).selector, pods)).toBe(true);
        const policy = ofKind('NetworkPolicy').find((p) => matches((p.spec as { podSelector: { matchLabels: Record<string, string> } }).podSelector.matchLabels, pods));
        expect(policy, `a NetworkPolicy for ${d.metadata.name}`).toBeDefined();
        // Its egress lets the pods reach the brokers at the bootstrap address's port, in the Kafka namespace.
        const kafka = (values['global'] as { kafka: { namespace: string; bootstrapServers: string } }).kafka;
        const port = Number(/:(\d+)$/.exec(kafka.bootstrapServers)![1]);
        type Rule = { to: { namespaceSelector?: { matchLabels: Record<string, string> }; podSelector?: { matchLabels?: Record<string, string> } }[]; ports?: { port: number; protocol: string }[] };
        const egress = (policy!.spec as { egress: Rule[] }).egress;
        const toBrokers = egress.filter((r) =>
          r.to.some((t) => t.namespaceSelector?.matchLabels['kubernetes.io/metadata.name'] === kafka.namespace && t.podSelector?.matchLabels?.['strimzi.io/cluster'] === model.platform.kafka.cluster));
        expect(toBrokers.some((r) => r.ports?.some((p) => p.port === port && p.protocol === 'TCP')), `${d.metadata.name} reaches Kafka at port ${port}`).toBe(true);
        for (const pdb of ofKind('PodDisruptionBudget').filter((p) => p.metadata.name === d.metadata.name)) {
          expect(matches((pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, pods)).toBe(true);
        }
      }
      const deployments = new Set(ofKind('Deployment').map((d) => d.metadata.name));
      for (const scaler of [...ofKind('HorizontalPodAutoscaler'), ...ofKind('ScaledObject')]) {
        const target = (scaler.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
        expect(target.kind).toBe('Deployment');
        expect(deployments.has(target.name)).toBe(true);
      }
      // Each context's scaling mode, from the model: an HPA on CPU and memory, KEDA, or neither.
      for (const c of contexts) {
        const hpa = ofKind('HorizontalPodAutoscaler').find((h) => h.metadata.name === c.name);
        const keda = ofKind('ScaledObject').find((h) => h.metadata.name === c.name);
        expect(Boolean(hpa)).toBe(Boolean(c.deploy.autoscaling) && !c.deploy.keda);
        expect(Boolean(keda)).toBe(Boolean(c.deploy.keda));
        if (hpa) {
          const metrics = (hpa.spec as { metrics: { resource: { name: string } }[] }).metrics.map((m) => m.resource.name);
          expect(metrics.sort()).toEqual(['cpu', 'memory']);
        }
      }
    });

    it('authenticates every service to Kafka as its KafkaUser, and KEDA the same way', () => {
      for (const d of ofKind('Deployment')) {
        const user = kafkaUsers.find((u) => u.metadata.name === `${model.platform.name}-${d.metadata.name}`);
        expect(user, `the KafkaUser of ${d.metadata.name}`).toBeDefined();
        const pod = (d.spec as { template: { spec: { containers: Container[]; volumes: Volume[] } } }).template.spec;
        const container = pod.containers.find((c) => c.name === d.metadata.name)!;
        const env = new Map(container.env.map((e) => [e.name, e]));
        expect(env.get('KAFKA_SASL_MECHANISM')?.value).toBe('SCRAM-SHA-512');
        expect((user!.spec as { authentication: { type: string } }).authentication.type).toBe('scram-sha-512');
        expect(env.get('KAFKA_SASL_USERNAME')?.value).toBe(user!.metadata.name);
        expect(env.get('KAFKA_SASL_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({ name: user!.metadata.name, key: 'password' });
        expect(env.get('KAFKA_TLS')?.value).toBe('true');
        const caMount = container.volumeMounts.find((m) => m.name === 'kafka-ca')!;
        expect(env.get('KAFKA_TLS_CA_FILE')?.value).toBe(`${caMount.mountPath}/ca.crt`);
        const caVolume = pod.volumes.find((v) => v.name === 'kafka-ca')!;
        expect(caVolume.secret).toEqual({ secretName: `${model.platform.kafka.cluster}-cluster-ca-cert`, items: [{ key: 'ca.crt', path: 'ca.crt' }] });
      }
      for (const scaled of ofKind('ScaledObject')) {
        const triggers = (scaled.spec as { triggers: { type: string; metadata: Record<string, string>; authenticationRef: { name: string } }[] }).triggers;
        expect(triggers.length).toBeGreaterThan(0);
        const auth = ofKind('TriggerAuthentication').find((t) => t.metadata.name === triggers[0]!.authenticationRef.name);
        expect(auth, `the TriggerAuthentication of ${scaled.metadata.name}`).toBeDefined();
        for (const t of triggers) {
          expect(t.type).toBe('kafka');
          expect(t.metadata).toMatchObject({ sasl: 'scram_sha512', tls: 'enable' });
          expect(t.authenticationRef.name).toBe(auth!.metadata.name);
        }
        const deployment = ofKind('Deployment').find((d) => d.metadata.name === scaled.metadata.name)!;
        const container = (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers[0]!;
        const spec = auth!.spec as { env: { parameter: string; name: string; containerName: string }[]; secretTargetRef: { parameter: string; name: string; key: string }[] };
        // The user name KEDA reads from the container is the one the container authenticates with.
        const username = spec.env.find((e) => e.parameter === 'username')!;
        expect(username.containerName).toBe(container.name);
        expect(container.env.find((e) => e.name === username.name)?.value).toBe(`${model.platform.name}-${scaled.metadata.name}`);
        const password = container.env.find((e) => e.name === 'KAFKA_SASL_PASSWORD')!.valueFrom!.secretKeyRef!;
        expect(spec.secretTargetRef).toEqual([
          { parameter: 'password', name: password.name, key: password.key },
          { parameter: 'ca', name: `${model.platform.kafka.cluster}-cluster-ca-cert`, key: 'ca.crt' },
        ]);
      }
    });

    it(inKafkaNamespace
      ? 'copies no Secret in the Kafka namespace, where the User Operator writes them'
      : 'copies exactly the Secrets its pods read from the Kafka namespace', () => {
      const copies = ofKind('ExternalSecret');
      if (inKafkaNamespace) {
        expect(copies).toEqual([]);
        return;
      }
      const needed = new Set<string>();
      for (const d of ofKind('Deployment')) {
        const pod = (d.spec as { template: { spec: { containers: Container[]; volumes: Volume[] } } }).template.spec;
        for (const e of pod.containers.flatMap((c) => c.env)) if (e.valueFrom?.secretKeyRef && e.name.startsWith('KAFKA_')) needed.add(e.valueFrom.secretKeyRef.name);
        for (const v of pod.volumes) if (v.secret) needed.add(v.secret.secretName);
      }
      const targets = copies.map((c) => (c.spec as { target: { name: string } }).target.name).sort();
      expect(targets).toEqual([...needed].sort());
      for (const c of copies) {
        const spec = c.spec as { secretStoreRef: { kind: string; name: string }; target: { name: string }; dataFrom?: { extract: { key: string } }[]; data?: { remoteRef: { key: string } }[] };
        expect(spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'kafka-namespace' });
        // Copied under the same name: the Secret of that name in the Kafka namespace.
        const source = spec.dataFrom?.[0]?.extract.key ?? spec.data?.[0]?.remoteRef.key;
        expect(source).toBe(spec.target.name);
      }
      expect(rendered.notes).toContain('ExternalSecrets copy it');
    });

    it('fails to render without an identity provider, naming the value', () => {
      const global = values['global'] as { auth: Json };
      const outcome = renderChart(chartFiles, { ...values, global: { ...global, auth: { ...global.auth, jwksUrl: '' } } }, release, ns);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.error).toMatch(/global\.auth\.jwksUrl is required/);
    });
  });

  it('applies, before each release, a Namespace, ResourceQuota and LimitRange Kubernetes accepts', () => {
    const generated = generateHelm(request);
    for (const ns of namespaces) {
      const docs = (loadAll(generated.find((f) => f.path === `kubernetes/${ns}/namespace.yaml`)!.content) as (K8sObject | null)[]).filter((d): d is K8sObject => d !== null);
      expect(docs.map((d) => d.kind)).toEqual(['Namespace', 'ResourceQuota', 'LimitRange']);
      for (const d of docs) expect(() => CORE[`${d.apiVersion}/${d.kind}`]!(d), `${d.kind} ${ns}`).not.toThrow();
    }
  });

  it('fails to render an autoscaler whose minimum exceeds its maximum beyond what the schema spells out', () => {
    const values = releaseValues(model.platform.namespace);
    const services = values['services'] as Record<string, { autoscaling: Json; keda: Json; enabled: boolean }>;
    const [name, service] = Object.entries(services).find(([, s]) => s.enabled)!;
    const broken = { ...values, services: { ...services, [name]: { ...service, autoscaling: { ...service.autoscaling, enabled: true, minReplicas: 40, maxReplicas: 30 }, keda: { ...service.keda, enabled: false } } } };
    const outcome = renderChart(chartFiles, broken, model.platform.name, model.platform.namespace);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toContain(`services.${name}.autoscaling: minReplicas (40) is greater than maxReplicas (30)`);
  });
});
