/** Sort order of generated output: plain code-unit order, the same on every machine. */

/** Plain code-unit order: the same everywhere, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
