import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv4Module from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { expectGolden } from '../support/golden.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const dir = 'test/fixtures/diff';
const base = `${dir}/base.yaml`;
const model = (name: string) => `${dir}/${name}/new.yaml`;

interface JsonChange {
  code: string;
  kind: string;
  verdict: 'breaking' | 'migration' | 'compatible';
  breaksUnder: string[];
  subject: { type: string; name: string };
  message: string;
  file: string;
  line: number;
  column: number;
  old?: { file: string; line: number; column: number };
}

async function diffJson(args: string[]): Promise<{ code: number; doc: { mode: string; summary: Record<string, number>; changes: JsonChange[] }; raw: string }> {
  const io = memoryIO(root);
  const code = await run(['diff', '--format', 'json', ...args], io);
  expect(io.err()).toBe('');
  return { code, doc: JSON.parse(io.out()), raw: io.out() };
}

/** Each case under the default mode (full): exit code, and every change as `code verdict subject`. */
const CASES: ReadonlyArray<{ name: string; exit: number; changes: string[] }> = [
  { name: 'field-removed', exit: 1, changes: ['MSAD101 breaking event OrderPlaced'] },
  { name: 'type-changed', exit: 1, changes: ['MSAD103 breaking command PlaceOrder', 'MSAD103 breaking event OrderPlaced'] },
  { name: 'enum-value-removed', exit: 1, changes: ['MSAD106 breaking command PlaceOrder', 'MSAD106 breaking event OrderPlaced'] },
  { name: 'event-renamed', exit: 1, changes: ['MSAD201 breaking event OrderPlaced'] },
  { name: 'event-removed', exit: 1, changes: ['MSAD201 breaking event OrderShipped'] },
  { name: 'partitions-lowered', exit: 1, changes: ['MSAD203 breaking event OrderPlaced'] },
  { name: 'key-changed', exit: 1, changes: ['MSAD108 breaking event OrderPlaced'] },
  { name: 'required-field-added', exit: 1, changes: ['MSAD102 breaking event OrderPlaced'] },
  { name: 'field-added', exit: 0, changes: ['MSAD102 compatible event OrderPlaced'] },
  { name: 'optional-field-removed', exit: 0, changes: ['MSAD101 compatible event OrderPlaced'] },
  { name: 'event-added', exit: 0, changes: ['MSAD202 compatible event OrderCancelled', 'MSAD302 compatible command CancelOrder'] },
  { name: 'consumer-added', exit: 0, changes: ['MSAD207 compatible event OrderShipped'] },
  { name: 'version-bump', exit: 0, changes: ['MSAD101 migration event OrderPlaced', 'MSAD206 migration event OrderPlaced'] },
  { name: 'version-bump-same-topic', exit: 1, changes: ['MSAD101 breaking event OrderPlaced', 'MSAD206 compatible event OrderPlaced'] },
];

describe('msa-gen diff <old> <new>', () => {
  for (const c of CASES) {
    it(`${c.name}: exit ${c.exit}, ${c.changes.join('; ')}`, async () => {
      const { code, doc, raw } = await diffJson([base, model(c.name)]);
      expect(doc.changes.map((x) => `${x.code} ${x.verdict} ${x.subject.type} ${x.subject.name}`)).toEqual(c.changes);
      expect(code).toBe(c.exit);
      expect(doc.mode).toBe('full');
      for (const x of doc.changes) {
        expect(x.file).toBe(model(c.name));
        expect(x.line).toBeGreaterThan(1);
      }
      expectGolden(join(root, dir, c.name, 'expected.json'), raw);
    });
  }

  it('points at the changed field in the new model, and at the field in the old one', async () => {
    const { doc } = await diffJson([base, model('field-added')]);
    const lines = readFileSync(join(root, model('field-added')), 'utf8').split('\n');
    const [change] = doc.changes;
    expect(lines[change!.line - 1]!.slice(change!.column - 1)).toMatch(/^coupon\]/);
    const removed = (await diffJson([base, model('type-changed')])).doc.changes.find((x) => x.subject.type === 'event')!;
    const old = readFileSync(join(root, base), 'utf8').split('\n');
    expect(removed.old!.file).toBe(base);
    expect(old[removed.old!.line - 1]!.slice(removed.old!.column - 1)).toMatch(/^total, note, channel\]/);
  });

  it('no change at all: exit 0 and says so', async () => {
    const io = memoryIO(root);
    expect(await run(['diff', base, base], io)).toBe(0);
    expect(io.out()).toContain('No change to any event or command contract (mode full).');
  });

  it('the old model against the new one in reverse: a removed optional field is compatible, a removed required one is not', async () => {
    // Reversing required-field-added removes a required field: breaking under forward and full, not under backward.
    const reverse = [model('required-field-added'), base];
    expect((await diffJson(reverse)).code).toBe(1);
    expect((await diffJson(['--mode', 'backward', ...reverse])).code).toBe(0);
    expect((await diffJson(['--mode', 'forward', ...reverse])).code).toBe(1);
  });
});

