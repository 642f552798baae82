/**
 * Escape at emission, the second line of defence: a model whose every free-text field (titles,
 * descriptions, actors and their roles, the image registry and tag) holds hostile text, built by overriding the
 * IR of a valid model so that no validation rule stands in the way. Whatever the text holds,
 * the generated tree has the structure of the clean one: TypeScript parses to the same syntax
 * tree, YAML and JSON parse to the same keys, Dockerfiles hold the same instructions, the README
 * the same blocks; and no unsafe character is written raw.
 */
import { load, loadAll } from 'js-yaml';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generators/index.js';
import type { GeneratedFile } from '../../src/generators/types.js';
import type { Model } from '../../src/model/valid.js';
import { MINIMAL, MODELS_DIR, modelOf, request } from './scaffold-support.js';
import { join } from 'node:path';

/** Hostile pieces of text: line breaks of every kind, comment and template closers, markup, controls. */
const BATTERY = [
  'x)\nRUN touch pwned \\\n# (',
  '\nglobal: {a: 1}',
  'a\r\nRUN crlf\rRUN cr',
  '*/ pwned(); /*',
  '--> <!-- <script>alert(1)</script> <img src=x onerror=alert(1)>',
  '{{pwned}} ${pwned} `pwned` \'"\\',
  '# Heading\n## Sub\n- item\n1. one\n> quote\n```\n~~~',
  'x\n::warning::pwned',
  '\u001b[31mred\u0007bell\u0000nul\u007fdel',
  'line\u2028separator\u2029paragraph\u0085next',
  '\u202eevil\u202c \u2066isolate\u2069 \ufeffbom \u200fmark',
  '[link](javascript:alert(1)) ![img](x) <https://example.com> & &amp;',
  '| table | cell |\n---|---',
  "key: 'value' # comment\n---\n...\n? complex\n: value\n- &anchor *alias !!binary",
  '%YAML 1.1\n%TAG ! tag:x,2000:',
  `long ${'x'.repeat(5000)} end`,
];

/** The battery rotated by `n`: each field starts with a different piece. */
function hostile(n: number): string {
  const k = n % BATTERY.length;
  return [...BATTERY.slice(k), ...BATTERY.slice(0, k)].join(' ');
}

/** Keys of the IR that hold free text. */
const FREE_TEXT = new Set(['title', 'description', 'actor', 'role', 'registry', 'tag']);

/**
 * A copy of the model (the IR is frozen) with every free-text string, given or not, set to
 * `text(n)`, n counting the strings set. References keep pointing at the copies of their targets.
 * The copy skips the text rules on purpose (it is still typed as valid): the emitters are the
 * second line of defence and must hold without the first.
 */
function withText(model: Model, text: (n: number) => string, keys: ReadonlySet<string> = FREE_TEXT): Model {
  const seen = new Map<object, unknown>();
  let n = 0;
  const copy = (value: unknown, key: string | undefined): unknown => {
    if (key !== undefined && keys.has(key) && (typeof value === 'string' || value === undefined)) return text(n++);
    if (typeof value !== 'object' || value === null || value instanceof Map) return value;
    const done = seen.get(value);
    if (done) return done;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const v of value) out.push(copy(v, undefined));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const [k, v] of Object.entries(value)) out[k] = copy(v, k);
    return out;
  };
  return copy(model, undefined) as Model;
}

/** Unsafe characters no generated file may hold raw (tabs and line feeds aside). */
const RAW_UNSAFE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** The syntax tree of a TypeScript file as a list: node kinds, and the text of identifiers. */
function skeleton(path: string, text: string): { shape: string[]; errors: string[] } {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  const shape: string[] = [];
  const walk = (node: ts.Node) => {
    shape.push(ts.isIdentifier(node) || ts.isPrivateIdentifier(node) ? `${ts.SyntaxKind[node.kind]} ${node.text}` : ts.SyntaxKind[node.kind]);
    ts.forEachChild(node, walk);
  };
  walk(file);
  return { shape, errors: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) };
}

/** Keys at every depth of parsed YAML or JSON, as paths. */
function keyPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [`${at}/${k}`, ...keyPaths(v, `${at}/${k}`)]);
  }
  return [];
}

