/** Model strings quoted in finding messages: JSON-escaped, long ones cut in the middle. */

/** A quoted model string for a message: JSON-escaped, long strings keep their start and end. */
export function quoteText(text: string, max = 60): string {
  if (text.length <= max) return JSON.stringify(text);
  const half = Math.floor((max - 1) / 2);
  return `${JSON.stringify(text.slice(0, half)).slice(0, -1)}…${JSON.stringify(text.slice(text.length - half)).slice(1)}`;
}

/** Text for a message, long text keeping its start and end (not quoted, not escaped). */
export function clipMiddle(text: string, max = 60): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}

/** 12345678 → `12,345,678`: lengths in messages. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

