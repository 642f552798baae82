/**
 * The layers, read from the import statements of src/: cli → core → (model, generators,
 * output, board); board imports only the model; generators and output share only src/tree and never import each other; model and
 * tree import nothing of the project. And `validate` reaches neither the generators nor the
 * output stage, so it pays for neither. Inside src/generators, each artifact's folder imports
 * only the shared modules (names, plan, the emission kits), never another artifact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Project modules a file imports (static, dynamic and type-only), as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
  // Paths outside src/ (the runtime package under templates/, say) belong to no layer.
  return specs.map((s) => relative(SRC, resolve(dirname(file), s)).split('\\').join('/').replace(/\.js$/, '.ts')).filter((p) => !p.startsWith('../'));
}

const layer = (path: string) => path.split('/')[0]!;
const graph = new Map(sources().map((f) => [relative(SRC, f).split('\\').join('/'), importsOf(f)]));

/** Which layers each layer may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  tree: [],
  model: [],
  board: ['model'],
  generators: ['model', 'tree'],
  output: ['tree'],
  export: ['model', 'generators'],
  core: ['model', 'generators', 'output', 'tree', 'export', 'board'],
  cli: ['core', 'model', 'output', 'tree'],
};

describe('layering', () => {
  it('every folder of src/ has a rule, and the graph is not empty', () => {
    expect([...new Set([...graph.keys()].map(layer))].sort()).toEqual(Object.keys(ALLOWED).sort());
    // scaffold reaches the generators through service-cache.ts (which it loads when the model is valid).
    expect(graph.get('core/scaffold.ts')).toContain('core/service-cache.ts');
    expect(graph.get('core/service-cache.ts')).toContain('generators/index.ts');
  });

  for (const [name, allowed] of Object.entries(ALLOWED)) {
    it(`${name} imports only ${allowed.length ? allowed.join(', ') : 'itself'}`, () => {
      const wrong = [...graph]
        .filter(([file]) => layer(file) === name)
        .flatMap(([file, deps]) => deps.filter((d) => layer(d) !== name && !allowed.includes(layer(d))).map((d) => `${file} → ${d}`));
      expect(wrong).toEqual([]);
    });
  }

  it('validate reaches neither the generators nor the output stage', () => {
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const dep of graph.get(file) ?? []) walk(dep);
    };
    walk('cli/validate-command.ts');
    expect(reached.has('core/validate.ts')).toBe(true);
    expect([...reached].filter((f) => ['generators', 'output', 'tree'].includes(layer(f)) || f === 'core/scaffold.ts')).toEqual([]);
  });
});

/** The folders of src/generators that each emit one artifact of the output. */
const ARTIFACTS = ['helm', 'kafka', 'platform', 'root', 'runtime', 'service', 'tests'];
/** What every artifact may use: names and sort order, the plan derived from the model, the emission kits, the file contract. */
const SHARED = ['emit', 'names', 'plan', 'render.ts', 'ts', 'types.ts'];

describe('generators', () => {
  const part = (path: string) => path.split('/')[1]!;
  const generators = [...graph].filter(([file]) => layer(file) === 'generators');

  it('every entry of src/generators is an artifact, a shared module or the index', () => {
    expect([...new Set(generators.map(([file]) => part(file)))].sort()).toEqual([...ARTIFACTS, ...SHARED, 'index.ts'].sort());
    expect(graph.get('generators/index.ts')).toContain('generators/service/index.ts');
  });

  it('no artifact imports another artifact, and the shared modules import no artifact', () => {
    const wrong = generators.flatMap(([file, deps]) =>
      deps
        .filter((d) => layer(d) === 'generators' && part(d) !== part(file) && ARTIFACTS.includes(part(d)) && part(file) !== 'index.ts')
        .map((d) => `${file} → ${d}`),
    );
    expect(wrong).toEqual([]);
  });
});
