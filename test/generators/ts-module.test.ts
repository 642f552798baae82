import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declare, join as joinParts, jsonFrom, RUNTIME, runtimeType, runtimeValue, ts, TsModule, typeFrom, valueFrom } from '../../src/generators/ts/module.js';
import { placeholder, reader } from '../../src/generators/ts/field-types.js';
import { Imports } from '../../src/generators/ts/code.js';
import type { Field } from '../../src/model/valid.js';

const field = (over: Partial<Field>): Field => ({
  pointer: '',
  name: 'x',
  type: 'string',
  key: false,
  pii: false,
  list: false,
  optional: false,
  values: [],
  description: undefined,
  ...over,
});

describe('the TypeScript module builder', () => {
  it('imports what the added fragments use, sorted and grouped, the runtime under its package name', () => {
    const module = new TsModule('@acme/runtime', 'A module.')
      .add(ts`const a: ${typeFrom('./b.ts', 'B')} = ${valueFrom('./b.ts', 'b')};`)
      .add(ts`const c = ${runtimeValue('deriveId')}('x');`, ts`type D = ${runtimeType('Source')};`)
      .add(false, undefined);
    expect(module.toString()).toBe(
      [
        '/** A module. */',
        '',
        "import { deriveId, type Source } from '@acme/runtime';",
        "import { b, type B } from './b.ts';",
        '',
        "const a: B = b;",
        '',
        "const c = deriveId('x');",
        '',
        'type D = Source;',
      ].join('\n'),
    );
  });

  it('imports nothing a module does not use', () => {
    const unused = ts`${runtimeValue('deriveId')}`;
    expect(unused.uses).toHaveLength(1);
    expect(new TsModule('@acme/runtime', 'Empty.').add('const x = 1;').toString()).toBe('/** Empty. */\n\nconst x = 1;');
  });

  it('collects the imports of fragments inside literals, and JSON imports with their attributes', () => {
    const text = new TsModule('@acme/runtime', 'Defs.')
      .add(declare('export const defs = ', { a: { schema: jsonFrom('./a.schema.json', 'aSchema') }, list: [valueFrom('./e.ts', 'e')] }))
      .toString();
    expect(text).toContain("import aSchema from './a.schema.json' with { type: 'json' };");
    expect(text).toContain("import { e } from './e.ts';");
    expect(text).toContain('export const defs = { a: { schema: aSchema }, list: [e] };');
  });

  it('joins fragments with their imports', () => {
    const joined = joinParts([runtimeValue('asUuid'), 'x', runtimeValue('asInt')], ', ');
    expect(joined.text).toBe('asUuid, x, asInt');
    expect(joined.uses.map((u) => [u.from, u.name])).toEqual([
      [RUNTIME, 'asUuid'],
      [RUNTIME, 'asInt'],
    ]);
  });
});

describe('Imports', () => {
  it('print RUNTIME as the platform runtime package and take only its export names', () => {
    const imports = new Imports('@acme/runtime').value(RUNTIME, 'deriveId').type(RUNTIME, 'Source').value('./a.ts', 'anything');
    expect(imports.toString()).toBe("import { deriveId, type Source } from '@acme/runtime';\nimport { anything } from './a.ts';");
    // @ts-expect-error: the runtime exports no such value (npm run typecheck checks this line).
    expect(new Imports('@acme/runtime').value(RUNTIME, 'noSuchExport').toString()).toContain('noSuchExport');
    // @ts-expect-error: Source is a type, not a value.
    expect(new Imports('@acme/runtime').value(RUNTIME, 'Source').toString()).toContain('Source');
  });
});

describe('field readers and placeholders carry their imports', () => {
  it('a reader imports the readers it calls', () => {
    const r = reader(field({ type: 'enum', list: true, values: ['A'] }), 'v');
    expect(r.text).toBe("listOf(v, (item) => asEnum(item, ['A']))");
    expect(r.uses.map((u) => u.name).sort()).toEqual(['asEnum', 'listOf']);
  });

  it('a uuid placeholder imports deriveId; others import nothing', () => {
    const scope = { deriveParts: ["'P'", 'key'], now: 'now', urn: 'urn:x' };
    const uuid = placeholder(field({ type: 'uuid', name: 'id' }), scope);
    expect(uuid.text).toBe("deriveId('P', key, 'id')");
    expect(uuid.uses.map((u) => u.name)).toEqual(['deriveId']);
    expect(placeholder(field({ type: 'int' }), scope).uses).toEqual([]);
    expect(placeholder(field({ type: 'uuid', list: true }), scope)).toMatchObject({ text: '[]', uses: [] });
  });
});

describe('the runtime export names', () => {
  it('src/generators/ts/runtime-exports.ts lists the runtime package exports as they are', () => {
    const script = join(import.meta.dirname, '..', '..', 'scripts', 'runtime-exports.mjs');
    // --check exits 1 (and execFileSync throws) when the committed list is stale.
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