describe('msa-gen diff --mode', () => {
  /** Exit code per mode: [backward, forward, full]. */
  const TABLE: ReadonlyArray<[string, [number, number, number]]> = [
    ['field-removed', [0, 1, 1]],
    ['optional-field-removed', [0, 0, 0]],
    ['required-field-added', [1, 0, 1]],
    ['field-added', [0, 0, 0]],
    ['enum-value-removed', [1, 0, 1]],
    ['type-changed', [1, 1, 1]],
    ['key-changed', [1, 1, 1]],
    ['partitions-lowered', [1, 1, 1]],
    ['event-renamed', [1, 1, 1]],
    ['version-bump', [0, 0, 0]],
  ];
  for (const [name, exits] of TABLE) {
    it(`${name}: backward ${exits[0]}, forward ${exits[1]}, full ${exits[2]}`, async () => {
      const got: number[] = [];
      for (const mode of ['backward', 'forward', 'full']) {
        const { code, doc } = await diffJson(['--mode', mode, base, model(name)]);
        expect(doc.mode).toBe(mode);
        expect(doc.summary['breaking']! > 0).toBe(code === 1);
        got.push(code);
      }
      expect(got).toEqual(exits);
    });
  }

  it('an enum value added breaks old readers only (forward, full)', async () => {
    // The reverse of enum-value-removed adds the value back.
    const reverse = [model('enum-value-removed'), base];
    const codes = [];
    for (const mode of ['backward', 'forward', 'full']) codes.push((await diffJson(['--mode', mode, ...reverse])).code);
    expect(codes).toEqual([0, 1, 1]);
    const { doc } = await diffJson(reverse);
    expect(doc.changes.map((x) => x.kind)).toEqual(['enum-value-added', 'enum-value-added']);
    expect(doc.changes[0]!.breaksUnder).toEqual(['forward', 'full']);
  });

  it('refuses an unknown mode with exit 2', async () => {
    const io = memoryIO(root);
    expect(await run(['diff', '--mode', 'sideways', base, model('field-added')], io)).toBe(2);
    expect(io.err()).toMatch(/sideways/);
  });
});

