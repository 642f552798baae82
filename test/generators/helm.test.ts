/**
 * The Helm chart generator, on the minimal model and on a richer one (an isolated namespace,
 * KEDA on one context, autoscaling off on another). Values are checked against the generated
 * values.schema.json with ajv (draft-07, as Helm 3 validates values with the chart's schema),
 * and their content against the IR.
 *
 * No `helm` binary can run where these tests run, so the templates are checked structurally:
 * balanced blocks, helpers that exist, every `.Values.…` / `$svc.…` path present in the schema,
 * and every value used by some template.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { generateHelm, HELM_CHART_FILES } from '../../src/generators/helm/index.js';
import { AUTH_ENV, SERVICE_ENV } from '../../src/generators/names/env.js';
import type { GeneratedFile, GenerateRequest } from '../../src/generators/types.js';
import type { Context, Model } from '../../src/model/valid.js';
import { asValid } from '../../src/model/valid.js';
import { validateModelText } from '../../src/model/validate.js';
import { expectGolden, updating } from '../support/golden.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const MINIMAL = join(fixtures, 'minimal', 'model.yaml');
const RICH = join(fixtures, 'scaffold-kafka-helm', 'model.yaml');
const templates = loadTemplates();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function modelOf(file: string): Model {
  const result = validateModelText(relative(fixtures, file), readFileSync(file, 'utf8'));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
  expect(result.valid).toBeDefined();
  return result.valid!;
}

function request(model: Model): GenerateRequest {
  return { model, templates, options: { toolVersion: '0.0.0-test' } };
}

function fileAt(files: readonly GeneratedFile[], path: string): GeneratedFile {
  const found = files.find((f) => f.path === path);
  expect(found, path).toBeDefined();
  return found!;
}

const clone = <T>(value: T): T => structuredClone(value);

/** What every operator's values file must add: the identity provider (values.yaml cannot know it). */
const OPERATOR: JsonObject = {
  global: { auth: { jwksUrl: 'https://id.example.org/realms/gov/protocol/openid-connect/certs', issuer: 'https://id.example.org/realms/gov' } },
};

/** Helm's coalescing of a values file over the chart's values.yaml: maps merge, the rest replaces, null deletes. */
function coalesce(base: Json, overlay: Json): Json {
  if (!isObject(base) || !isObject(overlay)) return overlay;
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    if (value === null) delete out[key];
    else out[key] = key in base ? coalesce(base[key]!, value) : value;
  }
  return out;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function compile(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(schema);
}

