/**
 * The chart's Kafka authentication: every deployed service authenticates as the KafkaUser the
 * kafka generator emits for it (SCRAM-SHA-512, the password from the Secret of the same name),
 * over TLS trusting the cluster CA. No `helm` binary runs here, so the template is checked for
 * the variables and references it renders, and the values against the generated KafkaUsers.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { generateHelm } from '../../src/generators/helm/index.js';
import { generateKafkaTopics } from '../../src/generators/kafka/index.js';
import { KAFKA_AUTH_ENV } from '../../src/generators/names/env.js';
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
  global: { kafka: { auth: { enabled: boolean; mechanism: string; passwordKey: string; tls: { enabled: boolean; caSecretName: string; caKey: string } } } };
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
  });
});
