/** JSON Pointer (RFC 6901) helpers. */

export function escapeToken(token: string | number): string {
  if (typeof token === 'number') return String(token); // digits, a sign, a dot: nothing to escape
  if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes `~1` before `~0`, as RFC 6901 §4 requires. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  let out = base;
  for (let i = 0; i < tokens.length; i++) out += '/' + escapeToken(tokens[i]!);
  return out;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}
