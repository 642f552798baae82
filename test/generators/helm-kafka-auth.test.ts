/**
 * The chart's Kafka authentication: every deployed service authenticates as the KafkaUser the
 * kafka generator emits for it (SCRAM-SHA-512, the password from the Secret of the same name),
 * over TLS trusting the cluster CA. No `helm` binary runs here, so the template is checked for
 * the variables and references it renders, and the values against the generated KafkaUsers.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { generateHelm } from '../../src/generators/helm/index.js';
import { generateKafkaTopics } from '../../src/generators/kafka/index.js';
import { KAFKA_AUTH_ENV } from '../../src/generators/names/env.js';
import { kafkaNamespace } from '../../src/generators/names/kubernetes.js';
import type { GenerateRequest } from '../../src/generators/types.js';
import type { Model } from '../../src/model/valid.js';
import { validateModelText } from '../../src/model/validate.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const templates = loadTemplates();

function modelOf(file: string): Model {
  const result = validateModelText(relative(fixtures, file), readFileSync(file, 'utf8'));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.valid!;
}

const request = (model: Model): GenerateRequest => ({ model, templates, options: { toolVersion: '0.0.0-test' } });

interface Values {
  global: {
    kafka: {
      namespace: string;
      bootstrapServers: string;
      auth: { enabled: boolean; mechanism: string; passwordKey: string; tls: { enabled: boolean; caSecretName: string; caKey: string } };
    };
  };
  services: Record<string, { enabled: boolean; kafkaUser: string }>;
}

describe.each([
  ['minimal', join(fixtures, 'minimal', 'model.yaml')],
  ['scaffold-kafka-helm', join(fixtures, 'scaffold-kafka-helm', 'model.yaml')],
  ['gov24', join(root, 'models', 'gov24.yaml')],
])('Kafka authentication in the chart of %s', (_label, file) => {
  const model = modelOf(file);
  const helm = generateHelm(request(model));
  const chart = `helm/${model.platform.name}`;
  const values = load(helm.find((f) => f.path === `${chart}/values.yaml`)!.content) as Values;
  const deployment = helm.find((f) => f.path === `${chart}/templates/deployment.yaml`)!.content;
  const notes = helm.find((f) => f.path === `${chart}/templates/NOTES.txt`)!.content;
  const scaledObject = helm.find((f) => f.path === `${chart}/templates/scaledobject.yaml`)!.content;
  const externalSecret = helm.find((f) => f.path === `${chart}/templates/externalsecret.yaml`)!.content;
  const users = generateKafkaTopics(request(model)).filter((f) => f.path.endsWith('/users.yaml'));
  const kafkaUsers = users.flatMap((f) => loadAll(f.content) as Array<{ kind: string; metadata: { name: string; namespace: string } } | null>)
    .filter((d) => d !== null && d.kind === 'KafkaUser')
    .map((d) => d!.metadata.name);

  it('gives every service the name of the KafkaUser the kafka generator emits for it', () => {
    expect(kafkaUsers.length).toBe(model.contexts.length);
    expect(Object.values(values.services).map((s) => s.kafkaUser).sort()).toEqual([...kafkaUsers].sort());
    for (const context of model.contexts) expect(kafkaUsers).toContain(values.services[context.name]!.kafkaUser);
  });

  it('defaults to SCRAM-SHA-512 over TLS with the cluster CA of the model\'s Kafka cluster', () => {
    expect(values.global.kafka.auth).toEqual({
      enabled: true,
      mechanism: 'scram-sha-512',
      passwordKey: 'password',
      tls: { enabled: true, caSecretName: `${model.platform.kafka.cluster}-cluster-ca-cert`, caKey: 'ca.crt' },
      externalSecrets: { enabled: false, refreshInterval: '1h', secretStoreRef: { kind: 'ClusterSecretStore', name: '' } },
    });
    expect(values.global.kafka.namespace).toBe(kafkaNamespace(model));
    expect(values.global.kafka.bootstrapServers).toMatch(/:9093$/);
  });

  it('lets KEDA read the lag as the service\'s KafkaUser: SCRAM and TLS on every trigger, credentials from a TriggerAuthentication', () => {
    // One TriggerAuthentication per scaled service, before its ScaledObject, whenever SASL or TLS is on.
    expect(scaledObject).toContain('{{- $triggerAuth := or $auth.enabled $auth.tls.enabled }}');
    expect(scaledObject).toMatch(/kind: TriggerAuthentication\nmetadata:\n\s+name: \{\{ \$name \}\}-kafka\n/);
    // The user name is the container's KAFKA_SASL_USERNAME, which the Deployment sets to the KafkaUser.
    expect(scaledObject).toMatch(new RegExp(`- parameter: username\\n\\s+name: ${KAFKA_AUTH_ENV.username}\\n\\s+containerName: \\{\\{ \\$name \\}\\}`));
    expect(deployment).toMatch(/containers:\n\s+- name: \{\{ \$name \}\}\n/);
    expect(scaledObject).toMatch(/- parameter: password\n\s+name: \{\{ \$svc\.kafkaUser \}\}\n\s+key: \{\{ \$auth\.passwordKey \}\}/);
    expect(scaledObject).toMatch(/- parameter: ca\n\s+name: \{\{ \$auth\.tls\.caSecretName \}\}\n\s+key: \{\{ \$auth\.tls\.caKey \}\}/);
    // KEDA's kafka scaler spells the mechanism scram_sha512 and TLS enable/disable, in the trigger's metadata.
    // Every mechanism the schema allows has its KEDA name (KEDA knows plaintext, scram_sha256, scram_sha512).
    const names = Object.fromEntries([...scaledObject.matchAll(/sasl: \{\{ get \(dict ((?:"[^"]+" "[^"]+" ?)+)\) \$auth\.mechanism \| quote \}\}/g)]
      .flatMap((m) => [...m[1]!.matchAll(/"([^"]+)" "([^"]+)"/g)].map((p) => [p[1], p[2]])));
    const schema = JSON.parse(helm.find((f) => f.path === `${chart}/values.schema.json`)!.content) as { properties: { global: { properties: { kafka: { properties: { auth: { properties: { mechanism: { enum: string[] } } } } } } } } };
    const mechanisms = schema.properties.global.properties.kafka.properties.auth.properties.mechanism.enum;
    expect(mechanisms).toContain(values.global.kafka.auth.mechanism);
    expect(Object.keys(names).sort()).toEqual([...mechanisms].sort());
    expect(names['scram-sha-512']).toBe('scram_sha512');
    for (const name of Object.values(names)) expect(['plaintext', 'scram_sha256', 'scram_sha512']).toContain(name);
    expect(scaledObject).toContain('tls: {{ ternary "enable" "disable" $auth.tls.enabled | quote }}');
    expect(scaledObject).toMatch(/authenticationRef:\n\s+name: \{\{ \$name \}\}-kafka/);
  });

  it('copies the KafkaUser Secrets and the cluster CA into a release outside the Kafka namespace, when asked to', () => {
    // Only when enabled and only outside the Kafka namespace (there the User Operator's Secrets are already in place).
    expect(externalSecret).toContain('{{- if and $sync.enabled (ne (include "msa-gen.namespace" .) .Values.global.kafka.namespace) }}');
    expect(externalSecret).toMatch(/kind: ExternalSecret\nmetadata:\n\s+name: \{\{ \$svc\.kafkaUser \}\}/);
    expect(externalSecret).toMatch(/target:\n\s+name: \{\{ \$svc\.kafkaUser \}\}\n\s+creationPolicy: Owner\n\s+dataFrom:\n\s+- extract:\n\s+key: \{\{ \$svc\.kafkaUser \}\}/);
    expect(externalSecret).toMatch(/target:\n\s+name: \{\{ \$auth\.tls\.caSecretName \}\}[\s\S]+remoteRef:\n\s+key: \{\{ \$auth\.tls\.caSecretName \}\}\n\s+property: \{\{ \$auth\.tls\.caKey \}\}/);
  });

  describe('values.schema.json', () => {
    const schema = JSON.parse(helm.find((f) => f.path === `${chart}/values.schema.json`)!.content) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const withKafka = (kafka: object) => {
      const v = structuredClone(values) as unknown as { global: { auth: Record<string, unknown>; kafka: object } };
      v.global.auth['jwksUrl'] = 'https://id.example.org/certs';
      v.global.auth['issuer'] = 'https://id.example.org';
      v.global.kafka = { ...v.global.kafka, ...kafka };
      return v;
    };
    const errorsOf = (v: object) => (validate(v) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));
    const auth = values.global.kafka.auth;

    it('accepts the defaults (TLS at 9093)', () => {
      expect(errorsOf(withKafka({}))).toEqual([]);
    });

    it('refuses TLS aimed at the plain listener\'s port 9092, and accepts 9092 without TLS', () => {
      const plain = values.global.kafka.bootstrapServers.replace(/:9093$/, ':9092');
      expect(errorsOf(withKafka({ bootstrapServers: plain }))).toContain('/global/kafka/bootstrapServers must NOT be valid');
      expect(errorsOf(withKafka({ bootstrapServers: `broker-0:9093,${plain}` }))).toContain('/global/kafka/bootstrapServers must NOT be valid');
      expect(errorsOf(withKafka({ bootstrapServers: plain, auth: { ...auth, tls: { ...auth.tls, enabled: false } } }))).toEqual([]);
      expect(errorsOf(withKafka({ bootstrapServers: 'broker-0:19092' }))).toEqual([]);
    });

    it('refuses ExternalSecrets without a store to copy from', () => {
      const sync = (enabled: boolean, name: string) => withKafka({ auth: { ...auth, externalSecrets: { enabled, refreshInterval: '1h', secretStoreRef: { kind: 'ClusterSecretStore', name } } } });
      expect(errorsOf(sync(true, ''))).toContain('/global/kafka/auth/externalSecrets/secretStoreRef/name must NOT have fewer than 1 characters');
      expect(errorsOf(sync(true, 'kafka-namespace'))).toEqual([]);
      expect(errorsOf(sync(false, ''))).toEqual([]);
    });
  });

  it('sets the KAFKA_SASL_* and KAFKA_TLS variables, the password from the KafkaUser\'s Secret, and mounts the CA', () => {
    for (const name of Object.values(KAFKA_AUTH_ENV)) expect(deployment).toContain(`- name: ${name}\n`);
    expect(deployment).toContain(`- name: ${KAFKA_AUTH_ENV.username}\n              value: {{ $svc.kafkaUser | quote }}`);
    expect(deployment).toMatch(
      new RegExp(`- name: ${KAFKA_AUTH_ENV.password}\\n\\s+valueFrom:\\n\\s+secretKeyRef:\\n\\s+name: \\{\\{ \\$svc\\.kafkaUser \\}\\}\\n\\s+key: \\{\\{ \\.passwordKey \\}\\}`),
    );
    expect(deployment).toContain(`value: /var/run/secrets/msa-gen/kafka-ca/ca.crt`);
    expect(deployment).toMatch(/- name: kafka-ca\n\s+secret:\n\s+secretName: \{\{ \$\.Values\.global\.kafka\.auth\.tls\.caSecretName \}\}/);
    expect(deployment).toMatch(/- name: kafka-ca\n\s+mountPath: \/var\/run\/secrets\/msa-gen\/kafka-ca/);
  });

  it('tells the operator to sync the KafkaUser Secrets and the cluster CA into the services\' namespace', () => {
    expect(notes).toContain('$svc.kafkaUser');
    expect(notes).toMatch(/copy or sync it here/);
    expect(notes).toContain('.Values.global.kafka.auth.tls.caSecretName');
    expect(notes).toContain('global.kafka.auth.externalSecrets does it with the External Secrets Operator');
  });
});
