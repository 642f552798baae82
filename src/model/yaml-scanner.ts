/**
 * The scanning half of the block reader (block-yaml.ts): a cursor over the text that skips
 * spaces, comments and blank lines, and reads one-line scalars, anchor names and block scalars,
 * failing (NOT_COVERED) on anything the reader leaves to js-yaml.
 */

/** Thrown inside the reader when the text is not one it covers; never leaves it. */
class NotCovered {}
export const NOT_COVERED = new NotCovered();
export const fail = (): never => {
  throw NOT_COVERED;
};

export const SPACE = 0x20;
export const LF = 0x0a;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;
export const COMMA = 0x2c;
export const SQUOTE = 0x27;
export const DQUOTE = 0x22;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const LBRACKET = 0x5b;
export const RBRACKET = 0x5d;
export const AMPERSAND = 0x26;
export const ASTERISK = 0x2a;
export const PIPE = 0x7c;
export const GREATER = 0x3e;

/** An anchor or alias name the reader takes: letters, digits, `_` and `-`. */
const ANCHOR_NAME = /[A-Za-z0-9_-]+/y;

/**
 * Characters the reader leaves to js-yaml: tab, carriage return and the other C0 and C1 controls
 * and DEL (refused, or whitespace and line breaks with rules of their own), the line and paragraph
 * separators, the byte order mark, the non-characters U+FFFE and U+FFFF, and any surrogate.
 */
export const LEFT_TO_JS_YAML = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

/** Indicators a plain scalar may not start with (`-`, `?` and `:` may, before a non-space; left to js-yaml). */
function isIndicator(c: number): boolean {
  switch (c) {
    case 0x2d: // -
    case 0x3f: // ?
    case 0x3a: // :
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return false;
  }
}

export class Scanner {
  protected readonly text: string;
  protected readonly n: number;
  protected pos = 0;
  /** Offset where the current line starts. */
  protected lineStart = 0;
  /** Where the last block scalar read starts: its first line. */
  protected scalarStart = 0;

  constructor(text: string) {
    this.text = text;
    this.n = text.length;
  }

  /**
   * Skips blank lines, comment lines and the rest of the current line when it is only spaces or
   * a comment, up to the next content character: its column, or -1 at the end of the text.
   */
  protected nextContent(): number {
    const { text, n } = this;
    let pos = this.pos;
    for (;;) {
      while (pos < n && text.charCodeAt(pos) === SPACE) pos++;
      if (pos >= n) {
        this.pos = n;
        return -1;
      }
      const c = text.charCodeAt(pos);
      if (c === HASH) {
        const eol = text.indexOf('\n', pos);
        if (eol < 0) {
          this.pos = n;
          return -1;
        }
        pos = eol;
        continue;
      }
      if (c === LF) {
        pos++;
        this.lineStart = pos;
        continue;
      }
      this.pos = pos;
      const column = pos - this.lineStart;
      // Document markers and directives start at the line's first column.
      if (column === 0 && (c === DASH || c === 0x2e || c === 0x25)) {
        if (text.startsWith('---', pos) || text.startsWith('...', pos) || c === 0x25) fail();
      }
      return column;
    }
  }

  /** After a value on a line: spaces, then a comment (after a space) or the line's end. */
  protected endOfLine(): void {
    const { text, n } = this;
    let pos = this.pos;
    const from = pos;
    while (pos < n && text.charCodeAt(pos) === SPACE) pos++;
    if (pos >= n) {
      this.pos = n;
      return;
    }
    const c = text.charCodeAt(pos);
    if (c === HASH && pos > from) {
      const eol = text.indexOf('\n', pos);
      this.pos = eol < 0 ? n : eol;
      return;
    }
    if (c !== LF) fail();
    this.pos = pos;
  }

  protected skipSpaces(): number {
    const { text, n } = this;
    while (this.pos < n && text.charCodeAt(this.pos) === SPACE) this.pos++;
    return this.pos < n ? text.charCodeAt(this.pos) : LF;
  }