describe('msa-gen diff output formats', () => {
  it('text: position, verdict, code and message, the source line, a hint and a summary', async () => {
    const io = memoryIO(root, { NO_COLOR: '1' });
    expect(await run(['diff', base, model('version-bump')], io)).toBe(0);
    expectGolden(join(root, dir, 'version-bump', 'expected.txt'), io.out());
    const text = await (async () => {
      const io2 = memoryIO(root, { NO_COLOR: '1' });
      await run(['diff', base, model('field-removed')], io2);
      return io2.out();
    })();
    expect(text).toContain(`${model('field-removed')}:30:13 breaking MSAD101 Field "total" of event "OrderPlaced" was removed`);
    expect(text).toContain('1 change: 1 breaking, 0 migrations, 0 compatible (mode full).');
  });

  it('sarif: valid SARIF 2.1.0, breaking changes as errors and migrations as warnings', async () => {
    const Ajv4 = (Ajv4Module as unknown as { default: typeof Ajv4Module }).default ?? Ajv4Module;
    const ajv = new (Ajv4 as unknown as new (o: object) => import('ajv').default)({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')));
    for (const [name, levels] of [
      ['type-changed', ['error', 'error']],
      ['version-bump', ['warning', 'warning']],
      ['field-added', []],
    ] as const) {
      const io = memoryIO(root);
      await run(['diff', '--format', 'sarif', base, model(name)], io);
      const log = JSON.parse(io.out());
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const results = log.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
      expect(results.map((r) => r.level)).toEqual(levels);
      for (const r of results) {
        expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(model(name));
      }
    }
  });

  it('github: one workflow command per breaking change or migration', async () => {
    const io = memoryIO(root);
    expect(await run(['diff', '--format', 'github', base, model('type-changed')], io)).toBe(1);
    const lines = io.out().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=test\/fixtures\/diff\/type-changed\/new\.yaml,line=26,col=34,title=MSAD103::Field "total" of command "PlaceOrder" changed its type from money to number \(/);
    const bump = memoryIO(root);
    expect(await run(['diff', '--format', 'github', base, model('version-bump')], bump)).toBe(0);
    expect(bump.out().trim().split('\n').every((l) => l.startsWith('::warning '))).toBe(true);
  });
});

describe('msa-gen diff: invalid input', () => {
  it('a model with errors is reported as validate reports it: exit 1, no diff', async () => {
    const io = memoryIO(root, { NO_COLOR: '1' });
    expect(await run(['diff', base, 'test/fixtures/cli/tense/model.yaml'], io)).toBe(1);
    expect(io.out()).toContain('error MSA103');
    expect(io.out()).not.toContain('MSAD');
    expect(io.err()).toContain('diff compares valid models only');
    const json = memoryIO(root);
    expect(await run(['diff', '--format', 'json', base, 'test/fixtures/cli/tense/model.yaml'], json)).toBe(1);
    expect(JSON.parse(json.out()).diagnostics[0].code).toBe('MSA103');
  });

  it('wrong number of models, or a missing file: exit 2 with one line', async () => {
    for (const args of [[base], [base, base, base], ['--base', 'HEAD', base, base], [base, `${dir}/missing.yaml`]]) {
      const io = memoryIO(root);
      expect(await run(['diff', ...args], io)).toBe(2);
      expect(io.err().trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('msa-gen diff --base <ref>', () => {
  const repo = mkdtempSync(join(tmpdir(), 'msa-gen-diff-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'models'));
  writeFileSync(join(repo, 'models', 'shop.yaml'), readFileSync(join(root, base)));
  git('add', '.');
  git('commit', '-q', '-m', 'first model');

  it('reads the old model from the revision, relative to the model file, from any folder', async () => {
    writeFileSync(join(repo, 'models', 'shop.yaml'), readFileSync(join(root, model('field-removed'))));
    const io = memoryIO(repo, { NO_COLOR: '1' });
    expect(await run(['diff', '--base', 'main', 'models/shop.yaml'], io)).toBe(1);
    expect(io.out()).toMatch(/^main:models\/shop\.yaml → models\/shop\.yaml/);
    expect(io.out()).toContain('models/shop.yaml:30:13 breaking MSAD101');
    const inside = memoryIO(join(repo, 'models'));
    expect(await run(['diff', '--base', 'HEAD', '--format', 'json', 'shop.yaml'], inside)).toBe(1);
    expect(JSON.parse(inside.out()).old).toBe('HEAD:shop.yaml');
    writeFileSync(join(repo, 'models', 'shop.yaml'), readFileSync(join(root, model('field-added'))));
    expect(await run(['diff', '--base', 'main', 'models/shop.yaml'], memoryIO(repo))).toBe(0);
  });

  it('an unknown revision, a file the revision lacks, or a ref like an option: exit 2', async () => {
    writeFileSync(join(repo, 'models', 'other.yaml'), readFileSync(join(root, base)));
    for (const [args, message] of [
      [['--base', 'no-such-branch', 'models/shop.yaml'], /cannot read models\/shop\.yaml at no-such-branch: /],
      [['--base', 'main', 'models/other.yaml'], /cannot read models\/other\.yaml at main: .*'main'/],
      [['--base', '--output=x', 'models/shop.yaml'], /--base takes a git revision/],
    ] as const) {
      const io = memoryIO(repo);
      expect(await run(['diff', ...args], io)).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.out()).toBe('');
    }
  });
});

describe('docs/diff.md', () => {
  const doc = readFileSync(join(root, 'docs', 'diff.md'), 'utf8');

  it('shows the real output of the commands it quotes', async () => {
    for (const [args, format] of [
      [[base, model('field-removed')], 'text'],
      [[base, model('event-added')], 'text'],
      [[base, model('version-bump')], 'text'],
      [['--format', 'github', base, model('field-removed')], 'text'],
    ] as const) {
      const io = memoryIO(root, { NO_COLOR: '1' });
      await run(['diff', ...args], io);
      expect(doc).toContain(`\`\`\`${format}\n${io.out()}\`\`\``);
    }
  });

  it('the README quotes the real output too', async () => {
    const io = memoryIO(root, { NO_COLOR: '1' });
    await run(['diff', base, model('field-removed')], io);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`$ msa-gen diff ${base} ${model('field-removed')}\n${io.out()}\`\`\``);
  });

  it('has a row for every change kind, with its code and name', async () => {
    const { ALL_KINDS } = await import('../../src/core/diff/index.js');
    for (const k of ALL_KINDS) expect(doc).toContain(`| ${k.code} | ${k.name} |`);
  });
});
