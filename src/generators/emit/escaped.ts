/**
 * Text escaped for one target format: the only kind of string a text template receives
 * (render.ts), so raw model text cannot reach a template by mistake. Only the emitters of that
 * format make one.
 */
declare const format: unique symbol;

export type Escaped<F extends string> = string & { readonly [format]: F };

/** Marks text an emitter has escaped for format F (emitters only). */
export function escapedAs<F extends string>(text: string): Escaped<F> {
  return text as Escaped<F>;
}
