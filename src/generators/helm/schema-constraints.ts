/**
 * What the validator's MSA601 refuses in the model, refused for values too, so a values file
 * cannot bring it back: an HPA whose minReplicas exceeds maxReplicas, a ScaledObject whose
 * minReplicaCount exceeds maxReplicaCount, a PodDisruptionBudget whose minAvailable is not below
 * the fewest replicas the deployment runs (no pod could ever be evicted).
 *
 * Draft-07 (what Helm validates values with) cannot compare two values; it can compare each with
 * a constant. So each relation is spelt out over the values the smaller side takes in practice:
 * "min ≤ max" becomes "for every k from 2 to SCHEMA_EXACT_UP_TO: min ≥ k implies max ≥ k". That
 * is exact wherever min ≤ SCHEMA_EXACT_UP_TO: if min = m > max, the branch k = m fails. Larger
 * minimums (rare, and each branch costs schema size) are left to the chart's templates, whose
 * `msa-gen.validate` helper checks the same relations for any value with Helm's `fail`, so
 * `helm install` / `helm template` refuse them as well, with a message naming the service.
 */
import type { Schema } from './schema.js';

/** The schema spells each relation out for the smaller side up to this value; the templates check beyond. */
export const SCHEMA_EXACT_UP_TO = 10;

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** `{ properties: { a: { properties: { b: leaf } } } }`, each step required so an absent value decides nothing. */
function at(path: readonly string[], leaf: Schema): Schema {
  let node = leaf;
  for (const key of [...path].reverse()) node = { type: 'object', required: [key], properties: { [key]: node } };
  return node;
}

const atLeast = (k: number): Schema => ({ type: 'integer', minimum: k });

/** For k in [from, to]: `lower ≥ k` implies `upper ≥ k + offset`. */
function implications(lower: readonly string[], upper: readonly string[], from: number, to: number, offset: number): Schema[] {
  return range(from, to).map((k) => ({ if: at(lower, atLeast(k)), then: at(upper, atLeast(k + offset)) }));
}

const enabled = (path: readonly string[], value: boolean): Schema => at([...path, 'enabled'], { type: 'boolean', const: value });

/** min ≤ max within one object (autoscaling, keda): its `allOf`. */
export function minNotAboveMax(min: string, max: string): Schema {
  return {
    description: `${min} ≤ ${max} (MSA601), spelt out for ${min} up to ${SCHEMA_EXACT_UP_TO}; the templates check beyond.`,
    allOf: implications([min], [max], 2, SCHEMA_EXACT_UP_TO, 0),
  };
}

/** The fewest replicas each mode runs with: the autoscaler's minimum, KEDA's, else the replica count. */
const FLOORS: readonly { when: Schema; floor: readonly string[]; description: string }[] = [
  { when: enabled(['autoscaling'], true), floor: ['autoscaling', 'minReplicas'], description: 'autoscaling on: below autoscaling.minReplicas' },
  { when: enabled(['keda'], true), floor: ['keda', 'minReplicaCount'], description: 'keda on: below keda.minReplicaCount' },
  {
    when: { allOf: [enabled(['autoscaling'], false), enabled(['keda'], false)] },
    floor: ['replicaCount'],
    description: 'neither autoscaler: below replicaCount',
  },
];

/** A service's PodDisruptionBudget against its fewest replicas: part of the service's `allOf`. */
export function budgetBelowFloor(): Schema[] {
  const pdb = ['podDisruptionBudget', 'minAvailable'];
  return FLOORS.map(({ when, floor, description }) => ({
    description: `An enabled PodDisruptionBudget's integer minAvailable is below the fewest replicas (MSA601): ${description}; spelt out for minAvailable up to ${SCHEMA_EXACT_UP_TO - 1}, the templates check beyond.`,
    if: { allOf: [when, enabled(['podDisruptionBudget'], true)] },
    then: { allOf: implications(pdb, floor, 0, SCHEMA_EXACT_UP_TO - 1, 1) },
  }));
}
