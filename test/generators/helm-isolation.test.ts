/**
 * Isolation of each namespace, on gov24 (two isolated namespaces) and the scaffold-kafka-helm
 * fixture: the Namespace, ResourceQuota and LimitRange of kubernetes/<namespace>/namespace.yaml;
 * the NetworkPolicy, topology spread, HPA and HTTPRoute templates with the values they read; a
 * database Secret per release; and values.schema.json refusing what MSA601 refuses.
 *
 * No `helm` binary runs here: templates are checked here as text, for what they select and from
 * which values (helm-render.test.ts renders them with Go's text/template and Sprig), and values
 * as data; expectations come from the IR, not the generator's helpers.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { generateHelm } from '../../src/generators/helm/index.js';
import { SCHEMA_EXACT_UP_TO } from '../../src/generators/helm/schema-constraints.js';
import { pathMatch } from '../../src/generators/helm/routes.js';
import type { GeneratedFile } from '../../src/generators/types.js';
import type { Context, Model } from '../../src/model/valid.js';
import { validateModelText } from '../../src/model/validate.js';
import { coalesceValues } from '../support/helm-render.js';

const root = join(import.meta.dirname, '..', '..');
const templates = loadTemplates();

type JsonObject = { [key: string]: unknown };

function modelOf(file: string): Model {
  const result = validateModelText(relative(root, file), readFileSync(file, 'utf8'));
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return result.valid!;
}

const fileAt = (files: readonly GeneratedFile[], path: string): GeneratedFile => {
  const found = files.find((f) => f.path === path);
  expect(found, path).toBeDefined();
  return found!;
};


const milli = (cpu: string) => (cpu.endsWith('m') ? Number(cpu.slice(0, -1)) : Number(cpu) * 1000);
const mebi = (memory: string) => {
  const m = /^(\d+)(Mi|Gi)$/.exec(memory);
  expect(m, memory).not.toBeNull();
  return Number(m![1]) * (m![2] === 'Gi' ? 1024 : 1);
};

/** The most pods of a context, plus a rolling update's 25% surge (rounded up). */
function podsInRollout(c: Context): number {
  const most = c.deploy.autoscaling?.max ?? c.deploy.keda?.max ?? c.deploy.replicas;
  return most + Math.ceil(most / 4);
}

