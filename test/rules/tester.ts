/**
 * A rule tester in the spirit of typescript-eslint's RuleTester. A rule's test file lists small
 * models that pass the rule (`valid`) and models that fail it (`invalid`), each with the message
 * id, line and column of every finding of THAT rule, in order. Findings of other rules are not
 * looked at, and no case reads a message's English text: rewording a message changes no test.
 *
 * A case's text is given in one of three ways (see compose.ts):
 *
 * - `edits`: the base model file (test/fixtures/minimal/model.yaml, comments included) with a
 *   few changes, applied in order:
 *
 *       edits: [
 *         { find: 'emits: [ApplicationCancelled]', replace: 'emits: [ApplicationCanceled]' },
 *         { line: '- name: Application', replace: '- name: Update' },             // the whole line
 *         { after: 'then: IssuePermit', insert: 'idempotencyKey: permitId' },    // a sibling key
 *         { after: '- name: IssuePermit', insert: '- name: RevokePermit' },      // after the item
 *         { before: '- name: lookup', insert: '- name: audit' },
 *         { remove: '- command: IssuePermit' },                                   // the item's lines
 *         { in: '- name: issuance', remove: 'policies:' },                        // one of several
 *       ]
 *
 *   `find` is any text; `line`, `after`, `before`, `remove` and `in` name a line, or the YAML
 *   node that starts on it, by its text from the node's column to the line's end. Each must
 *   occur exactly once (within `in`), or the case fails saying which. `after` inserts after the
 *   node's lines (its line and the deeper ones below it) at the node's column. A multi-line
 *   `insert` is a template literal indented as the test file likes. Lines and columns are those
 *   of the edited file: the base file's own numbers, shifted by the lines the edits add or
 *   remove above them. When a finding is not where the case says, the failure shows the edited
 *   text with its line numbers.
 * - `model`: the top-level sections the case writes; the base model gives the rest, after the
 *   case's text, so lines and columns count from the case's first line. For small models.
 * - `model` with `whole: true`: the whole file, for texts that are not the base model (YAML
 *   that does not parse, a file that cannot be read…).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Messages, RuleInfoOf } from '../../src/model/rules/rule.js';
import { validateModelText, type ValidationResult } from '../../src/model/validate.js';
import { applyEdits, dedent, withBase, type Edit } from './compose.js';

interface CaseName {
  /** What the case shows. */
  readonly name: string;
}

interface ModelCase extends CaseName {
  /** YAML: the sections the case writes (or, with `whole`, the file). */
  readonly model: string;
  readonly whole?: boolean;
  /**
   * The file could not be read as text (too large, not UTF-8): `model` is the text decoded so
   * far, and this is where and why the reading stopped, as the CLI hands it to the model layer.
   */
  readonly unreadable?: { readonly offset: number; readonly message: string; readonly hint: string };
  readonly edits?: undefined;
}

interface EditedCase extends CaseName {
  /** The changes to the base model file, in order. */
  readonly edits: readonly Edit[];
  readonly model?: undefined;
}

type Case = ModelCase | EditedCase;

export interface ExpectedFinding<M extends Messages> {
  readonly messageId: keyof M & string;
  readonly line: number;
  readonly column: number;
  /** Values of the finding's data to check too (names, numbers: not wording). */
  readonly data?: Readonly<Record<string, string>>;
}

export type InvalidCase<M extends Messages> = Case & {
  readonly errors: readonly ExpectedFinding<M>[];
};

export interface RuleCases<M extends Messages> {
  readonly valid: readonly Case[];
  readonly invalid: readonly InvalidCase<M>[];
  /** Message ids no model reaches today, each with the reason (kept for a schema or a loader that may change). */
  readonly unreachable?: { readonly [Id in keyof M & string]?: string };
}

/** The text the validator sees for a case. */
export function caseText(c: Case): string {
  if (c.edits) return applyEdits(c.edits);
  const text = dedent(c.model);
  return c.whole ? text : withBase(text);
}

/** A text with its line numbers, to show where a case's findings are. */
const numbered = (text: string) => text.split('\n').map((l, i) => `${String(i + 1).padStart(4)}| ${l}`).join('\n');

export function validateCase(c: Case): ValidationResult {
  if (c.edits === undefined && c.unreadable) return validateModelText('model.yaml', { kind: 'unreadable', text: dedent(c.model), ...c.unreadable });
  return validateModelText('model.yaml', caseText(c));
}

const isLoadRule = (code: string) => code < 'MSA100';

export function ruleTester<M extends Messages>(rule: RuleInfoOf<M>, cases: RuleCases<M>): void {
  const own = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code === rule.code);

  describe(`${rule.code} ${rule.name}`, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const result = validateCase(c);
          // A model rule runs only on a model that loads and matches the schema.
          if (!isLoadRule(rule.code)) expect(result.model, 'the model loads and matches the schema').toBeDefined();
          expect(own(result.diagnostics).map((d) => `${d.line}:${d.column} ${d.messageId}`)).toEqual([]);
        });
      }
    });

    it('has a failing case, unless the rule is retired (then none)', () => {
      if (rule.retired !== undefined) expect(cases.invalid).toEqual([]);
      else expect(cases.invalid.length).toBeGreaterThan(0);
    });

    // A retired rule fails no model (and vitest refuses an empty suite).
    if (cases.invalid.length > 0) describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const found = own(validateCase(c).diagnostics);
          expect(
            found.map(({ messageId, line, column }) => ({ messageId, line, column })),
            c.edits ? `the edited base model:\n${numbered(caseText(c))}` : undefined,
          ).toEqual(c.errors.map(({ messageId, line, column }) => ({ messageId, line, column })));
          const lines = (c.edits ? caseText(c) : dedent(c.model)).split('\n').length;
          c.errors.forEach((e, i) => {
            expect(e.line, 'a finding of the case lies in its own text').toBeLessThanOrEqual(lines);
            if (e.data) expect(found[i]!.data).toMatchObject(e.data);
          });
        });
      }
    });

    it('gives data for every hole of the messages it reports', () => {
      for (const c of cases.invalid) {
        for (const d of own(validateCase(c).diagnostics)) expect(`${d.message} ${d.hint ?? ''}`, c.name).not.toMatch(/\{\{\w+\}\}/);
      }
    });

    it('has a case for every message', () => {
      const reported = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      const unreachable = Object.keys(cases.unreachable ?? {});
      expect(Object.keys(rule.messages).filter((id) => !reported.has(id) && !unreachable.includes(id))).toEqual([]);
      expect(unreachable.filter((id) => reported.has(id) || !(id in rule.messages)), 'unreachable ids are messages no case reports').toEqual([]);
    });
  });
}
