/**
 * Model text is hostile until escaped: titles and descriptions full of YAML and JSON syntax,
 * quotes, newlines and non-ASCII come out of both exports, in both formats, exactly as written,
 * and the documents still validate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { validate } from '@readme/openapi-parser';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument } from '../../src/export/asyncapi.js';
import { documentText } from '../../src/export/format.js';
import { openApiDocument } from '../../src/export/openapi.js';
import { ROOT, validModel } from './support.js';

const HOSTILE = [
  'He said "stop": now # not a comment',
  "'single' & *alias !tag |pipe >fold %dir @at `tick`",
  'line one\nline two\n\n  indented: true\n- item',
  'null',
  'yes',
  '0x1F',
  '--- ...',
  '{ a: b }, [c]',
  '</script><script>alert(1)</script>',
  'back\\slash \\n is not a newline',
  'ünïcødé 한국어 🚀',
  '  padded  ',
  '${injection} {{handlebars}} $ref',
];

type Doc = Record<string, any>;

function hostileModel(i: number) {
  const raw = load(readFileSync(join(ROOT, 'test/fixtures/minimal/model.yaml'), 'utf8')) as Doc;
  const text = HOSTILE[i]!;
  raw['platform'].title = `Permits: "${i}" # office`;
  raw['platform'].description = text;
  const context = raw['contexts'][0];
  context.description = text;
  const aggregate = context.aggregates[0];
  aggregate.fields.citizenId.description = text;
  aggregate.commands[0].description = text;
  aggregate.events[0].description = text;
  return validModel(`hostile-${i}.yaml`, dump(raw));
}

const parser = new Parser();

describe.each(HOSTILE.map((text, i) => [JSON.stringify(text), i] as const))('description %s', (_, i) => {
  const model = hostileModel(i);
  const text = HOSTILE[i]!;
  const context = model.contexts[0]!;

  it('AsyncAPI: YAML and JSON say the same, and the text comes back exactly', () => {
    const doc = asyncApiDocument(model);
    const yaml = documentText(doc, 'yaml');
    const fromYaml = load(yaml) as Doc;
    expect(fromYaml).toEqual(JSON.parse(documentText(doc, 'json')));
    expect(fromYaml['info'].title).toBe(`Permits: "${i}" # office`);
    expect(fromYaml['info'].description).toBe(text);
    expect(fromYaml['components'].messages.ApplicationSubmitted.description).toBe(text);
    expect(fromYaml['components'].schemas.ApplicationSubmitted.properties.citizenId.description).toBe(text);
  });

  it('OpenAPI: YAML and JSON say the same, and the text comes back exactly', () => {
    const doc = openApiDocument(model, context);
    const fromYaml = load(documentText(doc, 'yaml')) as Doc;
    expect(fromYaml).toEqual(JSON.parse(documentText(doc, 'json')));
    expect(fromYaml['info'].description).toBe(text);
    const submit = fromYaml['paths']['/applications'].post;
    expect(submit.description.startsWith(text)).toBe(true);
    expect(fromYaml['components'].schemas['SubmitApplication.request'].properties.citizenId.description).toBe(text);
  });
});

/** The parsers are slow: they read the cases a reader could take for something else (a null, a block). */
describe.each([2, 3, 6].map((i) => [JSON.stringify(HOSTILE[i]), i] as const))('the parsers accept the documents with description %s', (_, i) => {
  const model = hostileModel(i);

  it('AsyncAPI', async () => {
    const errors = (await parser.validate(documentText(asyncApiDocument(model), 'yaml'))).filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors).toEqual([]);
  }, 120_000);

  it('OpenAPI', async () => {
    const result = await validate(load(documentText(openApiDocument(model, model.contexts[0]!), 'yaml')) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
  }, 120_000);
});