describe.each([
  ['gov24', join(root, 'models', 'gov24.yaml')],
  ['scaffold-kafka-helm', join(root, 'test', 'fixtures', 'scaffold-kafka-helm', 'model.yaml')],
])('isolation of the namespaces of %s', (_label, file) => {
  const model = modelOf(file);
  const files = generateHelm({ model, templates, options: { toolVersion: '0.0.0-test' } });
  const chart = `helm/${model.platform.name}`;
  // values.yaml under the operator's values file, which must name the identity provider.
  const values = coalesceValues(load(fileAt(files, `${chart}/values.yaml`).content), {
    global: { auth: { jwksUrl: 'https://id.example.org/certs', issuer: 'https://id.example.org' } },
  }) as JsonObject;
  const schema = JSON.parse(fileAt(files, `${chart}/values.schema.json`).content) as object;
  const validate: ValidateFunction = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const namespaces = [...new Set(model.contexts.map((c) => c.namespace))];
  const isolated = namespaces.filter((ns) => ns !== model.platform.namespace);
  const template = (name: string) => fileAt(files, `${chart}/templates/${name}`).content;
  const releaseValues = (ns: string): JsonObject =>
    ns === model.platform.namespace
      ? values
      : (coalesceValues(values, load(fileAt(files, `${chart}/values-${ns}.yaml`).content)) as JsonObject);
  const services = (v: JsonObject) => v['services'] as Record<string, JsonObject>;
  const global = (v: JsonObject) => v['global'] as JsonObject;

  it('has isolated namespaces to check', () => {
    expect(isolated.length).toBeGreaterThan(0);
  });

  describe.each(namespaces)('namespace %s', (ns) => {
    const docs = loadAll(fileAt(files, `kubernetes/${ns}/namespace.yaml`).content).filter((d) => d) as JsonObject[];
    const byKind = (kind: string) => docs.filter((d) => d['kind'] === kind);
    const contexts = model.contexts.filter((c) => c.namespace === ns);

    it('has a Namespace labelled for the NetworkPolicies and Pod Security (restricted)', () => {
      expect(docs.map((d) => d['kind'])).toEqual(['Namespace', 'ResourceQuota', 'LimitRange']);
      const namespace = byKind('Namespace')[0]!;
      expect(namespace['apiVersion']).toBe('v1');
      const metadata = namespace['metadata'] as { name: string; labels: Record<string, string> };
      expect(metadata.name).toBe(ns);
      expect(metadata.labels['kubernetes.io/metadata.name']).toBe(ns);
      expect(metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
      expect(metadata.labels['app.kubernetes.io/part-of']).toBe(model.platform.name);
    });

    it('has a ResourceQuota that fits every service at its most replicas during a rolling update', () => {
      const quota = byKind('ResourceQuota')[0]!;
      expect((quota['metadata'] as JsonObject)['namespace']).toBe(ns);
      const hard = (quota['spec'] as { hard: Record<string, string> }).hard;
      const pods = contexts.reduce((n, c) => n + podsInRollout(c), 0);
      const cpu = contexts.reduce((n, c) => n + podsInRollout(c) * milli(c.deploy.cpu), 0);
      const memory = contexts.reduce((n, c) => n + podsInRollout(c) * mebi(c.deploy.memory), 0);
      expect(Number(hard['pods'])).toBe(pods);
      expect(milli(hard['requests.cpu']!)).toBe(cpu);
      expect(mebi(hard['requests.memory']!)).toBe(memory);
      expect(mebi(hard['limits.memory']!)).toBe(memory);
      // At least every autoscaler's maximum fits.
      const most = contexts.reduce((n, c) => n + (c.deploy.autoscaling?.max ?? c.deploy.keda?.max ?? c.deploy.replicas), 0);
      expect(Number(hard['pods'])).toBeGreaterThanOrEqual(most);
    });

    it('has a LimitRange whose defaults are the platform defaults and whose maximum admits every service', () => {
      const limits = (byKind('LimitRange')[0]!['spec'] as { limits: JsonObject[] }).limits;
      expect(limits).toHaveLength(1);
      const container = limits[0] as { type: string; default: JsonObject; defaultRequest: JsonObject; max: JsonObject };
      expect(container.type).toBe('Container');
      expect(container.defaultRequest).toEqual({ cpu: model.platform.deploy.defaults.cpu, memory: model.platform.deploy.defaults.memory });
      expect(container.default).toEqual({ memory: model.platform.deploy.defaults.memory });
      for (const c of contexts) expect(mebi(container.max['memory'] as string)).toBeGreaterThanOrEqual(mebi(c.deploy.memory));
      expect(container.max['cpu']).toBeUndefined();
    });

    it('has its own release: only its services enabled, its own Secret name, the namespace set', () => {
      const v = releaseValues(ns);
      expect(errorsOf(validate, v)).toEqual([]);
      expect(global(v)['namespace']).toBe(ns);
      for (const c of model.contexts) expect(services(v)[c.name]!['enabled'], c.name).toBe(c.namespace === ns);
    });
  });

  it('gives every release a Secret of its own', () => {
    const names = namespaces.map((ns) => (global(releaseValues(ns))['database'] as JsonObject)['secretName']);
    expect(new Set(names).size).toBe(namespaces.length);
    for (const ns of isolated) expect(names[namespaces.indexOf(ns)]).toBe(`${ns.startsWith(`${model.platform.name}-`) ? ns : `${model.platform.name}-${ns}`}-database`);
    expect(template('deployment.yaml')).toContain('name: {{ $.Values.global.database.secretName }}');
  });

  it('admits ingress only from the namespace, the ingress controller, the scraper and callers; egress only to DNS, Kafka, the database', () => {
    const np = template('networkpolicy.yaml');
    expect(np).toMatch(/policyTypes:\n\s+- Ingress\n\s+- Egress/);
    // Never every namespace: an empty namespaceSelector would admit any pod of the cluster.
    expect(np).not.toContain('namespaceSelector: {}');
    expect(np).toMatch(/from:\n\s+- podSelector: \{\}\n/); // this namespace (a peer without namespaceSelector)
    for (const peer of ['ingressController', 'metricsScraper']) {
      expect(np).toContain(`toYaml $.Values.global.networkPolicy.${peer}.namespaceSelector`);
      expect(np).toContain(`toYaml $.Values.global.networkPolicy.${peer}.podSelector`);
    }
    expect(np).toContain('{{- range $caller := $svc.networkPolicy.callers }}');
    expect(np).toMatch(/- port: 53\n\s+protocol: UDP/);
    for (const peer of ['dns', 'kafka', 'database']) expect(np).toContain(`toYaml $.Values.global.networkPolicy.${peer}.namespaceSelector`);
    const policy = global(values)['networkPolicy'] as Record<string, { namespaceSelector: { matchLabels: Record<string, string> }; podSelector: { matchLabels: Record<string, string> }; ports?: number[] }>;
    // Every selector of the defaults picks named namespaces, none is empty.
    for (const peer of ['ingressController', 'metricsScraper', 'dns', 'kafka', 'database']) {
      expect(Object.keys(policy[peer]!.namespaceSelector.matchLabels), peer).toEqual(['kubernetes.io/metadata.name']);
    }
    expect(policy['kafka']!.namespaceSelector.matchLabels['kubernetes.io/metadata.name']).toBe(model.platform.namespace);
    expect(policy['kafka']!.podSelector.matchLabels).toEqual({ 'strimzi.io/cluster': model.platform.kafka.cluster });
    expect(policy['database']!.ports).toEqual([5432]);
    expect(policy['dns']!.podSelector.matchLabels).toEqual({ 'k8s-app': 'kube-dns' });
  });

  it('admits the callers from other namespaces, and nobody else from there', () => {
    for (const c of model.contexts) {
      const np = services(values)[c.name]!['networkPolicy'] as { callers: { namespace: string; service: string }[]; callees: { namespace: string; service: string }[] };
      const callers = model.calls.filter((call) => call.to.target === c && call.from.target.namespace !== c.namespace);
      for (const call of callers) expect(np.callers).toContainEqual({ namespace: call.from.target.namespace, service: call.from.target.name });
      for (const peer of np.callers) expect(peer.namespace).not.toBe(c.namespace);
      for (const peer of np.callees) expect(peer.namespace).not.toBe(c.namespace);
    }
  });

  it('spreads every service that may run 2 or more pods across nodes and zones', () => {
    const deployment = template('deployment.yaml');
    expect(deployment).toContain('{{- if $svc.topologySpread.enabled }}');
    expect(deployment).toContain('topologyKey: kubernetes.io/hostname');
    expect(deployment).toContain('topologyKey: topology.kubernetes.io/zone');
    expect(deployment.match(/labelSelector:\n\s+matchLabels:\n\s+\{\{- include "msa-gen.selectorLabels" \$ctx/g)).toHaveLength(2);
    for (const c of model.contexts) {
      const most = c.deploy.autoscaling?.max ?? c.deploy.keda?.max ?? c.deploy.replicas;
      const spread = services(values)[c.name]!['topologySpread'] as JsonObject;
      expect(spread['enabled'], c.name).toBe(most >= 2);
      expect(spread['nodeWhenUnsatisfiable']).toBe('DoNotSchedule');
    }
  });

  it('scales the HPA on CPU and memory', () => {
    const hpa = template('hpa.yaml');
    expect(hpa).toMatch(/name: cpu\n\s+target:\n\s+type: Utilization\n\s+averageUtilization: \{\{ \$svc\.autoscaling\.targetCPUUtilizationPercentage \}\}/);
    expect(hpa).toMatch(/name: memory\n\s+target:\n\s+type: Utilization\n\s+averageUtilization: \{\{ \$svc\.autoscaling\.targetMemoryUtilizationPercentage \}\}/);
    for (const c of model.contexts) {
      const a = services(values)[c.name]!['autoscaling'] as JsonObject;
      expect(a['targetMemoryUtilizationPercentage']).toBeGreaterThan(0);
      if (c.deploy.autoscaling) expect(a['targetCPUUtilizationPercentage']).toBe(c.deploy.autoscaling.cpuPercent);
    }
  });

  it('exposes through the HTTPRoute only the routes of commands with an actor, and lookups', () => {
    const route = template('httproute.yaml');
    expect(route).toContain('apiVersion: gateway.networking.k8s.io/v1');
    expect(route).toContain('{{- range $route := $svc.routes }}');
    expect(route).toMatch(/- method: \{\{ \$route\.method \}\}\n\s+path:\n\s+type: \{\{ \$route\.pathType \}\}/);
    for (const c of model.contexts) {
      const routes = services(values)[c.name]!['routes'] as { method: string; pathType: string; path: string }[];
      const matches = (method: string, path: string) =>
        routes.some((r) => r.method === method && (r.pathType === 'Exact' ? r.path === path : new RegExp(r.path).test(path)));
      const sample = (path: string) => path.replace(/\{[^}]+\}/g, 'x-1');
      let expected = 0;
      for (const command of c.aggregates.flatMap((a) => a.commands)) {
        if (!command.http) continue;
        if (command.actor !== undefined) expected++;
        expect(matches(command.http.method, sample(command.http.path)), `${command.name}`).toBe(command.actor !== undefined);
      }
      for (const r of c.readModels) {
        expected++;
        expect(matches('GET', sample(r.http.path)), r.name).toBe(true);
        expect(matches('GET', `${sample(r.http.path)}/more`), `${r.name} is anchored`).toBe(false);
      }
      expect(routes).toHaveLength(expected);
      for (const path of ['/admin/dlq', '/admin/dlq/x-1/replay', '/metrics', '/healthz', '/readyz', '/commands/anything']) {
        expect(matches('GET', path) || matches('POST', path), path).toBe(false);
      }
    }
  });

  describe('values.schema.json refuses what MSA601 refuses', () => {
    const first = [...model.contexts].sort((a, b) => (a.name < b.name ? -1 : 1))[0]!.name;
    const mutated = (change: (svc: JsonObject) => void): string[] => {
      const copy = structuredClone(values);
      change(services(copy)[first]!);
      return errorsOf(validate, copy);
    };
    const autoscaling = (svc: JsonObject) => svc['autoscaling'] as JsonObject;
    const keda = (svc: JsonObject) => svc['keda'] as JsonObject;
    const pdb = (svc: JsonObject) => svc['podDisruptionBudget'] as JsonObject;

    it('HPA minReplicas above maxReplicas, for every minimum up to the exact bound', () => {
      for (let min = 2; min <= SCHEMA_EXACT_UP_TO; min++) {
        expect(mutated((s) => Object.assign(autoscaling(s), { enabled: true, minReplicas: min, maxReplicas: min - 1 })).length, `${min}`).toBeGreaterThan(0);
        expect(mutated((s) => Object.assign(autoscaling(s), { enabled: true, minReplicas: min, maxReplicas: min }))).toEqual([]);
      }
    });

    it('KEDA minReplicaCount above maxReplicaCount', () => {
      const errors = mutated((s) => {
        autoscaling(s)['enabled'] = false;
        Object.assign(keda(s), { enabled: true, minReplicaCount: 4, maxReplicaCount: 3, triggers: [{ topic: 'T', consumerGroup: 'g' }] });
      });
      expect(errors.length).toBeGreaterThan(0);
    });

    it('a PodDisruptionBudget not below the fewest replicas, in each scaling mode', () => {
      const on = (s: JsonObject, minAvailable: number | string) => Object.assign(pdb(s), { enabled: true, minAvailable });
      // autoscaling on: against minReplicas
      const hpa = (s: JsonObject) => Object.assign(autoscaling(s), { enabled: true, minReplicas: 3, maxReplicas: 6 }) && (keda(s)['enabled'] = false);
      expect(mutated((s) => (hpa(s), on(s, 3))).length).toBeGreaterThan(0);
      expect(mutated((s) => (hpa(s), on(s, 2)))).toEqual([]);
      // neither: against replicaCount
      const fixed = (s: JsonObject) => (autoscaling(s)['enabled'] = false) || (keda(s)['enabled'] = false) || (s['replicaCount'] = 2);
      expect(mutated((s) => (fixed(s), on(s, 2))).length).toBeGreaterThan(0);
      expect(mutated((s) => (fixed(s), on(s, 1)))).toEqual([]);
      expect(mutated((s) => (fixed(s), on(s, '100%'))).length).toBeGreaterThan(0);
      expect(mutated((s) => (fixed(s), on(s, '50%')))).toEqual([]);
      // keda: against minReplicaCount (0 lets no budget through)
      const scaled = (s: JsonObject) => {
        autoscaling(s)['enabled'] = false;
        Object.assign(keda(s), { enabled: true, minReplicaCount: 0, maxReplicaCount: 5, triggers: [{ topic: 'T', consumerGroup: 'g' }] });
      };
      expect(mutated((s) => (scaled(s), on(s, 0))).length).toBeGreaterThan(0);
      // a disabled budget is not checked
      expect(mutated((s) => (fixed(s), Object.assign(pdb(s), { enabled: false, minAvailable: 5 })))).toEqual([]);
    });

    it('and the templates fail the render beyond the exact bound', () => {
      const helpers = template('_helpers.tpl');
      expect(helpers).toContain('{{- define "msa-gen.validate" -}}');
      expect(helpers).toMatch(/if gt \(int \$a\.minReplicas\) \(int \$a\.maxReplicas\)/);
      expect(helpers).toMatch(/if gt \(int \$k\.minReplicaCount\) \(int \$k\.maxReplicaCount\)/);
      expect(helpers).toMatch(/if ge \(int \$p\.minAvailable\) \(int \$floor\)/);
      expect(template('deployment.yaml')).toContain('{{- include "msa-gen.validate" $ctx }}');
    });
  });
});

function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  validate(data);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('HTTPRoute path matches', () => {
  it('matches a literal path exactly, and a path with parameters by an anchored expression whose literal dots are escaped', () => {
    expect(pathMatch('/v1.0/items')).toEqual({ pathType: 'Exact', path: '/v1.0/items' });
    const match = pathMatch('/v1.0/items/{itemId}');
    expect(match).toEqual({ pathType: 'RegularExpression', path: '^/v1\\.0/items/[^/]+$' });
    const re = new RegExp(match.path);
    expect(re.test('/v1.0/items/42')).toBe(true);
    expect(re.test('/v1x0/items/42')).toBe(false);
    expect(re.test('/v1.0/items/42/more')).toBe(false);
  });
});
