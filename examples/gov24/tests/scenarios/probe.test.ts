import { afterAll, beforeAll, expect, it } from 'vitest';
import { carApplication, getJson, postJson, startScenario, type Scenario } from './support.ts';
let s: Scenario;
beforeAll(async () => { s = await startScenario(); });
afterAll(async () => { await s?.stop(); });
it('probe', async () => {
  let bad = 0;
  for (let i = 0; i < 30; i++) {
    const car = carApplication();
    await postJson(`${s.url('car-application')}/car/applications`, car);
    await s.platform.settle();
    const v = (await getJson(`${s.url('car-application')}/car-application-results/${car.applicationId}`)).body;
    if (v['status'] !== 'Registered') {
      bad++;
      const r = await s.db.query(`SELECT i.event_id, i.processed_at, o.type FROM "car-application".inbox i LEFT JOIN (SELECT id::text, type FROM "car-issuance".outbox UNION ALL SELECT id::text, type FROM "car-linkage".outbox UNION ALL SELECT id::text, type FROM "car-application".outbox) o ON o.id = i.event_id WHERE i.consumer_group LIKE '%CarApplicationResult%' ORDER BY processed_at DESC LIMIT 3`);
      console.log('BAD', i, v['status'], JSON.stringify(r.rows));
    }
  }
  console.log('bad', bad);
}, 120000);
