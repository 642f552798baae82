/**
 * The objects of each Kubernetes namespace the model names, outside the chart:
 * `kubernetes/<namespace>/namespace.yaml` with the Namespace (labelled, Pod Security
 * `restricted`), a ResourceQuota sized from the model's deploy settings, and a LimitRange.
 * They are applied before the namespace's Helm release (`kubectl apply -f`): Helm keeps a
 * release's records in its namespace, so the release cannot create that namespace itself.
 *
 * Quota: per service, the most pods it may run (the autoscaler's or KEDA's maximum, else its
 * replica count) plus the pods a rolling update adds (25% surge, rounded up), times its requests
 * and memory limit; summed over the namespace's services.
 */
import type { Context, Model } from '../../model/valid.js';

type DeploySettings = Context['deploy'];
import { yamlComment, yamlDocument } from '../emit/yaml.js';
import { compareCodeUnits } from '../names/order.js';
import { isolatedNamespaces } from '../names/kubernetes.js';
import { generatedFile, type GeneratedFile } from '../types.js';

/** CPU quantity → millicores: `250m` → 250, `1` → 1000, `0.5` → 500. */
export function milliCpu(quantity: string): number {
  if (quantity.endsWith('m')) return Number(quantity.slice(0, -1));
  return Math.round(Number(quantity) * 1000);
}

const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Memory quantity → bytes: `256Mi` → 268435456. */
export function memoryBytes(quantity: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)([A-Za-z]*)$/.exec(quantity);
  const unit = match ? MEMORY_UNITS[match[2]!] : undefined;
  if (!match || unit === undefined) throw new Error(`not a memory quantity: ${quantity}`);
  return Math.round(Number(match[1]) * unit);
}

/** Millicores → a CPU quantity: whole cores as `2`, else `2500m`. */
export function cpuQuantity(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Bytes → a memory quantity: `Gi` or `Mi` when whole, else bytes. */
export function memoryQuantity(bytes: number): string {
  if (bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30}Gi`;
  if (bytes % 2 ** 20 === 0) return `${bytes / 2 ** 20}Mi`;
  return String(bytes);
}

/** The most pods a service runs in steady state. */
export function maxPods(deploy: DeploySettings): number {
  if (deploy.autoscaling) return deploy.autoscaling.max;
  if (deploy.keda) return deploy.keda.max;
  return deploy.replicas;
}

/** The most pods a service runs during a rolling update (Kubernetes' default maxSurge, 25%, rounded up). */
export function maxPodsInRollout(deploy: DeploySettings): number {
  const most = maxPods(deploy);
  return most + Math.ceil(most / 4);
}

export interface NamespaceQuota {
  readonly pods: number;
  readonly requestsCpu: string;
  readonly requestsMemory: string;
  readonly limitsMemory: string;
}

export function namespaceQuota(contexts: readonly Context[]): NamespaceQuota {
  let pods = 0;
  let cpu = 0;
  let memory = 0;
  for (const c of contexts) {
    const n = maxPodsInRollout(c.deploy);
    pods += n;
    cpu += n * milliCpu(c.deploy.cpu);
    memory += n * memoryBytes(c.deploy.memory);
  }
  // The chart sets the memory limit to the memory request.
  return { pods, requestsCpu: cpuQuantity(cpu), requestsMemory: memoryQuantity(memory), limitsMemory: memoryQuantity(memory) };
}

/** Every namespace of the model, the platform's first, then the isolated ones sorted. */
export function modelNamespaces(model: Model): string[] {
  return [model.platform.namespace, ...isolatedNamespaces(model)];
}

function labels(model: Model): Record<string, string> {
  return { 'app.kubernetes.io/managed-by': 'msa-gen', 'app.kubernetes.io/part-of': model.platform.name };
}

export function namespaceObjects(model: Model, namespace: string): Record<string, unknown>[] {
  const contexts = model.contexts.filter((c) => c.namespace === namespace);
  const quota = namespaceQuota(contexts);
  const defaults = model.platform.deploy.defaults;
  const largest = Math.max(memoryBytes(defaults.memory), ...contexts.map((c) => memoryBytes(c.deploy.memory)));
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: {
          ...labels(model),
          // What the NetworkPolicies select (Kubernetes sets it too, from 1.22).
          'kubernetes.io/metadata.name': namespace,
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: `${model.platform.name}-quota`, namespace, labels: labels(model) },
      spec: {
        hard: {
          pods: String(quota.pods),
          'requests.cpu': quota.requestsCpu,
          'requests.memory': quota.requestsMemory,
          'limits.memory': quota.limitsMemory,
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: `${model.platform.name}-limits`, namespace, labels: labels(model) },
      spec: {
        limits: [
          {
            type: 'Container',
            default: { memory: defaults.memory },
            defaultRequest: { cpu: defaults.cpu, memory: defaults.memory },
            // No CPU maximum: it would give every container a CPU limit (the chart sets none).
            max: { memory: memoryQuantity(largest) },
          },
        ],
      },
    },
  ];
}

export function namespaceFiles(model: Model): GeneratedFile[] {
  return modelNamespaces(model).map((namespace) => {
    const services = model.contexts
      .filter((c) => c.namespace === namespace)
      .map((c) => c.name)
      .sort(compareCodeUnits);
    const comment = yamlComment([
      `Namespace "${namespace}" of platform "${model.platform.name}" (services: ${services.join(', ')}):`,
      `the Namespace, a ResourceQuota that holds every service at its most replicas during a rolling`,
      `update, and a LimitRange. Apply it before the namespace's Helm release:`,
      `  kubectl apply -f kubernetes/${namespace}/namespace.yaml`,
    ]);
    const documents = namespaceObjects(model, namespace).map((o) => `---\n${yamlDocument(o)}`);
    return generatedFile(`kubernetes/${namespace}/namespace.yaml`, `${comment}\n${documents.join('')}`);
  });
}
