/**
 * What model text may hold: the characters the text rule (MSA110) refuses, with a name and a
 * position for the message.
 */

/** A character model text may not hold, where it stands, and why. */
export interface ForbiddenCharacter {
  /** `U+000A (line feed)`. */
  readonly name: string;
  /** 1-based position in the text, in characters (code points). */
  readonly position: number;
  /** What kind of character it is: `a line break`, `a control character`… */
  readonly kind: string;
}

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

function describeCode(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[code];
  return name ? `U+${hex} (${name})` : `U+${hex}`;
}

/** What kind of forbidden character `code` is, or undefined when text may hold it. */
function forbiddenKind(code: number, multiline: boolean): string | undefined {
  if (code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029 || code === 0x0b || code === 0x0c) {
    if (multiline && code === 0x0a) return undefined;
    return 'a line break';
  }
  if (code === 0x09) return multiline ? undefined : 'a tab';
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) return 'a control character';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'a bidirectional control character';
  if (code >= 0xd800 && code <= 0xdfff) return 'half of a surrogate pair';
  return undefined;
}

/**
 * The first character `text` may not hold, or undefined. Single-line text (titles, names, the
 * actor…) holds no control character (C0, DEL, C1), no line or paragraph separator and no
 * bidirectional embedding, override or isolate; multi-line text (descriptions) may also hold
 * line feeds and tabs. An unpaired surrogate (from a `\uD800` escape) is refused too: it cannot
 * be written as UTF-8.
 */
export function forbiddenCharacter(text: string, multiline: boolean): ForbiddenCharacter | undefined {
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    position++;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue; // a paired surrogate: an astral character, fine
      }
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code >= 0x2028) {
      const kind = forbiddenKind(code, multiline);
      if (kind !== undefined) return { name: describeCode(code), position, kind };
    }
  }
  return undefined;
}