function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  validate(data);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The schema node that describes `path` (following $ref, properties and additionalProperties). */
function schemaAt(root: JsonObject, path: readonly string[]): JsonObject | undefined {
  let node: JsonObject | undefined = root;
  const deref = (n: JsonObject): JsonObject => {
    let current = n;
    while (typeof current['$ref'] === 'string') {
      const parts = (current['$ref'] as string).replace(/^#\//, '').split('/');
      let target: Json = root;
      for (const p of parts) target = isObject(target) ? (target[p] ?? null) : null;
      expect(isObject(target), `$ref ${current['$ref'] as string}`).toBe(true);
      current = target as JsonObject;
    }
    return current;
  };
  for (const key of path) {
    if (!node) return undefined;
    node = deref(node);
    const props = node['properties'];
    if (key === '[]') node = isObject(node['items']) ? (node['items'] as JsonObject) : undefined;
    else if (isObject(props) && isObject(props[key])) node = props[key] as JsonObject;
    else if (isObject(node['additionalProperties'])) node = node['additionalProperties'] as JsonObject;
    else return undefined;
  }
  return node ? deref(node) : undefined;
}

/** Leaf paths of a values object (arrays and empty maps are leaves). */
function leafPaths(value: Json, prefix: string[] = []): string[][] {
  if (isObject(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

function stripRequired(node: Json): Json {
  if (Array.isArray(node)) return node.map(stripRequired);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'required') out[k] = stripRequired(v);
  return out;
}

/**
 * KEDA triggers of a context, computed from the IR here (not through the generator's helper):
 * each topic it consumes with the consumer group of the policy or projection reading it.
 */
function expectedTriggers(model: Model, context: Context): { topic: string; consumerGroup: string }[] {
  const group = (name: string) => `${model.platform.name}.${context.name}.${name}`;
  const pairs = new Map<string, { topic: string; consumerGroup: string }>();
  const add = (topic: string, consumerGroup: string) => pairs.set(`${topic} ${consumerGroup}`, { topic, consumerGroup });
  for (const p of context.policies) if (p.on.target) add(p.on.target.topic.name, group(p.name));
  for (const r of context.readModels) for (const f of r.from) if (f.target) add(f.target.topic.name, group(r.name));
  return [...pairs.values()].sort((a, b) =>
    a.topic === b.topic ? (a.consumerGroup < b.consumerGroup ? -1 : 1) : a.topic < b.topic ? -1 : 1,
  );
}

const SEGMENT = '(?:\\.[A-Za-z_][A-Za-z0-9_]*)+';
const path = (match: string) => match.split('.').filter((s) => s.length > 0);

/**
 * Every values path a chart template reads: `.Values.a.b`; `$svc.a` / `.svc.a` as
 * services.<name>.a; and `$x.a` where `range $x := $svc.list` as services.<name>.list.[].a.
 */
function valuesReferences(text: string): string[][] {
  const refs: string[][] = [];
  for (const m of text.matchAll(new RegExp(`\\.Values(${SEGMENT})`, 'g'))) refs.push(path(m[1]!));
  for (const m of text.matchAll(new RegExp(`(?:\\$svc|(?<![\\w$])\\.svc)(${SEGMENT})`, 'g'))) {
    refs.push(['services', '*', ...path(m[1]!)]);
  }
  for (const m of text.matchAll(new RegExp(`range (\\$[A-Za-z_]\\w*) := \\$svc(${SEGMENT})`, 'g'))) {
    const variable = m[1]!;
    const list = ['services', '*', ...path(m[2]!), '[]'];
    const escaped = variable.replace('$', '\\$');
    for (const use of text.matchAll(new RegExp(`${escaped}(${SEGMENT})`, 'g'))) refs.push([...list, ...path(use[1]!)]);
  }
  return refs;
}

describe.each([
  ['minimal', MINIMAL],
  ['scaffold-kafka-helm', RICH],
])('generateHelm on %s', (_label, file) => {
  const model = modelOf(file);
  const files = generateHelm(request(model));
  const root = `helm/${model.platform.name}`;
  const schema = JSON.parse(fileAt(files, `${root}/values.schema.json`).content) as JsonObject;
  const validate = compile(schema);
  const chartDefaults = load(fileAt(files, `${root}/values.yaml`).content) as JsonObject;
  /** values.yaml under the operator's values file: what a release validates. */
  const values = coalesce(chartDefaults, OPERATOR) as JsonObject;
  const services = values['services'] as Record<string, JsonObject>;
  const isolated = [...new Set(model.contexts.filter((c) => c.isolated).map((c) => c.namespace))].sort();
  const firstService = [...model.contexts].map((c) => c.name).sort()[0]!;

  it('writes the chart files', () => {
    const expected = [
      ...[
        'Chart.yaml',
        'values.yaml',
        'values.schema.json',
        ...isolated.map((ns) => `values-${ns}.yaml`),
        ...HELM_CHART_FILES,
      ].map((f) => `${root}/${f}`),
      ...[model.platform.namespace, ...isolated].map((ns) => `kubernetes/${ns}/namespace.yaml`),
    ];
    expect(files.map((f) => f.path).sort()).toEqual(expected.sort());
    for (const f of files) expect(f.ownership).toBe('generated');
  });

  it('writes Chart.yaml from the platform', () => {
    const chart = load(fileAt(files, `${root}/Chart.yaml`).content) as JsonObject;
    expect(chart).toMatchObject({
      apiVersion: 'v2',
      name: model.platform.name,
      description: model.platform.title,
      type: 'application',
      version: '0.1.0',
      appVersion: model.platform.deploy.image.tag,
    });
    expect(typeof chart['appVersion']).toBe('string');
  });

  it('has a schema that is valid draft-07 and strict about the services it allows', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    const servicesSchema = schemaAt(schema, ['services'])!;
    expect(servicesSchema['additionalProperties']).toBe(false);
    expect(Object.keys(servicesSchema['properties'] as JsonObject).sort()).toEqual(model.contexts.map((c) => c.name).sort());
  });

  it('values.yaml validates against values.schema.json once the operator sets the identity provider', () => {
    expect(errorsOf(validate, values)).toEqual([]);
  });

  it('values.yaml alone fails validation: a release without global.auth.jwksUrl and issuer is refused', () => {
    const errors = errorsOf(validate, chartDefaults);
    expect(errors).toContain('/global/auth/jwksUrl must match pattern "^https?://[^\\s/]+\\S*$"');
    expect(errors).toContain('/global/auth/issuer must NOT have fewer than 1 characters');
    expect(errors).toHaveLength(2);
    const withoutKey = clone(values);
    delete ((withoutKey['global'] as JsonObject)['auth'] as JsonObject)['jwksUrl'];
    expect(errorsOf(validate, withoutKey)).toContain("/global/auth must have required property 'jwksUrl'");
    const notUrl = clone(values);
    ((notUrl['global'] as JsonObject)['auth'] as JsonObject)['jwksUrl'] = 'id.example.org/certs';
    expect(errorsOf(validate, notUrl)).toContain('/global/auth/jwksUrl must match pattern "^https?://[^\\s/]+\\S*$"');
  });

  it('sets sensible auth defaults: the platform as audience, the roles claim, the cluster as service issuer', () => {
    expect((chartDefaults['global'] as JsonObject)['auth']).toEqual({
      jwksUrl: '',
      issuer: '',
      audience: model.platform.name,
      rolesClaim: 'roles',
      service: {
        audience: `${model.platform.name}-services`,
        expirationSeconds: 3600,
        jwksUrl: 'https://kubernetes.default.svc.cluster.local/openid/v1/jwks',
        issuer: 'https://kubernetes.default.svc.cluster.local',
      },
    });
  });

  it('each values-<namespace>.yaml validates, merged over values.yaml as Helm does, and alone sets only known keys', () => {
    const loose = compile(stripRequired(schema) as object);
    for (const ns of isolated) {
      const overlay = load(fileAt(files, `${root}/values-${ns}.yaml`).content) as JsonObject;
      expect(errorsOf(loose, overlay)).toEqual([]);
      const merged = coalesce(values, overlay) as JsonObject;
      expect(errorsOf(validate, merged)).toEqual([]);
      expect((merged['global'] as JsonObject)['namespace']).toBe(ns);
      for (const c of model.contexts) {
        expect((merged['services'] as Record<string, JsonObject>)[c.name]!['enabled'], c.name).toBe(c.namespace === ns);
      }
    }
  });

  it('takes every service value from the model', () => {
    expect(Object.keys(services).sort()).toEqual(model.contexts.map((c) => c.name).sort());
    for (const c of model.contexts) {
      const svc = services[c.name]!;
      const d = c.deploy;
      expect(svc['enabled'], c.name).toBe(c.namespace === model.platform.namespace);
      expect(svc['enabled']).toBe(!c.isolated);
      expect(svc['replicaCount']).toBe(d.replicas);
      expect(svc['service']).toEqual({ type: 'ClusterIP', port: c.port });
      expect(svc['resources']).toEqual({ requests: { cpu: d.cpu, memory: d.memory }, limits: { memory: d.memory } });
      const autoscaling = svc['autoscaling'] as JsonObject;
      expect(autoscaling['enabled']).toBe(d.autoscaling !== undefined);
      if (d.autoscaling) {
        expect(autoscaling).toEqual({
          enabled: true,
          minReplicas: d.autoscaling.min,
          maxReplicas: d.autoscaling.max,
          targetCPUUtilizationPercentage: d.autoscaling.cpuPercent,
          targetMemoryUtilizationPercentage: 80,
        });
      }
      const keda = svc['keda'] as JsonObject;
      expect(keda['enabled']).toBe(d.keda !== undefined);
      expect(keda['triggers']).toEqual(expectedTriggers(model, c));
      if (d.keda) {
        expect(keda).toMatchObject({ lagThreshold: d.keda.lagThreshold, minReplicaCount: d.keda.min, maxReplicaCount: d.keda.max });
      }
      expect(svc['podDisruptionBudget']).toEqual(
        d.podDisruptionBudget ? { enabled: true, minAvailable: d.podDisruptionBudget.minAvailable } : { enabled: false, minAvailable: 1 },
      );
      expect((svc['livenessProbe'] as JsonObject)['httpGet']).toEqual({ path: '/healthz', port: 'http' });
      expect((svc['readinessProbe'] as JsonObject)['httpGet']).toEqual({ path: '/readyz', port: 'http' });
      expect(svc['database']).toEqual({ schema: c.name.replace(/-/g, '_') });
      expect(svc['image']).toEqual({ repository: '', tag: '', pullPolicy: '' });
    }
    expect(values['global']).toMatchObject({
      namespace: model.platform.namespace,
      image: { registry: model.platform.deploy.image.registry, tag: model.platform.deploy.image.tag },
      kafka: { bootstrapServers: `${model.platform.kafka.cluster}-kafka-bootstrap.${model.platform.namespace}.svc:9093` }, // the TLS listener: the chart connects with SCRAM over TLS by default
    });
  });

  describe('the schema rejects', () => {
    const reject = (mutate: (v: JsonObject) => void): string[] => {
      const copy = clone(values);
      mutate(copy);
      return errorsOf(validate, copy);
    };
    const svc = (v: JsonObject) => (v['services'] as Record<string, JsonObject>)[firstService]!;
    const keda = (v: JsonObject) => svc(v)['keda'] as JsonObject;
    const autoscaling = (v: JsonObject) => svc(v)['autoscaling'] as JsonObject;

    it('autoscaling.enabled and keda.enabled both true', () => {
      const errors = reject((v) => {
        autoscaling(v)['enabled'] = true;
        keda(v)['enabled'] = true;
        keda(v)['triggers'] = [{ topic: 'SomeTopic', consumerGroup: 'some-group' }];
      });
      expect(errors).toContain(`/services/${firstService}/keda/enabled must be equal to constant`);
    });

    it('but accepts either one alone', () => {
      expect(reject((v) => void ((autoscaling(v)['enabled'] = true), (keda(v)['enabled'] = false)))).toEqual([]);
      expect(
        reject((v) => {
          autoscaling(v)['enabled'] = false;
          keda(v)['enabled'] = true;
          keda(v)['triggers'] = [{ topic: 'SomeTopic', consumerGroup: 'some-group' }];
        }),
      ).toEqual([]);
    });

    it('keda with minReplicaCount 0 and no topics (no trigger), enabled or not', () => {
      for (const enabled of [true, false]) {
        const errors = reject((v) => {
          autoscaling(v)['enabled'] = false;
          keda(v)['enabled'] = enabled;
          keda(v)['minReplicaCount'] = 0;
          keda(v)['triggers'] = [];
        });
        expect(errors).toContain(`/services/${firstService}/keda/triggers must NOT have fewer than 1 items`);
      }
      expect(
        reject((v) => {
          keda(v)['minReplicaCount'] = 0;
          keda(v)['triggers'] = [{ topic: 'SomeTopic', consumerGroup: 'some-group' }];
        }),
      ).toEqual([]);
    });

    it('keda.enabled without a trigger, or a trigger without topic or consumer group', () => {
      const noTopic = reject((v) => {
        autoscaling(v)['enabled'] = false;
        keda(v)['enabled'] = true;
        keda(v)['triggers'] = [];
      });
      expect(noTopic).toContain(`/services/${firstService}/keda/triggers must NOT have fewer than 1 items`);
      const noGroup = reject((v) => {
        autoscaling(v)['enabled'] = false;
        keda(v)['enabled'] = true;
        keda(v)['triggers'] = [{ topic: 'SomeTopic', consumerGroup: '' }];
      });
      expect(noGroup).toContain(`/services/${firstService}/keda/triggers/0/consumerGroup must NOT have fewer than 1 characters`);
      const missing = reject((v) => {
        keda(v)['triggers'] = [{ topic: 'SomeTopic' }];
      });
      expect(missing).toContain(`/services/${firstService}/keda/triggers/0 must have required property 'consumerGroup'`);
      const badTopic = reject((v) => {
        keda(v)['triggers'] = [{ topic: 'no spaces', consumerGroup: 'g' }];
      });
      expect(badTopic.some((e) => e.startsWith(`/services/${firstService}/keda/triggers/0/topic must match pattern`))).toBe(true);
    });

    it('unknown keys, at every level we own', () => {
      expect(reject((v) => void (svc(v)['replicas'] = 2))).toContain(`/services/${firstService} must NOT have additional properties`);
      expect(reject((v) => void (keda(v)['topic'] = 'x'))).toContain(`/services/${firstService}/keda must NOT have additional properties`);
      expect(reject((v) => void ((v['global'] as JsonObject)['registry'] = 'x'))).toContain('/global must NOT have additional properties');
      expect(reject((v) => void (v['extra'] = true))).toContain(' must NOT have additional properties');
      expect(reject((v) => void ((v['services'] as JsonObject)['not-a-context'] = clone(svc(v))))).toContain(
        '/services must NOT have additional properties',
      );
    });

    it('auth values that the runtime or Kubernetes would refuse', () => {
      const auth = (v: JsonObject) => (v['global'] as JsonObject)['auth'] as JsonObject;
      const service = (v: JsonObject) => auth(v)['service'] as JsonObject;
      expect(reject((v) => void (auth(v)['audience'] = ''))).toContain('/global/auth/audience must NOT have fewer than 1 characters');
      expect(reject((v) => void (auth(v)['rolesClaim'] = 'realm_access..roles'))).toHaveLength(1);
      expect(reject((v) => void (auth(v)['rolesClaim'] = 'realm_access.roles'))).toEqual([]);
      expect(reject((v) => void (service(v)['expirationSeconds'] = 599))).toContain('/global/auth/service/expirationSeconds must be >= 600');
      expect(reject((v) => void (service(v)['audience'] = ''))).toContain('/global/auth/service/audience must NOT have fewer than 1 characters');
      expect(reject((v) => void (auth(v)['devSecret'] = 'x'))).toContain('/global/auth must NOT have additional properties');
    });

    it('a missing service, wrong types and out-of-range numbers', () => {
      expect(reject((v) => void delete (v['services'] as JsonObject)[firstService])).toContain(
        `/services must have required property '${firstService}'`,
      );
      expect(reject((v) => void (svc(v)['replicaCount'] = '2'))).toContain(`/services/${firstService}/replicaCount must be integer`);
      expect(reject((v) => void (autoscaling(v)['targetCPUUtilizationPercentage'] = 101))).toContain(
        `/services/${firstService}/autoscaling/targetCPUUtilizationPercentage must be <= 100`,
      );
      expect(reject((v) => void (autoscaling(v)['minReplicas'] = 0))).toContain(
        `/services/${firstService}/autoscaling/minReplicas must be >= 1`,
      );
      expect(reject((v) => void ((svc(v)['resources'] as JsonObject)['requests'] = { cpu: 'lots', memory: '1Gi' }))).toContain(
        `/services/${firstService}/resources/requests/cpu must match pattern "^([0-9]+m|[0-9]+(\\.[0-9]+)?)$"`,
      );
    });

    it('env entries that would shadow the variables the chart sets', () => {
      const errors = reject((v) => void (svc(v)['env'] = { DATABASE_URL: 'postgres://x' }));
      expect(errors).toContain(`/services/${firstService}/env property name must be valid`);
      for (const name of ['AUTH_DEV_SECRET', 'AUTH_JWKS_URL', 'AUTH_SOMETHING_NEW', 'NODE_EXTRA_CA_CERTS']) {
        expect(reject((v) => void (svc(v)['env'] = { [name]: 'x' })), name).toContain(`/services/${firstService}/env property name must be valid`);
      }
      expect(reject((v) => void (svc(v)['env'] = { LOG_LEVEL: 'debug' }))).toEqual([]);
    });
  });

  it('is byte-identical across runs', () => {
    expect(generateHelm(request(modelOf(file)))).toEqual(files);
  });
});

describe('the chart templates', () => {
  const model = modelOf(RICH);
  const files = generateHelm(request(model));
  const root = `helm/${model.platform.name}/`;
  const schema = JSON.parse(fileAt(files, `${root}values.schema.json`).content) as JsonObject;
  const values = load(fileAt(files, `${root}values.yaml`).content) as JsonObject;
  const chartTemplates = files.filter((f) => f.path.startsWith(`${root}templates/`));
  const manifests = chartTemplates.filter((f) => f.path.endsWith('.yaml'));
  const all = chartTemplates.map((f) => f.content).join('\n');
  const text = (name: string) => fileAt(files, `${root}templates/${name}`).content;

  it('are the stored templates, verbatim, under a template-comment header', () => {
    for (const f of chartTemplates) {
      const source = templates.get(`helm/${f.path.slice(root.length)}`);
      expect(source, f.path).toBeDefined();
      expect(f.content).toBe(`{{- /* Code generated by msa-gen. DO NOT EDIT. */ -}}\n${source!}`);
    }
    expect(fileAt(files, `${root}.helmignore`).content.split('\n')[0]).toBe('# Code generated by msa-gen. DO NOT EDIT.');
  });

  it('have balanced blocks and use only helpers they define', () => {
    for (const f of chartTemplates) {
      const opens = [...f.content.matchAll(/\{\{-?\s*(if|range|with|define|block)\b/g)].length;
      const ends = [...f.content.matchAll(/\{\{-?\s*end\s*-?\}\}/g)].length;
      expect(ends, f.path).toBe(opens);
      expect(f.content.split('{{').length, f.path).toBe(f.content.split('}}').length);
    }
    const defined = new Set([...text('_helpers.tpl').matchAll(/define "([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...all.matchAll(/include "([^"]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(defined.has(name), name).toBe(true);
  });

  it('loop over the services and render only the enabled ones', () => {
    for (const f of manifests) {
      expect(f.content, f.path).toContain('{{- range $name, $svc := .Values.services }}');
      expect(f.content, f.path).toMatch(/\{\{- if (\$svc\.enabled|and \$svc\.enabled\b.*) \}\}/);
    }
  });

  it('read only values paths the schema defines', () => {
    const refs = valuesReferences(all);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const concrete = ref.map((p) => (p === '*' ? Object.keys(values['services'] as JsonObject)[0]! : p));
      expect(schemaAt(schema, concrete), ref.join('.')).toBeDefined();
    }
  });

  it('use every value of values.yaml', () => {
    const refs = valuesReferences(all).map((r) => r.join('.'));
    const covered = (leaf: string[]) => leaf.some((_, i) => refs.includes(leaf.slice(0, i + 1).join('.')));
    const global = leafPaths(values['global']!, ['global']);
    const service = leafPaths(Object.values(values['services'] as JsonObject)[0]!, ['services', '*']);
    for (const leaf of [...global, ...service]) expect(covered(leaf), leaf.join('.')).toBe(true);
  });

  it('render the workload objects with the conventions of the platform', () => {
    const deployment = text('deployment.yaml');
    expect(deployment).toContain('apiVersion: apps/v1');
    expect(deployment).toMatch(/\{\{- if not \(or \$svc\.autoscaling\.enabled \$svc\.keda\.enabled\) \}\}\n\s+replicas: \{\{ \$svc\.replicaCount \}\}/);
    expect(deployment).toContain('containerPort: {{ $svc.service.port }}');
    expect(deployment).toContain('name: {{ $name }}-config');
    expect(deployment).toContain(`- name: ${SERVICE_ENV.databaseUrl}`);
    expect(deployment).toContain('secretKeyRef:');
    for (const probe of ['livenessProbe', 'readinessProbe', 'resources']) expect(deployment).toContain(`toYaml $svc.${probe}`);
    const helpers = text('_helpers.tpl');
    for (const label of ['name', 'instance', 'component', 'part-of', 'managed-by']) expect(helpers).toContain(`app.kubernetes.io/${label}:`);
    expect(helpers).toContain('printf "%s/%s" .root.Values.global.image.registry .name');
    for (const env of [SERVICE_ENV.serviceName, SERVICE_ENV.port, SERVICE_ENV.kafkaBrokers, SERVICE_ENV.databaseSchema]) {
      expect(helpers).toContain(`\n${env}: `);
    }
    expect(text('configmap.yaml')).toContain('include "msa-gen.configData"');
    expect(text('hpa.yaml')).toContain('apiVersion: autoscaling/v2');
    expect(text('hpa.yaml')).toContain('if and $svc.enabled $svc.autoscaling.enabled');
    expect(text('pdb.yaml')).toContain('apiVersion: policy/v1');
    const scaled = text('scaledobject.yaml');
    expect(scaled).toContain('apiVersion: keda.sh/v1alpha1');
    expect(scaled).toContain('kind: ScaledObject');
    expect(scaled).toContain('if and $svc.enabled $svc.keda.enabled');
    expect(scaled).toContain('{{- range $trigger := $svc.keda.triggers }}');
    expect(scaled).toContain('consumerGroup: {{ $trigger.consumerGroup | quote }}');
    expect(scaled).toContain('topic: {{ $trigger.topic | quote }}');
    for (const key of ['type: kafka', 'bootstrapServers:', 'consumerGroup:', 'topic:', 'lagThreshold:']) expect(scaled).toContain(key);
    expect(text('networkpolicy.yaml')).toContain('apiVersion: networking.k8s.io/v1');
  });
});

describe('the chart and service identity', () => {
  const model = modelOf(RICH);
  const files = generateHelm(request(model));
  const root = `helm/${model.platform.name}/`;
  const text = (name: string) => fileAt(files, `${root}templates/${name}`).content;
  const deployment = text('deployment.yaml');
  /** The `value:` line of an env entry of the container. */
  const envValue = (name: string): string | undefined =>
    new RegExp(`\\n\\s+- name: ${name}\\n\\s+value: ([^\\n]+)\\n`).exec(deployment)?.[1];

  it('sets every AUTH_* variable the runtime reads in production from global.auth', () => {
    const expected: Record<string, RegExp> = {
      [AUTH_ENV.jwksUrl]: /^\{\{ required "global\.auth\.jwksUrl is required: [^"]+" \$\.Values\.global\.auth\.jwksUrl \| quote \}\}$/,
      [AUTH_ENV.issuer]: /^\{\{ required "global\.auth\.issuer is required: [^"]+" \$\.Values\.global\.auth\.issuer \| quote \}\}$/,
      [AUTH_ENV.audience]: /^\{\{ \$\.Values\.global\.auth\.audience \| quote \}\}$/,
      [AUTH_ENV.rolesClaim]: /^\{\{ \$\.Values\.global\.auth\.rolesClaim \| quote \}\}$/,
      [AUTH_ENV.serviceJwksUrl]: /^\{\{ \$\.Values\.global\.auth\.service\.jwksUrl \| quote \}\}$/,
      [AUTH_ENV.serviceIssuer]: /^\{\{ \$\.Values\.global\.auth\.service\.issuer \| quote \}\}$/,
      [AUTH_ENV.serviceAudience]: /^\{\{ \$\.Values\.global\.auth\.service\.audience \| quote \}\}$/,
      [AUTH_ENV.serviceTokenFile]: /^\/var\/run\/secrets\/msa-gen\/service-identity\/token$/,
    };
    expect(Object.keys(expected).sort()).toEqual(Object.values(AUTH_ENV).sort());
    for (const [name, pattern] of Object.entries(expected)) expect(envValue(name), name).toMatch(pattern);
    // The runtime reads exactly these names (and the dev secret, which the chart never sets).
    const runtime = templates.get('runtime/src/auth.ts')!;
    const read = [...runtime.matchAll(/get\('(AUTH_[A-Z_]+)'\)/g)].map((m) => m[1]).sort();
    expect(read).toEqual([...Object.values(AUTH_ENV), 'AUTH_DEV_SECRET'].sort());
  });

  it('mounts a projected ServiceAccount token for the service audience, read-only, where AUTH_SERVICE_TOKEN_FILE points', () => {
    const volumes = deployment.slice(deployment.indexOf('      volumes:\n'));
    expect(volumes).toMatch(
      /- name: service-identity\n\s+projected:\n\s+sources:\n\s+- serviceAccountToken:\n\s+path: token\n\s+audience: \{\{ \$\.Values\.global\.auth\.service\.audience \| quote \}\}\n\s+expirationSeconds: \{\{ int64 \$\.Values\.global\.auth\.service\.expirationSeconds \}\}\n/,
    );
    expect(deployment).toMatch(
      /volumeMounts:\n\s+- name: service-identity\n\s+mountPath: \/var\/run\/secrets\/msa-gen\/service-identity\n\s+readOnly: true\n/,
    );
    expect(envValue('NODE_EXTRA_CA_CERTS')).toBe('/var/run/secrets/msa-gen/service-identity/ca.crt');
    expect(volumes).toMatch(/- configMap:\n\s+name: kube-root-ca\.crt\n\s+items:\n\s+- key: ca\.crt\n\s+path: ca\.crt\n/);
    // The token's subject names the service: a ServiceAccount per service, without an API token.
    expect(deployment).toContain('serviceAccountName: {{ $name }}\n      automountServiceAccountToken: false\n');
    const account = text('serviceaccount.yaml');
    expect(account).toContain('kind: ServiceAccount');
    expect(account).toContain('  name: {{ $name }}\n');
    expect(account).toMatch(/\nautomountServiceAccountToken: false\n/);
  });

  it('never carries a dev secret: no AUTH_DEV_SECRET, no LOCAL_DEV_SECRET text, in any file of the chart', () => {
    const chart = files.filter((f) => f.path.startsWith(root));
    expect(chart.length).toBeGreaterThan(10);
    const runtime = templates.get('runtime/src/auth.ts')!;
    const localSecret = /LOCAL_DEV_SECRET = '([^']+)'/.exec(runtime)![1]!;
    for (const f of chart) {
      expect(f.content, f.path).not.toContain('AUTH_DEV_SECRET');
      expect(f.content, f.path).not.toContain(localSecret);
      expect(f.content.toLowerCase(), f.path).not.toContain('devsecret');
    }
  });

  it('tells the operator to open egress to the key sets, and warns in NOTES while extraEgress is empty', () => {
    const notes = text('NOTES.txt');
    expect(notes).toContain('global.auth.jwksUrl');
    expect(notes).toMatch(/\{\{- if not \.Values\.global\.networkPolicy\.extraEgress \}\}[^]*WARNING[^]*\{\{- end \}\}/);
    const valuesYaml = fileAt(files, `${root}values.yaml`).content;
    expect(valuesYaml).toContain('global.networkPolicy.extraEgress');
    expect(valuesYaml).toContain('global.auth');
  });
});

describe('generateHelm on scaffold-kafka-helm: the cases the model was written for', () => {
  const model = modelOf(RICH);
  const files = generateHelm(request(model));
  const values = load(fileAt(files, 'helm/gov24/values.yaml').content) as JsonObject;
  const services = values['services'] as Record<string, JsonObject>;
  const get = (svc: string, key: string) => services[svc]![key] as JsonObject;

  it('scales issuance with KEDA on the topics it consumes, and not with the CPU autoscaler', () => {
    expect(get('issuance', 'autoscaling')['enabled']).toBe(false);
    expect(get('issuance', 'keda')).toEqual({
      enabled: true,
      lagThreshold: 50,
      minReplicaCount: 1,
      maxReplicaCount: 12,
      triggers: [{ topic: 'GeneralApplicationSubmitted', consumerGroup: 'gov24.issuance.IssueGeneralDocumentWhenSubmitted' }],
    });
    expect(get('issuance', 'service')['port']).toBe(8081);
  });

  it('keeps notification at a fixed replica count with a PodDisruptionBudget', () => {
    expect(services['notification']!['replicaCount']).toBe(2);
    expect(get('notification', 'autoscaling')['enabled']).toBe(false);
    expect(get('notification', 'keda')['enabled']).toBe(false);
    expect(get('notification', 'podDisruptionBudget')).toEqual({ enabled: true, minAvailable: 1 });
  });

  it('deploys the isolated context only with its namespace values file', () => {
    expect(services['major']!['enabled']).toBe(false);
    expect(get('major', 'resources')).toEqual({ requests: { cpu: '1', memory: '1Gi' }, limits: { memory: '1Gi' } });
    const overlay = load(fileAt(files, 'helm/gov24/values-gov24-major.yaml').content) as JsonObject;
    expect(overlay).toEqual({
      global: { namespace: 'gov24-major', database: { secretName: 'gov24-major-database' } },
      services: {
        application: { enabled: false },
        issuance: { enabled: false },
        lookup: { enabled: false },
        major: { enabled: true },
        notification: { enabled: false },
      },
    });
    expect(fileAt(files, 'helm/gov24/values-gov24-major.yaml').content).toContain('helm install gov24-major helm/gov24 -n gov24-major');
  });

  it('lists the read-model service with the topics of its projection and the projection group', () => {
    expect(get('lookup', 'keda')['triggers']).toEqual(
      ['ApplicationCancelled', 'GeneralApplicationSubmitted', 'gov24.general.document-issued'].map((topic) => ({
        topic,
        consumerGroup: 'gov24.lookup.ApplicationResult',
      })),
    );
  });

  it('refuses KEDA on a context that consumes no event', () => {
    const text = readFileSync(MINIMAL, 'utf8').replace(
      '\nexternals:',
      `  - name: archive
    deploy: { keda: { lagThreshold: 10 } }
    aggregates:
      - name: Archive
        fields:
          archiveId: { type: uuid, key: true }
        commands:
          - name: CreateArchive
            http: POST /archives
            emits: [ArchiveCreated]
        events:
          - name: ArchiveCreated
            terminal: true

externals:`,
    );
    const result = validateModelText('model.yaml', text);
    expect(result.model?.contexts.map((c) => c.name)).toContain('archive');
    // validate refuses it (MSA603), so no ValidModel exists to generate from…
    expect(result.diagnostics.map((d) => d.code)).toContain('MSA603');
    expect(result.valid).toBeUndefined();
    // …and the generator still refuses it when it is forced past validation.
    expect(() => generateHelm(request(asValid(result.model!)))).toThrow(/"archive" sets deploy\.keda, but consumes no event/);
  });
});

describe('golden files of the minimal model', () => {
  const expectedRoot = join(fixtures, 'minimal', 'expected');
  const files = generateHelm(request(modelOf(MINIMAL)));

  it('match test/fixtures/minimal/expected/helm/ and kubernetes/', () => {
    for (const f of files) expectGolden(join(expectedRoot, f.path), f.content);
    if (!updating) {
      const onDisk: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const full = join(dir, name);
          if (statSync(full).isDirectory()) walk(full);
          else onDisk.push(relative(expectedRoot, full).split('\\').join('/'));
        }
      };
      for (const dir of ['helm', 'kubernetes']) if (existsSync(join(expectedRoot, dir))) walk(join(expectedRoot, dir));
      expect(onDisk.sort()).toEqual(files.map((f) => f.path).sort());
    }
  });
});
