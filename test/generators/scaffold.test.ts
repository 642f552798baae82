/**
 * The whole output tree of `scaffold` (src/generators/index.ts): golden files of the minimal
 * model, determinism, confinement of paths, ownership, the merge instructions of user-owned
 * handler files, and the template contract.
 */
import { NODE_ENGINE } from '../../src/generators/names/versions.js';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, isSafeRelativePath } from '../../src/generators/index.js';
import { GENERATED_HEADER, type GeneratedFile } from '../../src/generators/types.js';
import { expectGolden, updating } from '../support/golden.js';
import { allModels, FIXTURES, MINIMAL, modelOf, request, templates } from './scaffold-support.js';

const EXPECTED = join(FIXTURES, 'minimal', 'expected');
/** Golden folders that belong to the Kafka and Helm generators' own tests (kubernetes/: the Helm generator's namespaces): read here, never written. */
const FOREIGN = ['kafka/', 'helm/', 'kubernetes/'];
/** The runtime's sources, copied verbatim from templates/runtime/: checked by their own test below, not kept twice. */
const verbatim = (path: string) => /^packages\/runtime\/(src|test|integration)\//.test(path);

function filesOnDisk(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}

describe('scaffold of the minimal model', () => {
  const files = generate(request(modelOf(MINIMAL)));

  it('matches test/fixtures/minimal/expected/, file by file, with no file missing or extra', () => {
    for (const f of files.filter((x) => !verbatim(x.path))) {
      const foreign = FOREIGN.some((prefix) => f.path.startsWith(prefix));
      if (updating && foreign) continue; // their own tests rewrite those
      expectGolden(join(EXPECTED, f.path), f.content);
    }
    const generated = files.map((f) => f.path).filter((p) => !verbatim(p));
    if (updating) {
      for (const stale of filesOnDisk(EXPECTED).filter((p) => !generated.includes(p) && !FOREIGN.some((x) => p.startsWith(x)))) {
        rmSync(join(EXPECTED, stale));
      }
      return;
    }
    expect(filesOnDisk(EXPECTED)).toEqual([...generated].sort());
  });

  it('writes the tree the design describes', () => {
    const paths = files.map((f) => f.path);
    for (const expected of [
      'package.json',
      'tsconfig.base.json',
      'tsconfig.json',
      'vitest.config.ts',
      'vitest.kafka.config.ts',
      'docker-compose.yml',
      'README.md',
      '.gitignore',
      'tests/platform.test.ts',
      'packages/runtime/package.json',
      'packages/runtime/src/index.ts',
      'packages/runtime/test/support.ts',
      'packages/runtime/integration/kafka.integration.test.ts',
      'packages/platform/src/index.ts',
      'packages/platform/src/main.ts',
      'services/application/package.json',
      'services/application/Dockerfile',
      'services/application/src/generated/service.ts',
      'services/application/src/generated/schemas/ApplicationSubmitted.schema.json',
      'services/application/src/generated/schemas/SubmitApplication.schema.json',
      'services/application/src/domain/Application.ts',
      'services/application/src/policies/CancelApplicationWhenIssuanceFailed.ts',
      'services/application/src/main.ts',
      'services/application/test/application.test.ts',
      'services/issuance/src/policies/IssuePermitWhenApplicationSubmitted.ts',
      'services/lookup/src/generated/service.ts',
      'kafka/permits/topics.yaml',
      'helm/permits/values.yaml',
    ]) {
      expect(paths).toContain(expected);
    }
    // A read-model-only service has no handlers and no policies of its own.
    expect(paths.filter((p) => p.startsWith('services/lookup/src/') && !p.startsWith('services/lookup/src/generated/'))).toEqual([
      'services/lookup/src/main.ts',
    ]);
  });

  it('copies every runtime source verbatim under the DO NOT EDIT header', () => {
    const runtimeKeys = [...templates.keys()].filter((k) => /^runtime\/(src|test|integration)\//.test(k));
    expect(runtimeKeys.length).toBeGreaterThan(10);
    for (const key of runtimeKeys) {
      const file = files.find((f) => f.path === `packages/${key}`);
      expect(file, key).toBeDefined();
      expect(file!.ownership).toBe('generated');
      expect(file!.content).toBe(`// ${GENERATED_HEADER}\n${templates.get(key)!.endsWith('\n') ? templates.get(key) : `${templates.get(key)}\n`}`);
    }
  });

  it('marks exactly the handlers, policies, main.ts and the tests as user-owned', () => {
    const userOwned = files.filter((f) => f.ownership === 'user-owned').map((f) => f.path);
    expect(userOwned).toEqual([
      'services/application/src/domain/Application.ts',
      'services/application/src/main.ts',
      'services/application/src/policies/CancelApplicationWhenIssuanceFailed.ts',
      'services/application/test/application.test.ts',
      'services/issuance/src/domain/Permit.ts',
      'services/issuance/src/main.ts',
      'services/issuance/src/policies/IssuePermitWhenApplicationSubmitted.ts',
      'services/issuance/test/issuance.test.ts',
      'services/lookup/src/main.ts',
      'services/lookup/test/lookup.test.ts',
      'tests/platform.test.ts',
    ]);
    for (const f of files.filter((x) => x.ownership === 'generated')) {
      if (/\.(ts|ya?ml|md)$|Dockerfile$|\.gitignore$/.test(f.path)) expect(f.content, f.path).toContain(GENERATED_HEADER);
      if (f.path.endsWith('.json')) expect(() => JSON.parse(f.content), f.path).not.toThrow();
    }
    for (const f of files.filter((x) => x.ownership === 'user-owned')) expect(f.content, f.path).not.toContain(GENERATED_HEADER);
  });

  it('names the workspace packages and scripts after the platform', () => {
    const json = (path: string) => JSON.parse(files.find((f) => f.path === path)!.content) as Record<string, unknown>;
    const root = json('package.json');
    expect(root).toMatchObject({
      name: 'permits-platform',
      private: true,
      type: 'module',
      workspaces: ['packages/*', 'services/*'],
      engines: { node: NODE_ENGINE },
      scripts: {
        typecheck: 'tsc -p tsconfig.json --noEmit',
        test: 'vitest run',
        'test:kafka': 'vitest run --config vitest.kafka.config.ts',
        dev: 'node packages/platform/src/main.ts',
        'start:application': 'npm run start -w services/application',
        'start:issuance': 'npm run start -w services/issuance',
        'start:lookup': 'npm run start -w services/lookup',
      },
      'msa-gen': { version: '0.0.0-test' },
    });
    expect(Object.keys(root['devDependencies'] as object)).toEqual(['@types/node', 'node', 'typescript', 'vitest']);
    expect(json('packages/runtime/package.json')).toMatchObject({ name: '@permits/runtime', exports: { '.': './src/index.ts' } });
    expect(json('packages/platform/package.json')).toMatchObject({
      name: '@permits/platform',
      dependencies: { '@permits/runtime': '*', '@permits/application': '*', '@permits/issuance': '*', '@permits/lookup': '*' },
    });
    expect(json('services/issuance/package.json')).toMatchObject({
      name: '@permits/issuance',
      private: true,
      type: 'module',
      exports: { '.': './src/generated/service.ts' },
      scripts: { start: 'node src/main.ts' },
      dependencies: { '@permits/runtime': '*' },
    });
  });

  it('gives each domain file the merge instruction for its handlers, each member as written in the file', () => {
    const model = modelOf(MINIMAL);
    for (const aggregate of model.aggregates) {
      const file = files.find((f) => f.path === `services/${aggregate.context.name}/src/domain/${aggregate.name}.ts`)!;
      expect(file.merge?.kind).toBe('object-members');
      const variable = `${aggregate.name.charAt(0).toLowerCase()}${aggregate.name.slice(1)}Handlers`;
      expect(file.merge?.variable).toBe(variable);
      expect(file.content).toContain(`export const ${variable}: ${aggregate.name}Handlers = {`);
      expect(file.merge?.members.map((m) => m.name)).toEqual(aggregate.commands.map((c) => c.name));
      for (const member of file.merge!.members) {
        const indented = member.text
          .split('\n')
          .map((l) => (l ? `  ${l}` : l))
          .join('\n');
        expect(file.content).toContain(`${indented},\n`);
        // The stub is the generated default itself: the runtime calls it with no wrapper in between.
        expect(member.text.split('\n').at(-1)).toMatch(new RegExp(`^(${member.name}:|\\s+)\\s*\\w+Defaults\\.${member.name}$`));
      }
    }
    for (const f of files.filter((x) => x.merge)) expect(f.ownership).toBe('user-owned');
  });

  it('lets the merger add a handler back to a domain file exactly as it was generated', async () => {
    const { createMerger } = await import('../../src/output/merge.js');
    const merger = createMerger();
    for (const file of files.filter((f) => f.merge && f.merge.members.length > 1)) {
      const spec = file.merge!;
      const last = spec.members.at(-1)!;
      // The file as written before the model gained its last command.
      const indented = `${last.text
        .split('\n')
        .map((l) => (l ? `  ${l}` : l))
        .join('\n')},\n`;
      const older = file.content.replace(indented, '');
      expect(older).not.toBe(file.content);
      expect(merger.missingMembers(file.path, older, spec)).toEqual([last.name]);
      expect(merger.addMembers(file.path, older, spec, [last.name])).toBe(file.content);
    }
  });

  it('reads its text templates from the request, not from disk', () => {
    const model = modelOf(MINIMAL);
    for (const key of ['service/Dockerfile.hbs', 'root/README.md.hbs']) {
      const partial = new Map(templates);
      partial.delete(key);
      expect(() => generate({ ...request(model), templates: partial }), key).toThrow(key);
    }
    const changed = new Map(templates);
    changed.set('service/Dockerfile.hbs', 'FROM scratch # {{context}}\n');
    const out = generate({ ...request(model), templates: changed });
    expect(out.find((f) => f.path === 'services/lookup/Dockerfile')?.content).toContain('FROM scratch # lookup');
  });
});

describe.each(allModels())('scaffold of $name', ({ file }) => {
  let files: GeneratedFile[] = [];
  it('generates', () => {
    files = generate(request(modelOf(file)));
    expect(files.length).toBeGreaterThan(50);
  });

  it('is deterministic: two runs are byte-identical', () => {
    const again = generate(request(modelOf(file)));
    expect(again.map((f) => [f.path, f.ownership, f.content])).toEqual(files.map((f) => [f.path, f.ownership, f.content]));
  });

  it('keeps every path relative, inside the output, unique and sorted', () => {
    const paths = files.map((f) => f.path);
    for (const p of paths) expect(isSafeRelativePath(p), p).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(paths);
  });

  it('writes no timestamp, absolute path or machine name', () => {
    for (const f of files) {
      expect(f.content, f.path).not.toContain(new Date().toISOString().slice(0, 10));
      expect(f.content, f.path).not.toContain(process.cwd());
      expect(f.content, f.path).not.toMatch(/(^|[\s'"(])\/(home|Users|tmp|work)\//m);
    }
  });

  it('writes every file with a final newline', () => {
    for (const f of files) expect(f.content.endsWith('\n'), f.path).toBe(true);
  });
});

describe('confinement', () => {
  it('refuses a template that would write outside the output folder', () => {
    const evil = new Map(templates);
    evil.set('runtime/src/../../../../escape.ts', 'export {};\n');
    expect(() => generate({ ...request(modelOf(MINIMAL)), templates: evil })).toThrow(/not a relative path inside the output folder/);
  });
});

describe('isSafeRelativePath', () => {
  it('accepts relative forward-slash paths inside the output', () => {
    for (const p of ['a', 'a/b.ts', '.gitignore', 'helm/x/.helmignore']) expect(isSafeRelativePath(p), p).toBe(true);
  });
  it('refuses absolute, parent, empty and backslash paths', () => {
    for (const p of ['', '/etc/passwd', '../x', 'a/../../b', 'a//b', 'a\\b', 'C:/x', './a', 'a/.']) expect(isSafeRelativePath(p), p).toBe(false);
  });
});
