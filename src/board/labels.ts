/**
 * Sticky labels: names broken into lines that fit a sticky, and the sticky sizes that follow.
 * Text is measured by a conservative average glyph width (no font metrics here), so a label
 * never runs over its sticky's edge.
 */
import type { StickyKind } from './graph.js';

/**
 * Widest average glyph of the sticky font (12px, semi-bold) measured in Chromium with DejaVu
 * Sans, Debian's default sans-serif and one of the widest (Verdana is alike): 8.9px for a
 * line of capitals-heavy camelCase. Narrower fonts only leave more room.
 */
export const GLYPH_WIDTH = 9.2;
export const LINE_HEIGHT = 15;
/** Room above the name for the kind caption, and below it. */
const TOP = 26;
const BOTTOM = 10;
const PAD_X = 8;

export function stickyWidth(kind: StickyKind): number {
  return kind === 'actor' ? 140 : 176;
}

/** The name's words: camelCase humps, runs of digits, and whatever spaces, dots or dashes split. */
function words(name: string): string[] {
  const parts = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|[^A-Za-z\d\s._-]+|[\s._-]+/g) ?? [];
  // Keep separators (spaces included) glued to the word before them.
  const out: string[] = [];
  for (const p of parts) {
    if (/^[\s._-]+$/.test(p) && out.length > 0) out[out.length - 1] += p;
    else out.push(p);
  }
  return out.length > 0 ? out : [name];
}

/** The name in lines of at most `max` characters; a word longer than that is cut. */
export function wrap(name: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of words(name)) {
    while ([...word].length > max) {
      if (line.trim()) {
        lines.push(line.trimEnd());
        line = '';
      }
      const chars = [...word];
      lines.push(chars.slice(0, max).join(''));
      word = chars.slice(max).join('');
    }
    const joined = line + word;
    if ([...joined.trimEnd()].length <= max) line = joined;
    else {
      lines.push(line.trimEnd());
      line = word;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length > 0 ? lines : [''];
}

/** At most this many lines; the last one ends with an ellipsis when more were cut. */
export const MAX_LINES = 4;

export interface StickyLabel {
  readonly lines: readonly string[];
  readonly width: number;
  readonly height: number;
}

export function stickyLabel(kind: StickyKind, name: string): StickyLabel {
  const width = stickyWidth(kind);
  const max = Math.floor((width - 2 * PAD_X) / GLYPH_WIDTH);
  let lines = wrap(name, max);
  if (lines.length > MAX_LINES) lines = [...lines.slice(0, MAX_LINES - 1), `${[...lines[MAX_LINES - 1]!].slice(0, max - 1).join('')}…`];
  const height = Math.max(kind === 'actor' ? 44 : 64, TOP + lines.length * LINE_HEIGHT + BOTTOM);
  return { lines, width, height };
}
