/**
 * Scenario 7 — the citizen cannot be notified: the saga undoes issuance and the application,
 * and the application is cancelled exactly once.
 *
 * NotifyCitizen fails for one application (fault injected). After maxAttempts the record goes to
 * GeneralDocumentIssued.DLQ, and two services compensate their step of GeneralComplaintProcessing
 * after the grace period: issuance revokes the document (RevokeGeneralDocument), and application
 * cancels the application (CancelApplication). The revocation's event, GeneralDocumentRevoked,
 * also reaches application's policy CancelApplicationWhenDocumentRevoked, whose command is that
 * same compensation. Both paths claim one idempotency key per saga instance in the command's
 * transaction, so CancelApplication runs once: one ApplicationCancelled, the second suppressed.
 */

import type { CommandHandler } from '@gov24/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, generalApplication, getJson, metric, postJson, since, startScenario, waitUntil, type Scenario } from './support.ts';

const GRACE_MS = 1000;

class NotificationGatewayDown extends Error {
  override readonly name = 'NotificationGatewayDown';
}

let s: Scenario;
const failing = new Set<string>();
const figures: Record<string, string | number> = {};
let restore: () => void = () => undefined;

beforeAll(async () => {
  s = await startScenario({ env: { SAGA_COMPENSATION_DELAY_MS: String(GRACE_MS) } });
  figures['db'] = s.dbKind;
  restore = s.platform.service('citizen').runtime.overrideHandler('NotifyCitizen', (original: CommandHandler): CommandHandler => (cmd, ctx) => {
    if (failing.has(String(cmd['applicationId']))) throw new NotificationGatewayDown('the notification gateway is down');
    return original(cmd, ctx);
  });
});

afterAll(async () => {
  restore();
  await s?.stop();
  console.log(`scenario 7: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
});

describe('scenario 7: notification fails → issuance revoked and application cancelled, once', () => {
  it('cancels the application exactly once although two paths lead to CancelApplication', async () => {
    const body = generalApplication();
    const id = body.applicationId;
    failing.add(id);
    const t0 = performance.now();
    const res = await postJson(`${s.url('application')}/applications/general`, body);
    expect(res.status).toBe(200);

    await waitUntil('GeneralDocumentRevoked', () => eventsOf(s.bus, 'GeneralDocumentRevoked', id)[0], { timeoutMs: 20_000 });
    await waitUntil('ApplicationCancelled', () => eventsOf(s.bus, 'ApplicationCancelled', id)[0], { timeoutMs: 20_000 });
    const compensatedMs = since(t0);
    // Both paths have run once the application's scheduled compensation is done and the policy has consumed the revocation.
    await waitUntil('both paths to CancelApplication', () =>
      metric(s.platform, 'application', 'msa_commands_suppressed_total', { command: 'CancelApplication' }) >= 1 ? true : undefined,
      { timeoutMs: 20_000 },
    );
    await s.settle();

    expect(eventsOf(s.bus, 'GeneralDocumentIssued', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'CitizenNotified', id)).toHaveLength(0);
    expect(eventsOf(s.bus, 'GeneralDocumentRevoked', id)).toHaveLength(1);
    expect(eventsOf(s.bus, 'ApplicationCancelled', id)).toHaveLength(1);
    const suppressed = metric(s.platform, 'application', 'msa_commands_suppressed_total', { command: 'CancelApplication' });
    expect(suppressed).toBe(1);
    const view = await getJson(`${s.url('result')}/application-results/${id}`);
    expect(view.status).toBe(200);

    Object.assign(figures, {
      notify_to_cancel: `${compensatedMs}ms`,
      grace: `${GRACE_MS}ms`,
      cancelled: eventsOf(s.bus, 'ApplicationCancelled', id).length,
      revoked: eventsOf(s.bus, 'GeneralDocumentRevoked', id).length,
      duplicates_suppressed: suppressed,
      lookup: String(view.body['status']),
    });
  });
});
