/** Deterministic ids: the same inputs give the same UUID (v5-style, SHA-1), so a policy that
 * sees an event twice addresses the same aggregate twice and its business check can tell. */
import { createHash } from 'node:crypto';
import type { CloudEvent } from './envelope.ts';
import { asUuid } from './fields.ts';

export function deriveId(...parts: ReadonlyArray<string | number>): string {
  const h = createHash('sha1').update(parts.map(String).join('\u0000')).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * The key of the aggregate a policy's command addresses: `read(event.data[field])` (a UUID by
 * default) when the event carries it, else derived from the policy and the event's subject, so a
 * redelivered event addresses the same aggregate. Without `field` the key is always derived: each
 * event creates an aggregate.
 */
export function policyKey(policy: string, field?: string, read: (value: unknown) => string | undefined = asUuid): (event: CloudEvent<unknown>) => string {
  return (event) => {
    const data = event.data;
    const value = field !== undefined && typeof data === 'object' && data !== null ? read((data as Record<string, unknown>)[field]) : undefined;
    return value ?? deriveId(policy, event.subject);
  };
}
