/**
 * Fast paths of the escapers for the text they mostly meet: printable ASCII (and the tab), which
 * holds no line break and no character any emitter escapes or shows as an escape. A cheap test
 * guards each; anything else takes the escaper's full road. test/generators/plain-text.test.ts
 * holds each fast path to its full road.
 */
import { safeLines } from '../../model/text.js';

/** Printable ASCII and the tab: nothing model/text.ts calls unsafe, no line break. */
const PRINTABLE_ASCII = /^[\t\x20-\x7e]*$/;

export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/** safeLines (model/text.ts) of the text: one line, as it is, when it is printable ASCII. */
export function safeLinesOf(text: string): string[] {
  return PRINTABLE_ASCII.test(text) ? [text] : safeLines(text);
}
