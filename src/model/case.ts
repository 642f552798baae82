/** Word splitting and case conversion, shared by rules and generators. */

const wordCache = new Map<string, readonly string[]>();

/** Splits `GeneralApplicationSubmitted`, `general-application`, `HTTPServer2x` into words. */
export function words(name: string): string[] {
  let found = wordCache.get(name);
  if (found === undefined) {
    found = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w.length > 0);
    wordCache.set(name, found);
  }
  return [...found];
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** A conversion computed once per name: rules and generators convert the same names many times. */
function cached(convert: (name: string) => string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let found = cache.get(name);
    if (found === undefined) cache.set(name, (found = convert(name)));
    return found;
  };
}

export const pascalCase: (name: string) => string = cached((name) => words(name).map(cap).join(''));

export const camelCase: (name: string) => string = cached((name) => {
  const p = pascalCase(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
});

export const kebabCase: (name: string) => string = cached((name) =>
  words(name)
    .map((w) => w.toLowerCase())
    .join('-'),
);

export const constantCase: (name: string) => string = cached((name) =>
  words(name)
    .map((w) => w.toUpperCase())
    .join('_'),
);

/**
 * PascalCase and camelCase: a letter of that case, then letters and digits. (The same language
 * as `[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*`, without a nested quantifier whose backtracking stack
 * grows with every word: a 6 MB name took a second and more.)
 */
export const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
export const CAMEL_CASE = /^[a-z][A-Za-z0-9]*$/;
/** Kubernetes DNS-1123 label. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isPascalCase(name: string): boolean {
  return PASCAL_CASE.test(name);
}

export function isCamelCase(name: string): boolean {
  return CAMEL_CASE.test(name);
}

export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && DNS_1123_LABEL.test(name);
}

/** The closest DNS-1123 label to a name (`Car_Registry` → `car-registry`). */
export function toDnsLabel(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** `AgencyTransmission` → `agency_transmission`: table names. */
export function snakeCase(name: string): string {
  return words(name)
    .map((w) => w.toLowerCase())
    .join('_');
}
