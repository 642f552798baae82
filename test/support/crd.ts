/**
 * A validator for the objects of one CustomResourceDefinition version, from the CRD file its
 * project publishes (test/schemas/). The x-kubernetes-* keywords are made known to ajv, and,
 * with `closed`, every object that lists its properties refuses others: the API server prunes
 * unknown fields of a structural schema, so a misspelt key would silently vanish instead of
 * failing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';

const schemas = join(import.meta.dirname, '..', 'schemas');

interface Crd {
  spec: { names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: object } }[] };
}

export function crdValidator(file: string, kind: string, version: string, options: { closed?: boolean } = {}): ValidateFunction {
  const crd = load(readFileSync(join(schemas, file), 'utf8')) as Crd;
  if (crd.spec.names.kind !== kind) throw new Error(`${file} defines ${crd.spec.names.kind}, not ${kind}`);
  const found = crd.spec.versions.find((v) => v.name === version);
  if (!found) throw new Error(`${file} has no version ${version}`);
  const keywords = new Set<string>();
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-kubernetes-')) keywords.add(key);
      out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, walk(v)])) : walk(value);
    }
    if (options.closed && out['type'] === 'object' && out['properties'] && out['additionalProperties'] === undefined) {
      out['additionalProperties'] = false;
    }
    return out;
  };
  const schema = walk(found.schema.openAPIV3Schema) as object;
  // Kubernetes' formats (int32, int64, date-time…) are the API server's to check, not ajv's; its
  // int-or-string fields put a pattern beside anyOf without a type, so types are not required.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, validateFormats: false });
  for (const keyword of [...keywords].sort()) ajv.addKeyword({ keyword, schemaType: ['boolean', 'string', 'array', 'object'] });
  return ajv.compile(schema);
}
