/**
 * Every export parses and validates with the reference parsers: @asyncapi/parser (AsyncAPI 3,
 * Spectral rules and the binding schemas included) and @readme/openapi-parser (OpenAPI 3.1).
 * gov24's whole platform and each of its contexts, and every model of models/examples, in the
 * YAML the command writes by default. A broken copy of one document must fail, so a validator
 * that accepts anything would be caught.
 */
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { validate } from '@readme/openapi-parser';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument } from '../../src/export/asyncapi.js';
import { documentText } from '../../src/export/format.js';
import { openApiDocument } from '../../src/export/openapi.js';
import { MODEL_FILES, modelFile } from './support.js';

const parser = new Parser();
/** The AsyncAPI parser takes seconds a document; on a busy machine, more than vitest's default. */
const SLOW = 120_000;

async function asyncApiErrors(text: string): Promise<string[]> {
  const diagnostics = await parser.validate(text);
  return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.code} at ${d.path.join('/')}: ${d.message}`);
}

async function openApiErrors(text: string): Promise<string[]> {
  const result = await validate(load(text) as Parameters<typeof validate>[0]);
  return result.valid ? [] : result.errors.map((e) => e.message);
}

describe.each(MODEL_FILES)('%s', (file) => {
  const model = modelFile(file);

  it('the whole platform\u2019s AsyncAPI document has no error', async () => {
    expect(await asyncApiErrors(documentText(asyncApiDocument(model), 'yaml'))).toEqual([]);
  }, SLOW);

  it.each(model.contexts.map((c) => c.name))('context %s: AsyncAPI and OpenAPI documents have no error', async (name) => {
    const context = model.contexts.find((c) => c.name === name)!;
    expect(await asyncApiErrors(documentText(asyncApiDocument(model, { context }), 'yaml'))).toEqual([]);
    expect(await openApiErrors(documentText(openApiDocument(model, context), 'yaml'))).toEqual([]);
  }, SLOW);
});

describe('the validators are not blind', () => {
  const model = modelFile('models/gov24.yaml');

  it('AsyncAPI: a binding with a wrong type and an operation on a missing channel are errors', async () => {
    const doc = JSON.parse(documentText(asyncApiDocument(model), 'json'));
    const first = Object.keys(doc.channels)[0]!;
    doc.channels[first].bindings.kafka.partitions = 'six';
    const op = Object.keys(doc.operations)[0]!;
    doc.operations[op].channel = { $ref: '#/channels/NoSuchTopic' };
    const errors = await asyncApiErrors(JSON.stringify(doc));
    expect(errors.some((e) => e.includes('partitions') || e.includes('bindings'))).toBe(true);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  }, SLOW);

  it('OpenAPI: a path parameter the path does not have is an error', async () => {
    const application = model.contexts.find((c) => c.name === 'application')!;
    const doc = JSON.parse(documentText(openApiDocument(model, application), 'json'));
    const path = Object.keys(doc.paths)[0]!;
    const method = Object.keys(doc.paths[path])[0]!;
    doc.paths[path][method].parameters.push({ name: 'ghost', in: 'path', required: true, schema: { type: 'string' } });
    expect(await openApiErrors(JSON.stringify(doc))).not.toEqual([]);
  }, SLOW);
});
