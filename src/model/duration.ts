/**
 * Durations in the model: a whole number of milliseconds, or a string of a whole number and one
 * unit, `500ms`, `30s`, `5m`, `2h`. The JSON Schema checks the syntax (the `duration`
 * definition); this turns a checked value into milliseconds.
 */

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** The syntax the schema's `duration` pattern accepts (digits bounded so the result stays exact). */
export const DURATION = /^([1-9][0-9]{0,5})(ms|s|m|h)$/;

/** Milliseconds of a duration the schema accepted; undefined for anything else. */
export function durationMs(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  const m = DURATION.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}
