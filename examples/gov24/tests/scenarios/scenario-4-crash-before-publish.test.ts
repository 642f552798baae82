/**
 * Scenario 4 — the process dies after commit and before publish.
 *
 * Subscribe → transaction → publish is one atomic unit: a command commits its state and its
 * events (the transactional outbox) in one transaction, and the relay publishes after commit.
 * Here the application service's relay is stopped before a submission, so the event is committed
 * but never published — the moment a crash would hit. The service is then stopped (the crash)
 * and started again on the same database and bus: its relay finds the committed row and
 * publishes it, exactly once, and the complaint completes exactly once.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventsOf,
  generalApplication,
  getJson,
  metric,
  postJson,
  since,
  startScenario,
  waitUntil,
  type Scenario,
} from './support.ts';

let s: Scenario;
const fileStart = performance.now();
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  s = await startScenario();
  figures['db'] = s.dbKind;
});

afterAll(async () => {
  await s?.stop();
  figures['file'] = `${since(fileStart)}ms`;
  console.log(`scenario 4: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
});

describe('scenario 4: crash after commit, before publish', () => {
  it('publishes the committed event exactly once after the restart, and the flow completes once', async () => {
    const body = generalApplication();
    const id = body.applicationId;
    const before = s.platform.service('application');
    await before.runtime.relay.stop();
    expect(await before.runtime.relay.pending()).toBe(0);

    const res = await postJson<{ key: string; events: { id: string; type: string }[] }>(`${s.url('application')}/applications/general`, body);
    expect(res.status).toBe(200);
    expect(res.body.key).toBe(id);
    const eventId = res.body.events[0]!.id;

    // Committed: the state and the event in the outbox, in one transaction ...
    expect(await before.runtime.relay.pending()).toBe(1);
    const outbox = await s.db.query<{ id: string; aggregatetype: string; aggregateid: string; type: string; published: boolean }>(
      `SELECT id::text, aggregatetype, aggregateid, type, published_at IS NOT NULL AS published FROM application.outbox WHERE aggregateid = $1`,
      [id],
    );
    expect(outbox.rows).toEqual([
      { id: eventId, aggregatetype: 'Application', aggregateid: id, type: 'kr.go.gov24.GeneralApplicationSubmitted.v1', published: false },
    ]);
    expect(await before.runtime.load('Application', id)).toMatchObject({ applicationId: id, citizenId: body.citizenId });
    // ... and not published: nothing downstream has happened.
    expect(eventsOf(s.bus, 'GeneralApplicationSubmitted', id)).toHaveLength(0);
    expect((await getJson(`${s.url('result')}/application-results/${id}`)).status).toBe(404);

    // The crash, then the restart on the same database and bus.
    await s.platform.stopService('application');
    expect((await fetch(`${s.url('issuance')}/healthz`)).status).toBe(200);
    expect(eventsOf(s.bus, 'GeneralApplicationSubmitted', id)).toHaveLength(0);
    const restartAt = performance.now();
    const after = await s.platform.startService('application');
    expect(after).not.toBe(before);
    const published = await waitUntil('the relay to publish after the restart', () => eventsOf(s.bus, 'GeneralApplicationSubmitted', id)[0]);
    const publishMs = since(restartAt);
    await s.settle();

    // Published exactly once, the very event that was committed; the flow ran once.
    expect(eventsOf(s.bus, 'GeneralApplicationSubmitted', id)).toHaveLength(1);
    expect(published.headers['ce_id']).toBe(eventId);
    expect(await after.runtime.relay.pending()).toBe(0);
    expect(metric(s.platform, 'application', 'msa_outbox_published_total')).toBe(1);
    const issued = eventsOf(s.bus, 'GeneralDocumentIssued', id);
    const notified = eventsOf(s.bus, 'CitizenNotified', id);
    expect(issued).toHaveLength(1);
    expect(notified).toHaveLength(1);
    expect(eventsOf(s.bus, 'IssuedDocumentShared', id)).toHaveLength(1);
    const view = await getJson(`${s.url('result')}/application-results/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ applicationId: id, status: 'Completed' });
    const row = await s.db.query<{ published: boolean }>(`SELECT published_at IS NOT NULL AS published FROM application.outbox WHERE id = $1`, [eventId]);
    expect(row.rows).toEqual([{ published: true }]);

    // The restarted service takes new work as usual.
    const next = generalApplication();
    expect((await postJson(`${s.url('application')}/applications/general`, next)).status).toBe(200);
    await s.settle();
    expect(eventsOf(s.bus, 'GeneralDocumentIssued', next.applicationId)).toHaveLength(1);

    Object.assign(figures, {
      pending_before_crash: 1,
      published_before_crash: 0,
      restart_to_publish: `${publishMs}ms`,
      published_after_restart: eventsOf(s.bus, 'GeneralApplicationSubmitted', id).length,
      issued: issued.length,
      notified: notified.length,
      lookup: String(view.body['status']),
    });
  });
});
