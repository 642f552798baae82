import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv4Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { CATALOGUE } from '../../src/model/rules/index.js';
import { expectGolden } from '../support/golden.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'cli');
const tense = 'test/fixtures/cli/tense/model.yaml';
const warning = 'test/fixtures/cli/warning/model.yaml';
const minimal = 'test/fixtures/minimal/model.yaml';

describe('msa-gen validate', () => {
  it('exits 0 with one line for a clean model', async () => {
    const io = memoryIO(root);
    expect(await run(['validate', minimal], io)).toBe(0);
    expect(io.out().trim().split('\n')).toHaveLength(1);
    expect(io.out()).toMatch(/^test\/fixtures\/minimal\/model\.yaml: no problems \(3 contexts, /);
    expect(io.err()).toBe('');
  });

  it('exits 1 and names the past-tense fix at the event name', async () => {
    const io = memoryIO(root);
    expect(await run(['validate', tense], io)).toBe(1);
    const text = readFileSync(join(root, tense), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('- name: RequestSubmit')) + 1;
    const column = text[line - 1]!.indexOf('RequestSubmit') + 1;
    expect(io.out()).toContain(
      `${tense}:${line}:${column} error MSA103 Event "RequestSubmit" is not in the past tense; did you mean "RequestSubmitted"?`,
    );
  });

  it('prints the text format like tsc: position, source line, caret, hint, summary', async () => {
    const io = memoryIO(root, { NO_COLOR: '1' });
    await run(['validate', tense], io);
    expectGolden(join(fixtures, 'tense', 'expected.txt'), io.out());
  });

  it('honours NO_COLOR and colours a terminal otherwise', async () => {
    const plain = memoryIO(root, { NO_COLOR: '1' }, true);
    await run(['validate', tense], plain);
    expect(plain.out()).not.toMatch(/\u001b\[/);
    const coloured = memoryIO(root, {}, true);
    await run(['validate', tense], coloured);
    expect(coloured.out()).toMatch(/\u001b\[/);
  });

  it('json holds code, message id, severity, message, data, file, line and column for each finding', async () => {
    const io = memoryIO(root);
    expect(await run(['validate', '--format', 'json', tense], io)).toBe(1);
    const doc = JSON.parse(io.out()) as { diagnostics: Array<Record<string, unknown>>; summary: { errors: number } };
    expect(doc.summary.errors).toBeGreaterThan(0);
    for (const d of doc.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['code', 'messageId', 'severity', 'message', 'data', 'file', 'line', 'column']));
      expect(d['file']).toBe(tense);
      expect(typeof d['line']).toBe('number');
      expect(Object.keys(CATALOGUE.find((r) => r.code === d['code'])!.messages)).toContain(d['messageId']);
    }
    const tenseFinding = doc.diagnostics.find((d) => d['code'] === 'MSA103');
    expect(tenseFinding).toMatchObject({ messageId: 'notPastTense', data: { name: 'RequestSubmit' } });
  });

  it('sarif is valid SARIF 2.1.0 with every rule and a relative location', async () => {
    const io = memoryIO(root);
    expect(await run(['validate', '--format', 'sarif', tense], io)).toBe(1);
    const log = JSON.parse(io.out());
    const Ajv4 = (Ajv4Module as unknown as { default: typeof Ajv4Module }).default ?? Ajv4Module;
    const ajv = new (Ajv4 as unknown as new (o: object) => import('ajv').default)({ strict: false, allErrors: true });
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    const validate = ajv.compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const runLog = log.runs[0];
    expect(runLog.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(CATALOGUE.map((r) => r.code));
    const result = runLog.results.find((r: { ruleId: string }) => r.ruleId === 'MSA103');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(tense);
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(runLog.tool.driver.rules[result.ruleIndex].id).toBe('MSA103');
  });

  it('sarif names each message by id, with arguments that fill the rule\'s message string', async () => {
    const io = memoryIO(root);
    await run(['validate', '--format', 'sarif', tense], io);
    const runLog = JSON.parse(io.out()).runs[0];
    const rules = runLog.tool.driver.rules as Array<{ id: string; messageStrings: Record<string, { text: string }> }>;
    for (const r of rules) {
      expect(Object.keys(r.messageStrings)).toEqual(Object.keys(CATALOGUE.find((c) => c.code === r.id)!.messages));
    }
    expect(runLog.results.length).toBeGreaterThan(0);
    for (const result of runLog.results as Array<{ ruleIndex: number; message: { id: string; arguments: string[]; text: string } }>) {
      const template = rules[result.ruleIndex]!.messageStrings[result.message.id]!.text;
      // SARIF 2.1.0 §3.11.5: {n} is argument n, {{ and }} are literal braces.
      const formatted = template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m, n?: string) => (n === undefined ? m[0]! : result.message.arguments[Number(n)]!));
      expect(result.message.text.startsWith(`${formatted}\n`) || result.message.text === formatted).toBe(true);
    }
  });

  it('github prints workflow annotations', async () => {
    const io = memoryIO(root);
    expect(await run(['validate', '--format', 'github', tense], io)).toBe(1);
    expect(io.out()).toMatch(/^::error file=test\/fixtures\/cli\/tense\/model\.yaml,line=\d+,col=\d+,title=MSA103::Event "RequestSubmit"/m);
  });

  it('warnings alone exit 0, and 1 beyond --max-warnings', async () => {
    expect(await run(['validate', warning], memoryIO(root))).toBe(0);
    expect(await run(['validate', '--max-warnings', '0', warning], memoryIO(root))).toBe(1);
    expect(await run(['validate', '--max-warnings', '1', warning], memoryIO(root))).toBe(0);
  });

  it('validates several files and reports each', async () => {
    const io = memoryIO(root, { NO_COLOR: '1' });
    expect(await run(['validate', minimal, tense], io)).toBe(1);
    expect(io.out()).toContain(`${tense}:`);
    expect(io.out()).toMatch(/Found \d+ errors? in 1 file \(2 files checked\)\./);
  });

  it('exits 2 with one line for a file that does not exist', async () => {
    const io = memoryIO(root);
    expect(await run(['validate', 'does-not-exist.yaml'], io)).toBe(2);
    expect(io.err()).toBe('msa-gen: cannot read does-not-exist.yaml: no such file\n');
    expect(io.out()).toBe('');
  });

  it('exits 2 on usage errors', async () => {
    expect(await run(['validate'], memoryIO(root))).toBe(2);
    expect(await run(['validate', '--format', 'xml', minimal], memoryIO(root))).toBe(2);
    expect(await run(['validate', '--max-warnings', 'many', minimal], memoryIO(root))).toBe(2);
    const io = memoryIO(root);
    expect(await run(['valdate', minimal], io)).toBe(2);
    expect(io.err()).toContain('Did you mean validate?');
  });
});

