/**
 * Text templates (handlebars), compiled once per template source: the same text, the same function.
 * Handlebars' own escaping (for HTML) is off: a template writes a Dockerfile or Markdown, never
 * HTML. Instead every string a template receives is Escaped for its format by that format's
 * emitter (emit/dockerfile.ts, emit/markdown.ts); numbers and booleans are the only other values.
 * A template of text and `{{name}}` only is filled in without handlebars' runtime (interpolate.ts).
 */
import Handlebars from 'handlebars';
import type { Escaped } from './emit/escaped.js';
import { interpolate, interpolation, type Interpolation } from './interpolate.js';
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

/** Templates of text and `{{name}}` only, split once (interpolate.ts); null for the others. */
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
