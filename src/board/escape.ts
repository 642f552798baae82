/**
 * Model text into SVG and HTML. Unsafe characters (controls, bidirectional overrides and
 * isolates, separators, lone surrogates) become visible escapes first, so nothing invisible
 * reaches the page and XML never sees a character it forbids; then the five markup
 * characters become entities, which also keeps `]]>`, `</script>` and quotes inert.
 */
import { escapeUnsafe } from '../model/text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Model text as element content. */
export function text(value: string): string {
  return escapeUnsafe(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Model text as a double-quoted attribute value (line breaks escaped visibly, like everything unsafe). */
export const attr = text;
