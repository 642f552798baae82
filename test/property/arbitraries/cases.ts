/**
 * Test cases as fast-check values: a model as the YAML text `validate` and `scaffold` read, with
 * a note of what was done to it. `modelCase` draws honest models with twists on top;
 * `mutantCase` (mutation.ts) mutates models/gov24.yaml.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { modelPlan, renderModel } from './model.js';
import type { Json, JsonObject } from './settings.js';
import { applyTwist, twist, type Twist, type TwistOptions } from './twists.js';

export interface ModelCase {
  /** The model file's text. */
  readonly yaml: string;
  /** What the twists did (empty: an honest model). */
  readonly notes: readonly string[];
}

/** Non-ASCII and control characters as \u escapes: notes go into YAML comments and terminals. */
export function escapeNote(note: string): string {
  return note.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Strings this long are written as JSON strings (valid YAML): js-yaml's dump overflows the stack on megabytes. */
const HUGE = 100_000;

export function toYaml(model: JsonObject, notes: readonly string[] = []): string {
  const header = notes.map((n) => `# ${escapeNote(n)}\n`).join('');
  const huge: string[] = [];
  const swap = (v: Json): Json => {
    if (typeof v === 'string' && v.length > HUGE) return `HUGE_STRING_${huge.push(v) - 1}`;
    if (Array.isArray(v)) return v.map(swap);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  const text = dump(swap(model), { lineWidth: -1, noRefs: true });
  return header + text.replace(/HUGE_STRING_(\d+)/g, (_, i: string) => JSON.stringify(huge[Number(i)]));
}

export interface ModelCaseOptions extends TwistOptions {
  /** Relative weight of honest models (no twist) against twisted ones (weight 1). */
  readonly honestWeight?: number;
  readonly maxTwists?: number;
}

export const modelCase = (options: ModelCaseOptions = {}): fc.Arbitrary<ModelCase> =>
  fc
    .record({
      plan: modelPlan(),
      twists: fc.oneof(
        { weight: options.honestWeight ?? 1, arbitrary: fc.constant<Twist[]>([]) },
        { weight: 1, arbitrary: fc.array(twist(options), { minLength: 1, maxLength: options.maxTwists ?? 3 }) },
      ),
    })
    .map(({ plan, twists }) => {
      const model = renderModel(plan);
      const notes = twists.flatMap((t) => applyTwist(model, t) ?? []);
      return { yaml: toYaml(model, notes), notes };
    });
