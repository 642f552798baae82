/**
 * Models that once passed `validate` and then broke `scaffold` (an internal error) or wrote a
 * platform that could not install, type-check or serve. Each must now fail validation with the
 * rule that covers it, at the offending node; its corrected variant validates without errors and
 * generates without throwing.
 */
import { readFileSync } from 'node:fs';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generators/index.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { validateModelText } from '../../src/model/validate.js';
import { MINIMAL, request } from './scaffold-support.js';

/** A model as loaded from YAML, mutated freely by the cases. */
type Raw = Record<string, any>;

const minimalText = readFileSync(MINIMAL, 'utf8');

function minimal(): Raw {
  return load(minimalText) as Raw;
}
const context = (m: Raw, name: string): Raw => m.contexts.find((c: Raw) => c.name === name);
const aggregate = (m: Raw, ctx: string, name: string): Raw => context(m, ctx).aggregates.find((a: Raw) => a.name === name);

interface Case {
  readonly name: string;
  readonly code: string;
  /** Turns the minimal model into the reproducer. */
  readonly broken: (m: Raw) => void;
  /** Turns it into the corrected variant instead. */
  readonly fixed: (m: Raw) => void;
  /** Text of the YAML written from the reproducer where the finding points: its line and column. */
  readonly at: string;
  /** Where `at` occurs more than once: the finding points at its last occurrence. */
  readonly last?: boolean;
  /** Write strings in double quotes (a line break then stays an escape, not a block scalar). */
  readonly quoted?: boolean;
}

/** A command of the application context with a route, its own fields and event. */
function addCommand(m: Raw, name: string, http: string, event: string, fields: unknown = ['applicationId']): void {
  const a = aggregate(m, 'application', 'Application');
  a.commands.push({ name, http, fields, emits: [event] });
  a.events.push({ name: event, fields: ['applicationId'], terminal: true });
}

const routeTemplates: Case[] = [
  ['POST /applications/{applicationId', 'POST /applications/{applicationId}'],
  ['POST /applications/{applicationId}/{applicationId}', 'POST /applications/{applicationId}/copy'],
  ['POST /applications/../amend', 'POST /applications/amend'],
  ['POST /applications//amend', 'POST /applications/amend'],
  ['POST /applications/{applicationId}x', 'POST /applications/{applicationId}/x'],
  ['POST /applications/{}', 'POST /applications/{applicationId}'],
].map(([bad, good]) => ({
  name: `route template ${bad}`,
  code: 'MSA406',
  broken: (m) => addCommand(m, 'AmendApplication', bad!, 'ApplicationAmended'),
  fixed: (m) => addCommand(m, 'AmendApplication', good!, 'ApplicationAmended'),
  at: bad!,
  last: true,
}));