  protected isDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = at + 1 < this.n ? this.text.charCodeAt(at + 1) : LF;
    return next === SPACE || next === LF;
  }

  /** Whether the line from this.pos is `key: …` (a plain or quoted key, a colon, then a space or the line's end). */
  protected startsKey(): boolean {
    const { text, n } = this;
    const c = text.charCodeAt(this.pos);
    let pos: number;
    if (c === SQUOTE || c === DQUOTE) {
      const close = text.indexOf(c === SQUOTE ? "'" : '"', this.pos + 1);
      if (close < 0) return false;
      pos = close + 1;
      return pos < n && text.charCodeAt(pos) === COLON && (pos + 1 >= n || text.charCodeAt(pos + 1) === SPACE || text.charCodeAt(pos + 1) === LF);
    }
    if (isIndicator(c)) return false; // `{ a: b }`, `[a]`: not a plain key
    for (pos = this.pos; pos < n; pos++) {
      const d = text.charCodeAt(pos);
      if (d === LF) return false;
      if (d === COLON && (pos + 1 >= n || text.charCodeAt(pos + 1) === SPACE || text.charCodeAt(pos + 1) === LF)) return true;
      if (d === HASH && text.charCodeAt(pos - 1) === SPACE) return false;
    }
    return false;
  }

  /**
   * A plain scalar on one line from this.pos: up to `: `, ` #`, the line's end, and in a flow
   * collection `,`, `[`, `]`, `{`, `}`; trailing spaces dropped. Leaves this.pos at its end.
   */
  protected plain(flow: boolean): string {
    const { text, n } = this;
    const from = this.pos;
    if (from >= n || isIndicator(text.charCodeAt(from))) fail();
    let pos = from;
    let end = from;
    for (; pos < n; pos++) {
      const c = text.charCodeAt(pos);
      if (c === LF) break;
      if (c === SPACE) continue;
      if (c === COLON) {
        const next = pos + 1 < n ? text.charCodeAt(pos + 1) : LF;
        if (next === SPACE || next === LF) break;
        if (flow) fail(); // `a:b` in a flow collection: left to js-yaml
      } else if (c === HASH) {
        if (text.charCodeAt(pos - 1) === SPACE) break;
      } else if (flow && (c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE)) {
        break;
      }
      end = pos + 1;
    }
    this.pos = end;
    return text.slice(from, end);
  }

  /** A quoted scalar on one line at this.pos (single: `''` is a quote; double: no escapes); leaves this.pos after it. */
  protected quoted(quote: number): string {
    const { text } = this;
    const from = this.pos + 1;
    if (quote === DQUOTE) {
      const close = text.indexOf('"', from);
      if (close < 0) fail();
      const body = text.slice(from, close);
      if (body.indexOf('\n') >= 0 || body.indexOf('\\') >= 0) fail();
      this.pos = close + 1;
      return body;
    }
    let out = '';
    let at = from;
    for (;;) {
      const close = text.indexOf("'", at);
      if (close < 0) fail();
      if (text.charCodeAt(close + 1) === SQUOTE) {
        out += text.slice(at, close + 1);
        at = close + 2;
        continue;
      }
      out += text.slice(at, close);
      if (out.indexOf('\n') >= 0) fail();
      this.pos = close + 1;
      return out;
    }
  }

  /** An anchor or alias name after `&` or `*` at this.pos; leaves this.pos after it. */
  protected anchorName(): string {
    const from = this.pos + 1;
    ANCHOR_NAME.lastIndex = from;
    if (!ANCHOR_NAME.test(this.text)) fail();
    this.pos = ANCHOR_NAME.lastIndex;
    return this.text.slice(from, this.pos);
  }

  /**
   * `|`, `|-`, `>` or `>-` at the end of its line, then lines all at one indentation deeper than
   * `indent` by two or more, none blank, none ending in a space: the lines joined by line breaks
   * (literal) or spaces (folded), with a final line break unless `-`. It starts where its first line
   * does, as js-yaml places it (scalarStart).
   */
  protected blockScalar(folded: boolean, indent: number): string {
    const { text, n } = this;
    let pos = this.pos + 1;
    const strip = pos < n && text.charCodeAt(pos) === DASH;
    if (strip) pos++;
    if (pos >= n || text.charCodeAt(pos) !== LF) fail();
    const first = pos + 1;
    let at = first;
    while (at < n && text.charCodeAt(at) === SPACE) at++;
    const contentIndent = at - first;
    if (contentIndent <= indent + 1 || at >= n || text.charCodeAt(at) === LF) fail();
    const lines: string[] = [];
    let lineStart = first;
    for (;;) {
      // lineStart begins a line of the scalar: contentIndent spaces, then a character that is not one.
      const from = lineStart + contentIndent;
      if (text.charCodeAt(from) === SPACE) fail();
      const eol = text.indexOf('\n', from);
      if (eol < 0) fail(); // the last line without its line break
      if (text.charCodeAt(eol - 1) === SPACE) fail();
      lines.push(text.slice(from, eol));
      // The next line: at the scalar's indentation, or less indented (its end); a blank line is left to js-yaml.
      const next = eol + 1;
      let p = next;
      while (p < n && text.charCodeAt(p) === SPACE) p++;
      if (p >= n ? p - next >= contentIndent : text.charCodeAt(p) === LF) fail();
      if (p >= n || p - next < contentIndent) {
        this.pos = eol; // the caller's endOfLine and nextContent go on from the line break
        break;
      }
      if (p - next > contentIndent) fail();
      lineStart = next;
    }
    this.scalarStart = first;
    const body = lines.join(folded ? ' ' : '\n');
    return strip ? body : `${body}\n`;
  }
}
