/**
 * The one place a finding becomes text: its rule's template for its message id, with the
 * finding's data put in the holes. Model strings are clipped as they go in (a name may be
 * megabytes long), then the whole text is bounded as every message is (clipQuoted).
 */
import type { Finding } from '../finding.js';
import { clip, clipQuoted } from '../text.js';
import type { MessageSpec, RuleInfo, Template } from './rule.js';

const HOLE = /\{\{(\w+)\}\}/g;

/** The hole names of a template, in order of first appearance. */
export function holes(template: Template): string[] {
  return [...new Set([...template.matchAll(HOLE)].map((m) => m[1]!))];
}

export function messageTemplate(spec: MessageSpec): Template {
  return typeof spec === 'string' ? spec : spec.text;
}

export function hintTemplate(spec: MessageSpec): Template | undefined {
  return typeof spec === 'string' ? undefined : spec.hint;
}

/**
 * A data value as it goes into a hole: a quoted hole (`"{{name}}"`) takes a model string, clipped
 * as a quoted string of a message is; any other hole takes a phrase, whose quoted strings are.
 */
function shown(value: string | number, quoted: boolean): string {
  const text = String(value);
  return quoted ? clip(text) : clipQuoted(text);
}

/** Every hole of the templates with the value it shows. */
function values(templates: readonly Template[], data: Finding['data']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const template of templates) {
    for (const m of template.matchAll(HOLE)) {
      const name = m[1]!;
      const at = m.index;
      const quoted = template[at - 1] === '"' && template[at + m[0].length] === '"';
      const value = data?.[name];
      // A hole without data stays as it is: a bug of the rule, visible in its tests.
      if (value === undefined) out[name] = m[0];
      // A hole both quoted and not somewhere: the phrase form keeps more.
      else if (out[name] === undefined || !quoted) out[name] = shown(value, quoted);
    }
  }
  return out;
}

/** The template with its holes filled. */
export function fill(template: Template, data: Readonly<Record<string, string>>): string {
  return template.replace(HOLE, (_, name: string) => data[name] ?? '');
}

export interface RenderedMessage {
  readonly messageId: string;
  readonly message: string;
  readonly hint: string;
  /** The values in the holes, as shown. */
  readonly data: Readonly<Record<string, string>>;
}

/** A finding's message and hint, bounded for every printer. */
export function renderFinding(rule: RuleInfo, finding: Finding): RenderedMessage {
  const spec = rule.messages[finding.messageId];
  if (spec === undefined) throw new Error(`rule ${rule.code} has no message "${finding.messageId}"`);
  const text = messageTemplate(spec);
  const hint = hintTemplate(spec);
  const data = values(hint === undefined ? [text] : [text, hint], finding.data);
  return {
    messageId: finding.messageId,
    message: clipQuoted(fill(text, data)),
    hint: clipQuoted(hint === undefined ? rule.hint : fill(hint, data)),
    data,
  };
}

/**
 * A template as a SARIF message string (SARIF 2.1.0 §3.11.5): holes become `{0}`, `{1}`… in
 * the order `holes` lists them, and literal braces are doubled.
 */
export function sarifMessageString(template: Template): string {
  const order = holes(template);
  let out = '';
  let last = 0;
  for (const m of template.matchAll(HOLE)) {
    out += template.slice(last, m.index).replace(/[{}]/g, (b) => b + b);
    out += `{${order.indexOf(m[1]!)}}`;
    last = m.index + m[0].length;
  }
  return out + template.slice(last).replace(/[{}]/g, (b) => b + b);
}
