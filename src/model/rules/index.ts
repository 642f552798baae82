/** The rule catalogue, in code order. Add a rule: one file, one import here, one test file (test/rules/). */
import { rule as r001 } from './msa001-yaml-syntax.js';
import { rule as r002 } from './msa002-duplicate-key.js';
import { rule as r003 } from './msa003-alias-limit.js';
import { rule as r004 } from './msa004-depth-limit.js';
import { rule as r010 } from './msa010-schema.js';
import { rule as r101 } from './msa101-pascal-case.js';
import { rule as r102 } from './msa102-dns-label.js';
import { rule as r103 } from './msa103-event-past-tense.js';
import { rule as r104 } from './msa104-command-imperative.js';
import { rule as r105 } from './msa105-field-camel-case.js';
import { rule as r106 } from './msa106-reserved-word.js';
import { rule as r107 } from './msa107-unsafe-path-name.js';
import { rule as r108 } from './msa108-singular-noun.js';
import { rule as r109 } from './msa109-event-qualifier.js';
import { rule as r110 } from './msa110-text-characters.js';
import { rule as r201 } from './msa201-duplicate-name.js';
import { rule as r202 } from './msa202-emits-unknown-event.js';
import { rule as r203 } from './msa203-unknown-event.js';
import { rule as r204 } from './msa204-unknown-command.js';
import { rule as r205 } from './msa205-unknown-context.js';
import { rule as r206 } from './msa206-unknown-field.js';
import { rule as r207 } from './msa207-read-model-key-missing.js';
import { rule as r208 } from './msa208-aggregate-key.js';
import { rule as r209 } from './msa209-generated-name-clash.js';
import { rule as r210 } from './msa210-table-name-clash.js';
import { rule as r211 } from './msa211-unknown-actor.js';
import { rule as r212 } from './msa212-unknown-owner.js';
import { rule as r301 } from './msa301-unconsumed-event.js';
import { rule as r302 } from './msa302-untriggered-command.js';
import { rule as r303 } from './msa303-policy-cycle.js';
import { rule as r304 } from './msa304-broken-choreography.js';
import { rule as r305 } from './msa305-missing-compensation.js';
import { rule as r306 } from './msa306-external-in-saga.js';
import { rule as r307 } from './msa307-unemitted-event.js';
import { rule as r308 } from './msa308-double-execution.js';
import { rule as r309 } from './msa309-unmarked-failure-outcome.js';
import { rule as r310 } from './msa310-choreography-step-timeout.js';
import { rule as r401 } from './msa401-file-in-event.js';
import { rule as r402 } from './msa402-isolated-sync-call.js';
import { rule as r403 } from './msa403-sync-context-events.js';
import { rule as r404 } from './msa404-call-without-route.js';
import { rule as r405 } from './msa405-orchestration-step-without-route.js';
import { rule as r406 } from './msa406-route-template.js';
import { rule as r407 } from './msa407-route-collision.js';
import { rule as r408 } from './msa408-route-parameter-type.js';
import { rule as r409 } from './msa409-call-settings-conflict.js';
import { rule as r501 } from './msa501-topic-name.js';
import { rule as r502 } from './msa502-topic-collision.js';
import { rule as r503 } from './msa503-min-insync-replicas.js';
import { rule as r504 } from './msa504-topic-size.js';
import { rule as r505 } from './msa505-dlq-partitions.js';
import { rule as r506 } from './msa506-consumer-group-clash.js';
import { rule as r601 } from './msa601-deploy-scaling.js';
import { rule as r602 } from './msa602-image-reference.js';
import { rule as r603 } from './msa603-keda-without-consumer.js';
import type { Rule, RuleInfo } from './rule.js';

/** Findings of the loader and the schema check (no `check`: they run before the IR exists). */
export const LOAD_RULES: readonly RuleInfo[] = [r001, r002, r003, r004, r010];

/** Rules over the resolved model. */
export const MODEL_RULES: readonly Rule[] = [
  r101,
  r102,
  r103,
  r104,
  r105,
  r106,
  r107,
  r108,
  r109,
  r110,
  r201,
  r202,
  r203,
  r204,
  r205,
  r206,
  r207,
  r208,
  r209,
  r210,
  r211,
  r212,
  r301,
  r302,
  r303,
  r304,
  r305,
  r306,
  r307,
  r308,
  r309,
  r310,
  r401,
  r402,
  r403,
  r404,
  r405,
  r406,
  r407,
  r408,
  r409,
  r501,
  r502,
  r503,
  r504,
  r505,
  r506,
  r601,
  r602,
  r603,
];

export const CATALOGUE: readonly RuleInfo[] = [...LOAD_RULES, ...MODEL_RULES];

export function findRule(code: string): RuleInfo | undefined {
  const wanted = code.toUpperCase();
  return CATALOGUE.find((r) => r.code === wanted || r.name === code.toLowerCase());
}
