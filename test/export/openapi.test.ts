/**
 * What the OpenAPI export says, checked against the generated services (which routes each
 * registers) and the command schemas committed in examples/gov24 (what the service validates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { generate } from '../../src/generators/index.js';
import type { ValidModel } from '../../src/model/valid.js';
import { openApiDocument } from '../../src/export/openapi.js';
import { MODEL_FILES, ROOT, modelFile } from './support.js';

type Doc = Record<string, any>;

/**
 * `METHOD path` of every route a context's service registers: read from the `routes` of its
 * generated `src/generated/service.ts` (what the server hands Fastify), not from the export.
 */
function generatedRoutes(model: ValidModel): Map<string, string[]> {
  const files = generate({ model, templates: loadTemplates(), options: { toolVersion: '0.0.0' } });
  const routes = new Map<string, string[]>();
  for (const context of model.contexts) {
    const file = files.find((f) => f.path.endsWith(`/${context.name}/src/generated/service.ts`));
    expect(file, context.name).toBeDefined();
    const list = /\n  routes: \[([\s\S]*?)\],?\n  define:/.exec(file!.content)?.[1];
    expect(list, context.name).toBeDefined();
    const entries = [...list!.matchAll(/kind: '(command|lookup)',(?:\s*method: '([A-Z]+)',)?\s*path: '([^']+)'/g)];
    routes.set(context.name, entries.map((m) => `${m[1] === 'lookup' ? 'GET' : m[2]} ${m[3]}`).sort());
  }
  return routes;
}

const routesOf = (doc: Doc) => Object.entries<Doc>(doc['paths']).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)).sort();

describe.each(MODEL_FILES)('%s', (file) => {
  const model = modelFile(file);

  it('describes, per context, exactly the routes its generated service registers', () => {
    const expected = generatedRoutes(model);
    let total = 0;
    for (const context of model.contexts) {
      const doc = openApiDocument(model, context);
      expect(routesOf(doc), context.name).toEqual(expected.get(context.name));
      total += routesOf(doc).length;
    }
    expect(total).toBeGreaterThan(0);
  });

  it('is the same document every time', () => {
    const fresh = modelFile(file);
    for (const context of model.contexts) {
      const again = fresh.contexts.find((c) => c.name === context.name)!;
      expect(JSON.stringify(openApiDocument(fresh, again))).toBe(JSON.stringify(openApiDocument(model, context)));
    }
  });
});

describe('gov24 application', () => {
  const model = modelFile('models/gov24.yaml');
  const application = model.contexts.find((c) => c.name === 'application')!;
  const doc: Doc = openApiDocument(model, application);

  it('splits RecordIssuanceResult\u2019s schema as the server reads the request: path parameter, then the JSON body', () => {
    const file = join(ROOT, 'examples/gov24/services/application/src/generated/schemas/RecordIssuanceResult.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    const op = doc['paths']['/applications/{applicationId}/issuance-result'].post;
    const pathParams = op.parameters.filter((p: Doc) => p['in'] === 'path');
    expect(pathParams.map((p: Doc) => p['name'])).toEqual(['applicationId']);
    const body = doc['components'].schemas[op.requestBody.content['application/json'].schema.$ref.split('/').pop()];
    expect({ ...body.properties, ...Object.fromEntries(pathParams.map((p: Doc) => [p['name'], p['schema']])) }).toEqual(schema.properties);
    expect([...body.required, 'applicationId'].sort()).toEqual([...schema.required].sort());
    expect(body.additionalProperties).toBe(false);
    expect(op.requestBody.required).toBe(true);
  });

  it('answers a command with CommandReply and errors with the runtime\u2019s error object; 502/503 only for a command that calls a service', () => {
    const submit = doc['paths']['/applications/general'].post;
    expect(submit.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CommandReply' });
    // 404: Application has an owner, and Citizens act on their own applications only.
    expect(Object.keys(submit.responses).sort()).toEqual(['200', '400', '401', '403', '404', '422', '502', '503']);
    const record = doc['paths']['/applications/{applicationId}/issuance-result'].post;
    expect(Object.keys(record.responses).sort()).toEqual(['200', '400', '401', '403', '422']);
    expect(record.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(submit.parameters.map((p: Doc) => p['name'])).toEqual(['Idempotency-Key', 'X-Correlation-Id']);
  });

  it('describes a read-model lookup with its key as path parameter and a 404', () => {
    const result = model.contexts.find((c) => c.name === 'result')!;
    const lookups: Doc = openApiDocument(model, result);
    const readModel = result.readModels[0]!;
    const op = lookups['paths'][readModel.http.path].get;
    expect(op.operationId).toBe(`get${readModel.name}`);
    expect(op.parameters.map((p: Doc) => p['name'])).toEqual([readModel.key.name]);
    expect(Object.keys(op.responses)).toEqual(['200', '401', '403', '404']);
    const entry = lookups['components'].schemas[`${readModel.name}.entry`];
    expect(entry.required).toEqual([readModel.key.name, 'status', 'lastEvent', 'updatedAt']);
    const names = [...new Set([...readModel.fields.map((f) => f.name), 'status', 'lastEvent', 'updatedAt'])];
    expect(Object.keys(entry.properties)).toEqual(names);
    // The projection's status (runtime: p.status[event] ?? event) takes the place of a field of that name.
    const statuses = readModel.from.map((f) => readModel.status.get(f.name) ?? f.name);
    expect(entry.properties.status.enum).toEqual([...new Set(statuses)]);
    expect(entry.properties.lastEvent.enum).toEqual([...new Set(readModel.from.map((f) => f.name))]);
  });
});
