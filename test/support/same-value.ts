/** Deep equality of what two YAML loaders built, for the tests that hold one loader to another. */

/** Equal down to prototypes, key order and property attributes; NaN equals NaN, 0 differs from -0. Undefined when equal, else where and how they differ. */
export function same(a: unknown, b: unknown, at = ''): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${at}: ${String(a)} (${typeof a}) ≠ ${String(b)} (${typeof b})`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array and non-array`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${at}: keys ${ka.map(String).join(',')} ≠ ${kb.map(String).join(',')}`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b, k)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable) return `${at}/${String(k)}: attributes differ`;
    const d = same(da.value, db.value, `${at}/${String(k)}`);
    if (d) return d;
  }
  return undefined;
}
