/**
 * A TypeScript module builder in the spirit of Prisma's ts-builders: a fragment of code carries
 * the imports it uses, and adding it to a module collects them, so whether a name is imported is
 * decided by the code that uses it and nowhere else. The module prints its doc comment, its
 * imports (sorted and grouped by Imports) and its blocks, one empty line between them.
 */
import { Imports, RUNTIME, blocks, docComment, render } from './code.js';
import type { RuntimeType, RuntimeValue } from './runtime-exports.js';

export { RUNTIME } from './code.js';

/** One import a fragment needs. */
export type Use =
  | { readonly kind: 'value' | 'type'; readonly from: string; readonly name: string }
  | { readonly kind: 'default'; readonly from: string; readonly name: string; readonly attributes: string };

/** TypeScript text with the imports it uses. */
export interface Fragment {
  readonly kind: 'fragment';
  readonly text: string;
  readonly uses: readonly Use[];
}

export type Part = string | Fragment;

export function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'fragment';
}

export function fragment(text: string, ...uses: Use[]): Fragment {
  return { kind: 'fragment', text, uses };
}

/** The imports of a fragment that needs none (shared: a fragment's imports are never changed). */
const NO_USES: readonly Use[] = Object.freeze([]);

const textOf = (part: Part): string => (typeof part === 'string' ? part : part.text);
const usesOf = (part: Part): readonly Use[] => (typeof part === 'string' ? NO_USES : part.uses);

/** A template tag: `ts\`const x = ${fragment};\`` keeps the text and the imports of each part. */
export function ts(strings: TemplateStringsArray, ...parts: readonly Part[]): Fragment {
  let text = strings[0]!;
  let uses: Use[] | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (typeof p === 'string') text += p + strings[i + 1]!;
    else {
      text += p.text + strings[i + 1]!;
      if (p.uses.length > 0) (uses ??= []).push(...p.uses);
    }
  }
  return { kind: 'fragment', text, uses: uses ?? NO_USES };
}

/** Parts joined by `separator`, their imports together. */
export function join(parts: readonly Part[], separator: string): Fragment {
  return { kind: 'fragment', text: parts.map(textOf).join(separator), uses: parts.flatMap(usesOf) };
}

/** A fragment with its text changed by `f` (indentation, wrapping) and the same imports. */
export function mapText(part: Part, f: (text: string) => string): Fragment {
  return { kind: 'fragment', text: f(textOf(part)), uses: usesOf(part) };
}

/** `text`, laid out from the texts of `parts` (a layout that needs them whole), with their imports. */
export function laidOut(text: string, ...parts: readonly Part[]): Fragment {
  return { kind: 'fragment', text, uses: parts.flatMap(usesOf) };
}

/** A name imported as a value from `from`. */
export function valueFrom(from: string, name: string): Fragment {
  return fragment(name, { kind: 'value', from, name });
}

/** A name imported as a type from `from`. */
export function typeFrom(from: string, name: string): Fragment {
  return fragment(name, { kind: 'type', from, name });
}

/** `import name from 'from' with { type: 'json' }`. */
export function jsonFrom(from: string, name: string): Fragment {
  return fragment(name, { kind: 'default', from, name, attributes: "with { type: 'json' }" });
}

/** A value the runtime package exports: only its real export names type-check. */
export function runtimeValue(name: RuntimeValue): Fragment {
  return valueFrom(RUNTIME, name);
}

/** A type the runtime package exports. */
export function runtimeType(name: RuntimeType): Fragment {
  return typeFrom(RUNTIME, name);
}

/** Every use inside a value given to `literal`: fragments anywhere in objects and arrays. */
function collect(value: unknown, into: Use[]): void {
  if (isFragment(value)) into.push(...value.uses);
  else if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) collect(v, into);
}

/** A value as a TypeScript literal (code.ts `render`, which inserts fragments in it as code). */
export function literal(value: unknown, level = 0, column = level): Fragment {
  const uses: Use[] = [];
  collect(value, uses);
  return { kind: 'fragment', text: render(value, level, column), uses };
}

/** `prefix literal suffix`, the literal inline only when the whole line fits (code.ts `declaration`). */
export function declare(prefix: Part, value: unknown, suffix: Part = ';'): Fragment {
  const head = textOf(prefix);
  const tail = textOf(suffix);
  const body = literal(value, 0, head.length + tail.length);
  return { kind: 'fragment', text: `${head}${body.text}${tail}`, uses: [...usesOf(prefix), ...body.uses, ...usesOf(suffix)] };
}

/** A module: a doc comment, the imports its parts use, its parts. */
export class TsModule {
  private readonly parts: Part[] = [];

  /** `runtime` is the platform's runtime package, printed for RUNTIME. */
  constructor(
    private readonly runtime: string,
    private readonly doc: string | readonly string[],
  ) {}

  /** Adds blocks of code (an empty or false block is left out); their imports come with them. */
  add(...parts: ReadonlyArray<Part | false | undefined>): this {
    for (const p of parts) if (p !== false && p !== undefined) this.parts.push(p);
    return this;
  }

  toString(): string {
    const imports = new Imports(this.runtime);
    for (const use of this.parts.flatMap(usesOf)) {
      const from = use.from;
      if (use.kind === 'default') imports.default(from, use.name, use.attributes);
      else if (use.kind === 'value') imports.value(from, use.name);
      else imports.type(from, use.name);
    }
    return blocks(docComment(this.doc), imports.toString(), ...this.parts.map(textOf));
  }
}
