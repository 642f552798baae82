/** JSON-schema validation of commands and events (ajv, the validator Fastify itself uses). */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from './definitions.ts';
import { FORMATS } from './fields.ts';

export class SchemaValidators {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const [name, re] of Object.entries(FORMATS)) this.ajv.addFormat(name, re);
  }

  /** Problems of `data` against the schema registered as `name`; empty when it conforms. */
  check(name: string, schema: JsonSchema, data: unknown): string[] {
    let validate = this.compiled.get(name);
    if (!validate) {
      validate = this.ajv.compile(schema as object);
      this.compiled.set(name, validate);
    }
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => {
      const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : name;
      if (e.keyword === 'required') return `${name}: missing "${(e.params as { missingProperty: string }).missingProperty}"`;
      if (e.keyword === 'additionalProperties') return `${name}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      return `${where} ${e.message ?? 'is invalid'}`;
    });
  }
}