const CASES: Case[] = [
  {
    name: 'two commands on one route',
    code: 'MSA407',
    broken: (m) => addCommand(m, 'AmendApplication', 'POST /applications/{applicationId}/result', 'ApplicationAmended'),
    fixed: (m) => addCommand(m, 'AmendApplication', 'POST /applications/{applicationId}/amendment', 'ApplicationAmended'),
    at: 'POST /applications/{applicationId}/result',
    last: true,
  },
  {
    name: 'two routes that differ in their parameter names only',
    code: 'MSA407',
    broken: (m) => addCommand(m, 'AmendApplication', 'POST /applications/{id}/result', 'ApplicationAmended', { id: 'uuid' }),
    fixed: (m) => addCommand(m, 'AmendApplication', 'PUT /applications/{id}/result', 'ApplicationAmended', { id: 'uuid', applicationId: 'uuid' }),
    at: 'POST /applications/{id}/result',
  },
  {
    name: "a read model's route on the service's liveness probe",
    code: 'MSA407',
    broken: (m) => (context(m, 'lookup').readModels[0].http = 'GET /healthz'),
    fixed: (m) => (context(m, 'lookup').readModels[0].http = 'GET /healthz/{applicationId}'),
    at: 'GET /healthz',
  },
  {
    name: "a read model's default route taken by a command",
    code: 'MSA407',
    broken: (m) => {
      const lookup = context(m, 'lookup');
      lookup.aggregates = [
        {
          name: 'Bookmark',
          fields: { bookmarkId: { type: 'uuid', key: true } },
          commands: [{ name: 'CountApplicationResult', http: 'GET /application-results/{bookmarkId}', emits: ['ApplicationResultCounted'] }],
          events: [{ name: 'ApplicationResultCounted', terminal: true }],
        },
      ];
    },
    fixed: (m) => {
      const lookup = context(m, 'lookup');
      lookup.aggregates = [
        {
          name: 'Bookmark',
          fields: { bookmarkId: { type: 'uuid', key: true } },
          commands: [{ name: 'CountApplicationResult', http: 'GET /application-results/{bookmarkId}/count', emits: ['ApplicationResultCounted'] }],
          events: [{ name: 'ApplicationResultCounted', terminal: true }],
        },
      ];
    },
    at: 'ApplicationResult\n',
  },
  ...routeTemplates,
  {
    name: 'deploy.keda on a context that consumes no event',
    code: 'MSA603',
    broken: (m) => {
      context(m, 'application').policies = undefined;
      context(m, 'application').deploy = { keda: { max: 5 } };
    },
    fixed: (m) => {
      context(m, 'application').policies = undefined;
      context(m, 'application').deploy = { autoscaling: { min: 2, max: 5 } };
    },
    at: 'keda:',
  },
  {
    name: 'a command and an event with one name',
    code: 'MSA201',
    broken: (m) => addCommand(m, 'Reset', 'POST /applications/{applicationId}/reset', 'Reset'),
    fixed: (m) => addCommand(m, 'ResetApplication', 'POST /applications/{applicationId}/reset', 'ApplicationReset'),
    at: 'Reset\n',
  },
  { name: 'a context named runtime', code: 'MSA209', broken: (m) => (context(m, 'lookup').name = 'runtime'), fixed: (m) => (context(m, 'lookup').name = 'runtime-lookup'), at: 'runtime\n' },
  { name: 'a context named platform', code: 'MSA209', broken: (m) => (context(m, 'lookup').name = 'platform'), fixed: (m) => (context(m, 'lookup').name = 'platform-lookup'), at: 'platform\n' },
  {
    name: 'two contexts whose names differ in dashes only',
    code: 'MSA209',
    broken: (m) => m.contexts.push({ name: 'look--up', readModels: [{ name: 'PermitView', key: 'permitId', from: ['PermitIssued'] }] }, { name: 'look-up', readModels: [{ name: 'PermitView', key: 'permitId', from: ['PermitIssued'] }] }),
    fixed: (m) => m.contexts.push({ name: 'look--up', readModels: [{ name: 'PermitView', key: 'permitId', from: ['PermitIssued'] }] }, { name: 'look-up-2', readModels: [{ name: 'PermitView', key: 'permitId', from: ['PermitIssued'] }] }),
    at: 'look-up\n',
  },
  {
    name: "a command named like its aggregate's state type",
    code: 'MSA209',
    broken: (m) => addCommand(m, 'ApplicationState', 'POST /applications/{applicationId}/state', 'ApplicationStateChanged'),
    fixed: (m) => addCommand(m, 'ChangeApplicationState', 'POST /applications/{applicationId}/state', 'ApplicationStateChanged'),
    at: 'ApplicationState\n',
  },
  {
    name: 'a policy named like the routes of its service',
    code: 'MSA209',
    broken: (m) => context(m, 'application').policies.push({ name: 'Routes', on: 'PermitIssued', then: 'CancelApplication' }),
    fixed: (m) => context(m, 'application').policies.push({ name: 'RouteApplication', on: 'PermitIssued', then: 'CancelApplication' }),
    at: 'Routes\n',
  },
  {
    name: "a key field named like a starter test's variable",
    code: 'MSA209',
    broken: (m) => renameKey(m, 'body'),
    fixed: (m) => renameKey(m, 'bodyId'),
    at: 'body:',
  },
  {
    name: 'a policy whose variable is a reserved word',
    code: 'MSA106',
    broken: (m) => context(m, 'application').policies.push({ name: 'Delete', on: 'PermitIssued', then: 'CancelApplication' }),
    fixed: (m) => context(m, 'application').policies.push({ name: 'DeleteApplication', on: 'PermitIssued', then: 'CancelApplication' }),
    at: 'Delete\n',
  },
  {
    name: "an aggregate whose table is the runtime's outbox",
    code: 'MSA210',
    broken: (m) => (context(m, 'lookup').aggregates = [{ name: 'Outbox', fields: { outboxId: { type: 'uuid', key: true } } }]),
    fixed: (m) => (context(m, 'lookup').aggregates = [{ name: 'OutgoingLetter', fields: { letterId: { type: 'uuid', key: true } } }]),
    at: 'Outbox\n',
  },
  {
    name: 'a policy and a read model of one consumer group',
    code: 'MSA506',
    broken: (m) => readModelBeside(m, 'PermitResult'),
    fixed: (m) => readModelBeside(m, 'IssuedPermit'),
    at: 'PermitResult\n',
    last: true,
  },
  {
    name: 'an int field in a path',
    code: 'MSA408',
    broken: (m) => {
      aggregate(m, 'application', 'Application').fields.copies = 'int';
      addCommand(m, 'CopyApplication', 'POST /applications/{applicationId}/copies/{copies}', 'ApplicationCopied', ['applicationId', 'copies']);
    },
    fixed: (m) => {
      aggregate(m, 'application', 'Application').fields.copies = 'int';
      addCommand(m, 'CopyApplication', 'POST /applications/{applicationId}/copies', 'ApplicationCopied', ['applicationId', 'copies']);
    },
    at: 'POST /applications/{applicationId}/copies/{copies}',
  },
  {
    name: 'a context whose name starts with a digit',
    code: 'MSA102',
    broken: (m) => (context(m, 'lookup').name = '24h-lookup'),
    fixed: (m) => (context(m, 'lookup').name = 'lookup-24h'),
    at: '24h-lookup',
  },
  {
    name: 'a line break in a context title (a Dockerfile instruction)',
    code: 'MSA110',
    broken: (m) => (context(m, 'application').title = 'x)\nRUN touch pwned \\\n# ('),
    fixed: (m) => (context(m, 'application').title = 'x) RUN touch pwned \\ # ('),
    at: '"x)',
    quoted: true,
  },
  {
    name: 'a line break in the platform title (a live key in the Helm values)',
    code: 'MSA110',
    broken: (m) => (m.platform.title = 'Permits\nglobal: { namespace: kube-system }'),
    fixed: (m) => (m.platform.title = 'Permits global: { namespace: kube-system }'),
    at: '"Permits',
    quoted: true,
  },
  {
    name: 'U+2028 and U+0085 in titles',
    code: 'MSA110',
    broken: (m) => (context(m, 'issuance').title = 'Permit\u2028issuance\u0085'),
    fixed: (m) => (context(m, 'issuance').title = 'Permit issuance'),
    at: '"Permit',
  },
  {
    name: 'a terminal escape sequence in an enum value',
    code: 'MSA110',
    broken: (m) => (aggregate(m, 'application', 'Application').fields.status.values = ['Received', '\u001b]0;pwned\u0007', 'Cancelled']),
    fixed: (m) => (aggregate(m, 'application', 'Application').fields.status.values = ['Received', 'Issued', 'Cancelled']),
    at: '"\\e]0;',
  },
  {
    name: 'an image registry with a line break',
    code: 'MSA602',
    broken: (m) => (m.platform.deploy = { image: { registry: 'registry.example.gov/permits\nRUN touch pwned', tag: '1.0.0' } }),
    fixed: (m) => (m.platform.deploy = { image: { registry: 'registry.example.gov/permits', tag: '1.0.0' } }),
    at: '"registry.example.gov/permits',
    quoted: true,
  },
  {
    name: 'an image tag that is no tag',
    code: 'MSA602',
    broken: (m) => (m.platform.deploy = { image: { registry: 'registry.example.gov/permits', tag: '-1.0 latest' } }),
    fixed: (m) => (m.platform.deploy = { image: { registry: 'registry.example.gov/permits', tag: '1.0-latest' } }),
    at: '-1.0 latest',
  },
];

