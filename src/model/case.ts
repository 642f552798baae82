/** Word splitting and case conversion, shared by rules and generators. */

const wordCache = new Map<string, readonly string[]>();

/** What a character is to word splitting. */
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function kindAt(name: string, i: number): number {
  const c = name.charCodeAt(i);
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 48 && c <= 57) return DIGIT;
  return OTHER;
}

/**
 * The words of a name, in one scan: runs of ASCII letters and digits, split before an upper-case
 * letter that follows a lower-case letter or a digit (`applicationSubmitted`, `Http2Server`), and
 * before the last letter of a run of capitals that a lower-case letter follows (`HTTPServer`).
 * The same words as splitting `name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g,
 * '$1 $2')` at every run of other characters (test/case.test.ts holds the two to agreeing).
 */
function splitWords(name: string): string[] {
  const out: string[] = [];
  const n = name.length;
  let start = -1;
  let prev = OTHER;
  for (let i = 0; i < n; i++) {
    const k = kindAt(name, i);
    if (k === OTHER) {
      if (start >= 0) out.push(name.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (k === UPPER) {
      if (prev === LOWER || prev === DIGIT) {
        out.push(name.slice(start, i));
        start = i;
      }
    } else if (k === LOWER && prev === UPPER && i - 1 > start) {
      // A run of two or more capitals, then a lower-case letter: its last capital starts a word.
      out.push(name.slice(start, i - 1));
      start = i - 1;
    }
    prev = k;
  }
  if (start >= 0) out.push(name.slice(start));
  return out;
}

/** Splits `GeneralApplicationSubmitted`, `general-application`, `HTTPServer2x` into words. */
export function words(name: string): string[] {
  let found = wordCache.get(name);
  if (found === undefined) {
    found = splitWords(name);
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
export const snakeCase: (name: string) => string = cached((name) =>
  words(name)
    .map((w) => w.toLowerCase())
    .join('_'),
);
