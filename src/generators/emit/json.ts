/**
 * JSON files (package.json, JSON schemas, tsconfig): JSON.stringify with 2-space indent, and
 * the characters JSON allows raw in strings but no reader should meet raw written as `\uXXXX`:
 * DEL and C1 controls, U+2028 and U+2029 (line breaks in JavaScript before ES2019), the
 * bidirectional formatting characters and the byte order mark. JSON.stringify already escapes
 * the C0 controls and lone surrogates.
 */
const ESCAPED_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** The value as JSON text ending with a newline. */
export function jsonText(value: unknown): string {
  // Outside strings, JSON.stringify writes ASCII only: every match is inside a string.
  const text = JSON.stringify(value, null, 2).replace(ESCAPED_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

/** Text a JSON string holds as it is: printable ASCII but `"` and the backslash. */
const STRING_AS_IS = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A scalar (or a key) as JSON on one line: jsonText without the newline, strings of plain text without the escaping road. */
export function jsonScalar(value: unknown): string {
  return typeof value === 'string' && STRING_AS_IS.test(value) ? `"${value}"` : jsonText(value).trimEnd();
}