describe('msa-gen explain, --help, --version', () => {
  it('explains a rule by code or name', async () => {
    const io = memoryIO(root);
    expect(await run(['explain', 'MSA103'], io)).toBe(0);
    expect(io.out()).toMatch(/^MSA103 event-past-tense \(error\)/);
    const byName = memoryIO(root);
    expect(await run(['explain', 'event-past-tense'], byName)).toBe(0);
    expect(byName.out()).toBe(io.out());
  });
  it('lists a rule\'s message ids with their templates', async () => {
    const io = memoryIO(root);
    expect(await run(['explain', 'MSA103'], io)).toBe(0);
    const template = CATALOGUE.find((r) => r.code === 'MSA103')!.messages['notPastTense'];
    expect(typeof template).toBe('string');
    expect(io.out()).toContain(`\nMessages:\n  notPastTense  ${String(template)}`);
  });
  it('lists every rule without a code', async () => {
    const io = memoryIO(root);
    expect(await run(['explain'], io)).toBe(0);
    expect(io.out().trim().split('\n')).toHaveLength(CATALOGUE.length);
  });
  it('exits 2 for an unknown code, with a suggestion', async () => {
    const io = memoryIO(root);
    expect(await run(['explain', 'MSA13'], io)).toBe(2);
    expect(io.err()).toContain('did you mean "MSA103"?');
  });
  it('prints help and version with exit 0', async () => {
    const help = memoryIO(root);
    expect(await run(['--help'], help)).toBe(0);
    expect(help.out()).toContain('validate');
    const ver = memoryIO(root);
    expect(await run(['--version'], ver)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(ver.out().trim()).toBe(pkg.version);
  });
});
