/** Deterministic ids: the same inputs give the same UUID (v5-style, SHA-1), so a policy that
 * sees an event twice addresses the same aggregate twice and its business check can tell. */
import { createHash } from 'node:crypto';

export function deriveId(...parts: ReadonlyArray<string | number>): string {
  const h = createHash('sha1').update(parts.map(String).join('\u0000')).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
