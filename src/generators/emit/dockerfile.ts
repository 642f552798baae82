/**
 * Model text into a Dockerfile. Free text goes into comments only, every line of it behind its
 * own `#`; values inside instructions (paths, image references, ports) must match a grammar
 * with no whitespace, quote, `$`, `\` or `#`, or the emitter refuses them.
 */
import { clip, escapeUnsafe } from '../../model/text.js';
import { safeLinesOf } from './plain-text.js';
import { escapedAs, type Escaped } from './escaped.js';

export type Dockerfile = Escaped<'dockerfile'>;

/**
 * Text inside a comment line: each line break of the text starts a new `# ` comment line, other
 * unsafe characters are visible escapes. A comment line never continues an instruction (the
 * parser drops comment lines before it joins `\` continuations).
 */
export function dockerComment(text: string): Dockerfile {
  return escapedAs(safeLinesOf(text).join('\n# '));
}

/** A word of an instruction: letters, digits and `. _ / : @ + -`, starting with a letter or digit. */
const INSTRUCTION_WORD = /^[A-Za-z0-9][A-Za-z0-9._/:@+-]*$/;

/** A value inside an instruction (a path, an image reference): refused unless it is one plain word. */
export function dockerWord(text: string): Dockerfile {
  if (!INSTRUCTION_WORD.test(text)) {
    throw new Error(`"${escapeUnsafe(clip(text))}" cannot be written into a Dockerfile instruction (letters, digits and . _ / : @ + - only)`);
  }
  return escapedAs(text);
}