function renameKey(m: Raw, key: string): void {
  const permit = aggregate(m, 'issuance', 'Permit');
  permit.fields = { [key]: { type: 'uuid', key: true }, applicationId: 'uuid', reason: 'string' };
  for (const e of permit.events) e.fields = e.fields.map((f: string) => (f === 'permitId' ? key : f));
}

/** A read model of the issuance context, beside its policy IssuePermitWhenApplicationSubmitted renamed PermitResult. */
function readModelBeside(m: Raw, readModel: string): void {
  const issuance = context(m, 'issuance');
  issuance.policies[0].name = 'PermitResult';
  issuance.readModels = [{ name: readModel, key: 'permitId', from: ['PermitIssued'] }];
}

function yamlOf(m: Raw, quoted = false): string {
  return dump(m, { lineWidth: -1, noRefs: true, ...(quoted ? { forceQuotes: true, quotingType: '"' as const } : {}) });
}

/** 1-based line and column of the first occurrence of `text`. */
function positionOf(yaml: string, text: string, last = false): { line: number; column: number } {
  const i = last ? yaml.lastIndexOf(text) : yaml.indexOf(text);
  expect(i, `"${text}" in the model`).toBeGreaterThanOrEqual(0);
  const before = yaml.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - before.lastIndexOf('\n') };
}

