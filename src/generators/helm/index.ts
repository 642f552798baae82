/**
 * The Helm chart of the platform: `helm/<platform>/` with Chart.yaml, values.yaml (one entry
 * per context under `services`), values-<namespace>.yaml per isolated namespace (Helm cannot
 * spread one release over namespaces, so each isolated namespace is a release of its own), a
 * strict values.schema.json, and the templates, copied verbatim from templates/helm/. Besides
 * the chart, `kubernetes/<namespace>/namespace.yaml` per namespace (namespaces.ts): what must
 * exist before a release goes in.
 */
import type { Model } from '../../model/valid.js';
import { HELM_TEMPLATE_HEADER } from '../../tree/index.js';
import { jsonText } from '../emit/json.js';
import { yamlComment, yamlDocument } from '../emit/yaml.js';
import { isolatedNamespaces, releaseName } from '../names/kubernetes.js';
import { compareCodeUnits } from '../names/order.js';
import { keyedFile, type KeyedFile } from '../emit/keyed.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import { namespaceFiles } from './namespaces.js';
import { valuesSchema } from './schema.js';
import { chartValues, namespaceOverlay } from './values.js';


/** Where the chart's files live in request.templates. */
export const HELM_TEMPLATE_DIR = 'helm/';

/** The chart files the templates must provide (paths inside the chart). */
export const HELM_CHART_FILES = [
  '.helmignore',
  'templates/NOTES.txt',
  'templates/_helpers.tpl',
  'templates/configmap.yaml',
  'templates/deployment.yaml',
  'templates/externalsecret.yaml',
  'templates/hpa.yaml',
  'templates/httproute.yaml',
  'templates/networkpolicy.yaml',
  'templates/pdb.yaml',
  'templates/scaledobject.yaml',
  'templates/service.yaml',
  'templates/serviceaccount.yaml',
] as const;

export const CHART_VERSION = '0.1.0';

/** Kubernetes 1.23: autoscaling/v2 and policy/v1 are served. */
export const KUBE_VERSION = '>=1.23.0-0';

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
    `One release per Kubernetes namespace, each after its namespace, quota and limits:`,
    `  kubectl apply -f kubernetes/${model.platform.namespace}/namespace.yaml`,
    `  helm install ${p} helm/${p} -n ${model.platform.namespace}`,
  ];
  for (const ns of isolatedNamespaces(model)) {
    lines.push(`  kubectl apply -f kubernetes/${ns}/namespace.yaml`);
    lines.push(`  helm install ${releaseName(model, ns)} helm/${p} -n ${ns} -f helm/${p}/values-${ns}.yaml`);
  }
  lines.push(
    ``,
    `Per service: replicaCount applies only while autoscaling (an HPA on CPU and memory) and keda (a KEDA`,
    `ScaledObject on Kafka consumer lag) are both off; the two autoscalers exclude each other.`,
    `keda.triggers: each topic the service consumes, with the consumer group (one per policy and`,
    `per read model) whose lag KEDA measures.`,
    `Environment of each service: SERVICE_NAME, PORT (service.port), KAFKA_BROKERS`,
    `(global.kafka.bootstrapServers) and DATABASE_SCHEMA (database.schema) from its ConfigMap, with`,
    `env for more; DATABASE_URL from the Secret global.database.secretName (key secretKey), one per`,
    `release.`,
    `global.auth: how every service verifies its callers. Set jwksUrl and issuer (the identity`,
    `provider's key set and the iss of its tokens) in your values file: without them values.schema.json`,
    `refuses the release. audience and rolesClaim (a dotted path, e.g. realm_access.roles) as the provider`,
    `issues them. service: the services' identity towards each other, a projected ServiceAccount token`,
    `(audience, expirationSeconds) verified against the cluster's key set (jwksUrl, issuer: kube-apiserver`,
    `--service-account-issuer). No dev secret is ever set here.`,
    `global.kafka.auth: each service connects as its KafkaUser (SCRAM-SHA-512 over TLS, port 9093; the`,
    `schema refuses TLS at the plain port 9092), and KEDA reads the lag the same way. The User Operator`,
    `writes the KafkaUser Secrets in global.kafka.namespace: a release in another namespace needs copies,`,
    `which externalSecrets (enabled, secretStoreRef) makes with the External Secrets Operator.`,
    `global.networkPolicy.extraEgress: NetworkPolicy egress rules to the identity provider and to the`,
    `API server serving the cluster's key set (ipBlock rules): without them every request answers 401.`,
    `networkPolicy: ingress to a service only from its namespace, the ingress controller, the metrics`,
    `scraper (global.networkPolicy: set their selectors to your cluster's) and its callers in other`,
    `namespaces; egress only to DNS, Kafka, the database, its namespace and the services it calls.`,
    `routes: what the Gateway API HTTPRoute (global.gateway) exposes: commands with an actor, lookups.`,
    `topologySpread: over nodes and zones, for a service that may run 2 or more pods.`,
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
    `Apply kubernetes/${namespace}/namespace.yaml first. The Secret of this release,`,
    `global.database.secretName below, must exist in "${namespace}".`,
  ]);
}

/**
 * A file of the chart's templates/ folder. Its header is a template comment, not `# …`: Helm
 * renders a `#` line into every manifest (and a template whose condition is false would render
 * a manifest holding only that comment), while `{{- /* … *\/ -}}` disappears when rendered.
 */
function chartTemplateFile(path: string, body: string): GeneratedFile {
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return { path, content: `${HELM_TEMPLATE_HEADER}\n${text}`, ownership: 'generated' };
}

export function generateHelm(request: GenerateRequest): GeneratedFile[] {
  const { files, keyed } = helmFiles(request);
  return [...files, ...keyed.map((k) => k.make())].sort((a, b) => compareCodeUnits(a.path, b.path));
}

/**
 * The chart's files: values.yaml as a keyed file (keyed.ts: made from its comment and values
 * alone, the largest file of the chart at scale), the others made.
 */
export function helmFiles(request: GenerateRequest): { files: GeneratedFile[]; keyed: KeyedFile[] } {
  const { model, templates } = request;
  const root = `helm/${model.platform.name}`;
  const missing = HELM_CHART_FILES.filter((f) => !templates.has(`${HELM_TEMPLATE_DIR}${f}`));
  if (missing.length > 0) throw new Error(`Helm chart templates missing: ${missing.join(', ')}`);

  const values = keyedFile(
    `${root}/values.yaml`,
    () => ({ comment: valuesComment(model), values: chartValues(model) }),
    ({ comment, values }) => generatedFile(`${root}/values.yaml`, `${comment}\n${yamlDocument(values)}`),
  );
  const files: GeneratedFile[] = [
    ...namespaceFiles(model),
    generatedFile(`${root}/Chart.yaml`, chartYaml(model)),
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
  return { files, keyed: [values] };
}
