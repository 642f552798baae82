/**
 * Text templates (handlebars), compiled once per template source: the same text, the same function.
 * Handlebars' own escaping (for HTML) is off: a template writes a Dockerfile or Markdown, never
 * HTML. Instead every string a template receives is Escaped for its format by that format's
 * emitter (emit/dockerfile.ts, emit/markdown.ts); numbers and booleans are the only other values.
 * A template of text and `{{name}}` only (a service's Dockerfile and main.ts, rendered once per
 * service) is filled in without handlebars' runtime: byte for byte what handlebars writes (noEscape,
 * strict) for it when every value is a string, a number or a boolean; any other template or value
 * takes handlebars' road. test/generators/interpolate.test.ts holds the fast road to handlebars.
 */
import Handlebars from 'handlebars';
import type { Escaped } from './emit/escaped.js';
import type { Templates } from './types.js';

/** What a template of format F may receive: escaped text, numbers, booleans, lists and records of them. */
export type TemplateValue<F extends string> =
  | Escaped<F>
  | number
  | boolean
  | readonly TemplateValue<F>[]
  | { readonly [key: string]: TemplateValue<F> };

export type TemplateData<F extends string> = { readonly [key: string]: TemplateValue<F> };

const compiled = new Map<string, HandlebarsTemplateDelegate>();
const handlebars = Handlebars.create();

/** Templates of text and `{{name}}` only, split once; null for the others. */
const split = new Map<string, Interpolation | null>();

/** Renders templates/<path> with `data`: no HTML escaping, and a missing value is an error. */
export function renderTemplate<F extends string>(templates: Templates, path: string, data: TemplateData<F>): string {
  const source = templates.get(path);
  if (source === undefined) throw new Error(`template ${path} is missing`);
  let simple = split.get(source);
  if (simple === undefined) split.set(source, (simple = interpolation(source, new Set(Object.keys(handlebars.helpers))) ?? null));
  const text = simple === null ? undefined : interpolate(simple, data);
  if (text !== undefined) return text;
  let render = compiled.get(source);
  if (!render) {
    render = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(source, render);
  }
  return render(data);
}

/** A fixed file: templates/<path> as it is (TypeScript that is type-checked where it lives, say). */
export function fixedFile(templates: Templates, path: string): string {
  const source = templates.get(path);
  if (source === undefined) throw new Error(`template ${path} is missing`);
  return source;
}

// ---------------------------------------------------------------------------------------------
// The fast road: templates of text and `{{name}}` only

/** A template split at its mustaches: texts[0] name[0] texts[1] … texts[n]. */
export interface Interpolation {
  readonly texts: readonly string[];
  readonly names: readonly string[];
}

const MUSTACHE = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** Names handlebars reads as something else than a value of the data: literals, keywords, `this`. */
const NOT_A_VALUE: ReadonlySet<string> = new Set(['true', 'false', 'null', 'undefined', 'else', 'this']);

/**
 * The template split at its mustaches, or undefined when handlebars would read anything else in
 * it: another kind of mustache, an escaped one (`\{{`), a helper's name, a literal, a name of
 * Object.prototype; and when it starts with a mustache (handlebars adds up leading numbers).
 */
export function interpolation(source: string, helpers: ReadonlySet<string>): Interpolation | undefined {
  const texts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of source.matchAll(MUSTACHE)) {
    const name = m[1]!;
    if (helpers.has(name) || NOT_A_VALUE.has(name) || name in Object.prototype) return undefined;
    texts.push(source.slice(last, m.index));
    names.push(name);
    last = m.index + m[0].length;
  }
  texts.push(source.slice(last));
  // Handlebars adds up the values it meets before any text (`{{a}}{{b}}` of 1 and 2 is 3).
  if (names.length > 0 && texts[0] === '') return undefined;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (text.includes('{{')) return undefined;
    // `\{{a}}` is no mustache, `{{{a}}}` another kind of one.
    if (i < names.length && (text.endsWith('\\') || text.endsWith('{'))) return undefined;
    if (i > 0 && text.startsWith('}')) return undefined;
  }
  return { texts, names };
}

/** The template filled in, or undefined when a value is missing or is not a string, number or boolean. */
export function interpolate(template: Interpolation, data: Readonly<Record<string, unknown>>): string | undefined {
  const { texts, names } = template;
  let out = texts[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!Object.prototype.hasOwnProperty.call(data, name)) return undefined;
    const value = data[name];
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    out += String(value) + texts[i + 1]!;
  }
  return out;
}