const show = (d: readonly Diagnostic[]) => d.map((x) => `${x.line}:${x.column} ${x.code} ${x.message.slice(0, 160)}`);

describe.each(CASES)('$name', (c) => {
  it(`fails validation with ${c.code} at the offending node`, () => {
    const m = minimal();
    c.broken(m);
    const yaml = yamlOf(m, c.quoted);
    const { diagnostics } = validateModelText('model.yaml', yaml);
    const { line, column } = positionOf(yaml, c.at, c.last);
    const found = diagnostics.filter((d) => d.code === c.code);
    expect(show(found), show(diagnostics).join('\n')).toContainEqual(expect.stringMatching(new RegExp(`^${line}:${column} ${c.code} `)));
  });

  it('validates without errors and generates once corrected', () => {
    const m = minimal();
    c.fixed(m);
    const result = validateModelText('model.yaml', yamlOf(m));
    expect(show(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    const files = generate(request(result.valid!));
    expect(files.length).toBeGreaterThan(100);
  });
});

describe('a 3 MB title', () => {
  const title = 'x'.repeat(3_000_000);
  it('fails validation with MSA010 at the title, with a message of reasonable size', () => {
    const yaml = minimalText.replace('  title: Permit Office\n', `  title: ${title}\n`);
    const { diagnostics } = validateModelText('model.yaml', yaml);
    const { line, column } = positionOf(yaml, `title: ${title.slice(0, 20)}`);
    expect(show(diagnostics)).toEqual([`${line}:${column + 'title: '.length} MSA010 "platform.title" is 3,000,000 characters long; at most 200`]);
  });

  it('validates and generates at the largest size allowed', () => {
    const yaml = minimalText.replace('  title: Permit Office\n', `  title: ${'x'.repeat(200)}\n`);
    const result = validateModelText('model.yaml', yaml);
    expect(show(result.diagnostics)).toEqual([]);
    expect(() => generate(request(result.valid!))).not.toThrow();
  });
});
