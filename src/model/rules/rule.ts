/**
 * Rules as data. A rule declares what it is (code, name, severity, summary, hint, docs), the
 * messages it reports, each under an id as a template with `{{hole}}`s, and examples that fail
 * and pass it. Its check reports findings that name a message id and carry the data for the
 * holes; the text is made in one place (message.ts), so rewording a message touches its
 * template only, and no rule builds text out of model strings.
 */
import type { Severity } from '../diagnostic.js';
import type { Finding } from '../finding.js';
import type { Model } from '../ir.js';

/** Message text with holes: `Event "{{name}}" is not in the past tense{{suggestion}}`. */
export type Template = string;

/** A message: its template, or its template and a hint template, when the rule's hint says too little for it. */
export type MessageSpec = Template | { readonly text: Template; readonly hint: Template };

/** A rule's messages by id (camelCase ids, stable: tests and SARIF consumers name them). */
export type Messages = { readonly [id: string]: MessageSpec };

/** The holes of a template, as a union: `'a {{x}} b {{y}}'` → `'x' | 'y'`. */
export type Holes<T extends string> = T extends `${string}{{${infer Hole}}}${infer Rest}` ? Hole | Holes<Rest> : never;

type TemplatesOf<S> = S extends string ? S : S extends { readonly text: infer T extends string; readonly hint: infer H extends string } ? T | H : never;

/** What a message needs: a value for each hole of its text and hint. */
export type MessageData<S extends MessageSpec> = { readonly [K in Holes<TemplatesOf<S>>]: string | number };

interface Located {
  /** JSON Pointer of the offending node. */
  readonly pointer: string;
  /** Point at the mapping key instead of the value (unknown keys, duplicate names). */
  readonly on?: 'key' | 'value';
}

/** A finding of a rule with the messages M: one of its message ids, and exactly the data that message needs. */
export type FindingOf<M extends Messages> = {
  [Id in keyof M & string]: Located & { readonly messageId: Id } & ([Holes<TemplatesOf<M[Id]>>] extends [never]
      ? { readonly data?: undefined }
      : { readonly data: MessageData<M[Id]> });
}[keyof M & string];

/** How a check reports a finding. */
export type Report<M extends Messages> = (finding: FindingOf<M>) => void;

/** A model for an example: YAML merged into a small valid base model, or a whole file of its own. */
export interface Example {
  /** The YAML, as the docs show it. */
  readonly yaml: string;
  /**
   * Where the example's keys go in the base model: the JSON Pointer of a mapping, for all of
   * them or for each key; the top level by default. A key the example writes replaces the
   * base's value of that key.
   */
  readonly at?: string | { readonly [key: string]: string };
  /** The YAML is the whole model file (loader rules): no base. */
  readonly whole?: boolean;
}

/** Models that fail the rule (each has a finding of it) and models that pass it (none): the docs show them, a test runs them. */
export interface Examples {
  readonly fails: readonly Example[];
  readonly passes: readonly Example[];
}

/** What `msa-gen explain` prints about a code, and what printers need to know of it. */
export interface RuleInfo {
  /** Stable code: MSA followed by three digits. Never reused. */
  readonly code: string;
  /** Short kebab-case name, e.g. `event-past-tense`. */
  readonly name: string;
  readonly severity: Severity;
  /**
   * Set when the rule no longer reports anything: why, and what took its place. Its code stays
   * (codes are never reused) and the docs keep it, marked retired; it has no failing example.
   */
  readonly retired?: string;
  /** One line: what the rule requires. */
  readonly summary: string;
  /** One line: how to fix a finding (a message may give a more precise one). */
  readonly hint: string;
  /** A few paragraphs for `explain`: why, and what the rule accepts. The examples follow them. */
  readonly docs: string;
  readonly messages: Messages;
  readonly examples: Examples;
}

/** A rule over the resolved model. Pure: reads the IR, reports findings. */
export interface Rule extends RuleInfo {
  check(model: Model, report: (finding: Finding) => void): void;
}

/** A rule's description with its messages' types kept (the loader and schema rules, which have no check). */
export interface RuleInfoOf<M extends Messages> extends RuleInfo {
  readonly messages: M;
}

/** A rule with its messages' types kept: its check can only report its own message ids, with their data. */
export interface TypedRule<M extends Messages> extends RuleInfoOf<M> {
  check(model: Model, report: Report<M>): void;
}

/** Declares a rule over the resolved model; the message templates type the findings its check reports. */
export function defineRule<const M extends Messages>(rule: TypedRule<M>): TypedRule<M> {
  return rule;
}

/** Declares a rule whose findings the loader or the schema check report, before the model is resolved. */
export function defineLoadRule<const M extends Messages>(rule: RuleInfoOf<M>): RuleInfoOf<M> {
  return rule;
}
