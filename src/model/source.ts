/** A model file's text with a line index, to turn offsets into 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export class SourceText {
  readonly path: string;
  readonly text: string;
  /** Offsets where lines start: made the first time a position is asked (a clean model never asks). */
  private starts: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  private get lineStarts(): number[] {
    if (this.starts === undefined) {
      const { text } = this;
      const starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** 1-based line and column (UTF-16 code units) of a 0-based offset. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

/**
 * A model file the CLI could not turn into text: too large, not UTF-8, UTF-16. Reported as an
 * MSA001 finding at `offset` of `text` (what could be decoded, for the excerpt under it).
 */
export interface UnreadableModel {
  readonly kind: 'unreadable';
  readonly text: string;
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

/** What the model layer gets from the CLI: the file's text, or why there is none. */
export type ModelInput = string | UnreadableModel;
