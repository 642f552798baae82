/**
 * Pieces several service modules share: object types of fields, field picks with placeholders,
 * URNs and retry literals.
 */
import { kebabCase } from '../../model/case.js';
import type { RetrySettings } from '../../model/valid.js';
import { docComment, fit, PRINT_WIDTH, templateText } from '../ts/code.js';
import { placeholder, reader, tsType, type Field, type PlaceholderScope } from '../ts/field-types.js';
import { join, mapText, ts, type Fragment } from '../ts/module.js';

export function retryLiteral(retry: RetrySettings) {
  return { maxAttempts: retry.maxAttempts, backoffMs: retry.backoffMs, multiplier: retry.multiplier, maxBackoffMs: retry.maxBackoffMs };
}

/** Type members of an object type, one a line, with doc comments for described or personal fields. */
export function typeMembers(fields: readonly Field[], level = 2): string {
  return fields
    .map((f) => {
      const notes = [f.description, f.pii ? 'Personal data: masked in logs.' : undefined].filter((n): n is string => !!n);
      const doc = notes.length > 0 ? `${docComment(notes.join(' '), level)}\n` : '';
      return `${doc}${' '.repeat(level)}${f.name}${f.optional ? '?' : ''}: ${tsType(f)};`;
    })
    .join('\n');
}

export function objectType(name: string, fields: readonly Field[], doc: string | readonly string[]): string {
  const body = fields.length === 0 ? `export type ${name} = Record<string, never>;` : `export type ${name} = {\n${typeMembers(fields)}\n};`;
  return `${docComment(doc)}\n${body}`;
}

/** Whether `pickFields` fills `f` with the key's expression rather than reading it. */
export function isKeyField(f: Field, key: Field): boolean {
  return f.name === key.name && f.type === key.type && f.list === key.list;
}

/**
 * `{ a: reader(source.a) ?? placeholder, … }` for `fields`; optional fields get no placeholder.
 * The field named like `key.field` (same type) takes `key.expr`.
 */
export function pickFields(
  fields: readonly Field[],
  source: string,
  scope: PlaceholderScope,
  key: { readonly field: Field; readonly expr: string } | undefined,
  level: number,
): Fragment {
  if (fields.length === 0) return ts`{}`;
  const members = fields.map((f): Fragment => {
    if (key && isKeyField(f, key.field)) return ts`${f.name}: ${key.expr},`;
    const read = reader(f, `${source}.${f.name}`);
    const value = f.optional ? ts`${read},` : ts`${read} ?? ${placeholder(f, scope)},`;
    return mapText(value, (text) => fit(`${f.name}:`, text, level + 2));
  });
  const pad = ' '.repeat(level + 2);
  return ts`{\n${join(members.map((m) => mapText(m, (text) => pad + text)), '\n')}\n${' '.repeat(level)}}`;
}

export function urnOf(platform: string, aggregate: { readonly name: string }, keyExpr: string): string {
  return `urn:${templateText(platform)}:${kebabCase(aggregate.name)}:\${${keyExpr}}`;
}

/** `return expr;`, the expression in parentheses on lines of its own when the line is too long. */
export function returnStatement(expr: Fragment, level: number): Fragment {
  return mapText(expr, (text) =>
    level + `return ${text};`.length <= PRINT_WIDTH ? `return ${text};` : `return (\n${' '.repeat(level + 2)}${text}\n${' '.repeat(level)});`,
  );
}
