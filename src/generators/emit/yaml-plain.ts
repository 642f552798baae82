/**
 * The strings js-yaml writes plain, as they are, told by one cheap test instead of a dump per
 * string (yaml-block.ts asks js-yaml for every other string's form).
 *
 * A "plain word": a letter, then letters, digits, `-` and `_`, in parts joined by single `.` or
 * `/` (`orders-events`, `bench.orders.OrderPlaced`, `kafka.strimzi.io/v1`), at least six and at
 * most LONGEST characters. Why js-yaml writes it plain:
 * - every character is printable ASCII, none is an indicator where it stands (`-` never first),
 *   no space (nothing to fold, whatever the line width), no `: `, ` #`, no line break;
 * - of the implicit types of js-yaml's dump schema, only null (`null`, `Null`, `NULL`) and bool
 *   (`true`, `yes`, `on`, `n`, `OFF`…) take a string that starts with a letter, and none of
 *   those words has more than five characters (numbers, timestamps, `.inf`, `<<` and `~` start
 *   with something else);
 * - a key of at most 1,024 characters takes the implicit form.
 * The dump options must not change the style of a plain scalar (forceQuotes would): the words
 * are taken as plain only with the options in HARMLESS_OPTIONS.
 * test/generators/yaml-plain.test.ts holds the test to js-yaml's answer.
 */

/** Dump options that never change how a plain word is written. */
const HARMLESS_OPTIONS: ReadonlySet<string> = new Set(['lineWidth', 'noRefs', 'indent']);

/** The longest plain word: YAML's limit on an implicit key. */
const LONGEST = 1024;

const PLAIN_WORD = /^[A-Za-z][\w-]*(?:[./][\w-]+)*$/;

/** Whether js-yaml, dumping with `options`, writes any plain word as it is (as a value and as a key). */
export function plainWordsHold(options: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(options).every((name) => HARMLESS_OPTIONS.has(name));
}

/** Whether `text` is a plain word: js-yaml writes it as it is, as a value or as a mapping key. */
export function isPlainWord(text: string): boolean {
  return text.length >= 6 && text.length <= LONGEST && PLAIN_WORD.test(text);
}