/** The instructions of a Dockerfile: its lines that are neither comments nor blank. */
function instructions(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

/** What starts each line of a Markdown file: heading, list item, quote, table row, fence, or text. */
function blockKinds(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^ {0,3}(```|~~~)/.test(line)) {
      fenced = !fenced;
      return 'fence';
    }
    if (fenced) return 'code';
    if (line.trim() === '') return 'blank';
    const m = /^ {0,3}(#{1,6}(?=\s|$)|[-+*](?=\s)|\d+[.)](?=\s)|>|\||<|[=-]+\s*$)/.exec(line);
    return m ? `block ${m[1]!.replace(/\d+/, '1')}` : 'text';
  });
}

/** A Markdown line with code spans and backslash escapes taken out: what is left is rendered as markup. */
function outsideCode(line: string): string {
  return line.replace(/\\./g, '').replace(/(`+)(?:(?!\1).)*?\1/g, '');
}

const isYaml = (path: string) => /\.ya?ml$/.test(path) && !/^helm\/[^/]+\/templates\//.test(path);
const isDockerfile = (path: string) => /(^|\/)Dockerfile$/.test(path);

describe.each([
  { name: 'minimal', file: MINIMAL },
  { name: 'gov24', file: join(MODELS_DIR, 'gov24.yaml') },
])('hostile free text in $name', ({ file }) => {
  // The same fields, set to harmless text: what the hostile tree is compared with.
  const clean = withText(modelOf(file), (n) => `Plain text ${n}`);
  let fields = 0;
  const hostileModel = withText(modelOf(file), (n) => (fields++, hostile(n)));
  const cleanFiles = new Map(generate(request(clean)).map((f) => [f.path, f.content]));
  const files: GeneratedFile[] = generate(request(hostileModel));
  const byKind = (test: (path: string) => boolean) => files.filter((f) => test(f.path));

  it('generates the same files as the clean model', () => {
    expect(fields).toBeGreaterThan(20);
    expect(files.map((f) => f.path)).toEqual([...cleanFiles.keys()]);
    expect(files.some((f) => f.content.includes('pwned'))).toBe(true); // the text did land somewhere
  });

  it('writes no unsafe character raw, in any file', () => {
    for (const f of files) expect(RAW_UNSAFE.exec(f.content)?.[0], f.path).toBeUndefined();
  });

  it('TypeScript: every file parses, to the syntax tree of the clean file', () => {
    const tsFiles = byKind((p) => p.endsWith('.ts'));
    expect(tsFiles.length).toBeGreaterThan(10);
    for (const f of tsFiles) {
      const got = skeleton(f.path, f.content);
      expect(got.errors, f.path).toEqual([]);
      expect(got.shape, f.path).toEqual(skeleton(f.path, cleanFiles.get(f.path)!).shape);
    }
  });

  it('YAML: every document parses, with the keys of the clean one, and keeps the text as it was', () => {
    const yamlFiles = byKind(isYaml);
    expect(yamlFiles.length).toBeGreaterThan(3);
    for (const f of yamlFiles) {
      const docs = loadAll(f.content);
      const cleanDocs = loadAll(cleanFiles.get(f.path)!);
      expect(docs.map((d) => keyPaths(d)), f.path).toEqual(cleanDocs.map((d) => keyPaths(d)));
    }
    const chart = yamlFiles.find((f) => f.path.endsWith('/Chart.yaml'))!;
    expect((load(chart.content) as { description: string }).description).toBe(hostileModel.platform.title);
    const values = yamlFiles.find((f) => /\/values\.yaml$/.test(f.path))!;
    const global = (load(values.content) as { global: { image: { registry: string; tag: string } } }).global;
    expect(global.image).toMatchObject({ registry: hostileModel.platform.deploy.image.registry, tag: hostileModel.platform.deploy.image.tag });
  });

  it('JSON: every file parses, with the keys of the clean one', () => {
    const jsonFiles = byKind((p) => p.endsWith('.json'));
    expect(jsonFiles.length).toBeGreaterThan(5);
    for (const f of jsonFiles) {
      expect(keyPaths(JSON.parse(f.content)), f.path).toEqual(keyPaths(JSON.parse(cleanFiles.get(f.path)!)));
    }
  });

  it('Dockerfile: the instructions of the template and nothing else; the text only in comments', () => {
    const dockerfiles = byKind(isDockerfile);
    expect(dockerfiles.length).toBe(clean.contexts.length);
    for (const f of dockerfiles) {
      expect(instructions(f.content), f.path).toEqual(instructions(cleanFiles.get(f.path)!));
      expect(f.content).toContain('# RUN touch pwned \\');
    }
  });

  it('Markdown: the blocks of the clean README, no raw HTML, no link, no line of the text its own', () => {
    const readme = files.find((f) => f.path === 'README.md')!.content;
    const cleanReadme = cleanFiles.get('README.md')!;
    expect(blockKinds(readme)).toEqual(blockKinds(cleanReadme));
    // What renders as markup: lines outside fenced code blocks, without code spans and escapes.
    const markup = (text: string) => {
      const kinds = blockKinds(text);
      return text
        .split('\n')
        .filter((_, i) => kinds[i] !== 'code')
        .map(outsideCode)
        .join('\n');
    };
    for (const pattern of [/</g, /\[/g, /&/g, /\*/g]) {
      expect(markup(readme).match(pattern)?.length ?? 0, String(pattern)).toBe(markup(cleanReadme).match(pattern)?.length ?? 0);
    }
    expect(markup(readme)).not.toMatch(/<script|<img|\]\(/);
    expect(readme).toContain('<script>'); // inside the layout's code block, where it is text
    expect(readme).toContain(`# x)\\nRUN`.replace('\\n', ' ')); // the title's line break became a space
  });
});

describe("the issue's reproductions", () => {
  const minimal = () => modelOf(MINIMAL);
  const override = (model: Model, patch: (m: { platform: Record<string, unknown>; contexts: Record<string, unknown>[] }) => void): Model => {
    const copy = withText(model, (n) => `Plain text ${n}`, new Set());
    patch(copy as unknown as { platform: Record<string, unknown>; contexts: Record<string, unknown>[] });
    return copy;
  };
  const dockerRuns = (files: GeneratedFile[]) =>
    files.filter((f) => isDockerfile(f.path)).flatMap((f) => instructions(f.content).filter((l) => /^\s*RUN\b/.test(l)));

  it('a context title cannot add a RUN instruction to a Dockerfile', () => {
    const before = dockerRuns(generate(request(minimal())));
    const model = override(minimal(), (m) => (m.contexts[0]!['title'] = 'x)\nRUN touch pwned \\\n# ('));
    const after = dockerRuns(generate(request(model)));
    expect(after).toEqual(before);
    expect(after.join('\n')).not.toContain('pwned');
  });

  it('neither can the image registry or tag', () => {
    const before = dockerRuns(generate(request(minimal())));
    const model = override(minimal(), (m) => {
      const image = { registry: 'registry.example\nRUN touch pwned', tag: '1.0\rRUN touch pwned' };
      m.platform['deploy'] = { ...(m.platform['deploy'] as object), image };
    });
    expect(dockerRuns(generate(request(model)))).toEqual(before);
  });

  it('platform.title cannot add a top-level key to values.yaml', () => {
    const model = override(minimal(), (m) => (m.platform['title'] = 'Permits\nglobal: {a: 1}\nevil: true'));
    const values = generate(request(model)).find((f) => /^helm\/[^/]+\/values\.yaml$/.test(f.path))!;
    expect(Object.keys(load(values.content) as object)).toEqual(['global', 'services']);
    expect((load(values.content) as { global: object }).global).not.toHaveProperty('a');
  });

  it('U+2028, U+2029 and U+0085 in titles appear in no YAML file raw', () => {
    const model = override(minimal(), (m) => {
      m.platform['title'] = 'a\u2028b\u2029c\u0085d';
      for (const c of m.contexts) c['title'] = 'e\u0085f\u2028g';
    });
    const yaml = generate(request(model)).filter((f) => isYaml(f.path));
    for (const f of yaml) expect(f.content, f.path).not.toMatch(/[\u2028\u2029\u0085]/);
    const chart = yaml.find((f) => f.path.endsWith('/Chart.yaml'))!;
    expect((load(chart.content) as { description: string }).description).toBe('a\u2028b\u2029c\u0085d');
  });
});

describe('one very long title', () => {
  it('writes every YAML file (js-yaml alone overflows the stack on a 3 MB string)', () => {
    const big = `${'Title '.repeat(500_000)}end`;
    const model = withText(modelOf(MINIMAL), () => big, new Set(['title']));
    const files = generate(request(model));
    const chart = files.find((f) => f.path.endsWith('/Chart.yaml'))!;
    expect((load(chart.content) as { description: string }).description).toBe(big);
    for (const f of files.filter((x) => isYaml(x.path))) expect(() => loadAll(f.content), f.path).not.toThrow();
  });
});
