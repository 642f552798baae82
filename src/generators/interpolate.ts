/**
 * The fast road of render.ts for templates of plain text and `{{name}}` mustaches only (a
 * service's Dockerfile and main.ts, rendered once per service): the values put in between the
 * texts, without handlebars' runtime. Byte for byte what handlebars writes (noEscape, strict)
 * for such a template when every value is a string, a number or a boolean; render.ts takes
 * handlebars' road for any other template or value. test/generators/interpolate.test.ts holds it
 * to handlebars.
 */

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
