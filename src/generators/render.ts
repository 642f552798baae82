/** Text templates (handlebars), compiled once per template source: the same text, the same function. */
import Handlebars from 'handlebars';
import type { Templates } from './types.js';

const compiled = new Map<string, HandlebarsTemplateDelegate>();
const handlebars = Handlebars.create();

/** Renders templates/<path> with `data`: no HTML escaping, and a missing value is an error. */
export function renderTemplate(templates: Templates, path: string, data: unknown): string {
  const source = templates.get(path);
  if (source === undefined) throw new Error(`template ${path} is missing`);
  let render = compiled.get(source);
  if (!render) {
    render = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(source, render);
  }
  return render(data);
}
