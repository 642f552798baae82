/**
 * Scenario 6 — major complaints keep working while the shared guidance service is down.
 *
 * AS-IS, every complaint passed through the shared guidance module: one outage stopped all of
 * Government24 (the seed's single point of failure). TO-BE, only general complaints still check
 * their requirements in the shared `guidance`; building permits (namespace gov24-building) and
 * vehicle registrations (gov24-car) each have their own guidance, application, issuance and
 * linkage services and their own result lookup. With `guidance` stopped, a general application
 * is rejected (503, nothing written), while a building permit and a car registration go through
 * their whole sagas, touching nothing outside their namespace. Immediate issuance (①), which never
 * checks requirements, must not be taken down by the guidance outage either. A handler replacing
 * the default does not skip the guidance check: the runtime makes the model's calls before it.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildingApplication,
  carApplication,
  dataOf,
  eventsOf,
  generalApplication,
  getJson,
  instantIssuance,
  metric,
  postJson,
  since,
  startScenario,
  topicsOfFlow,
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
  console.log(`scenario 6: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);
});

describe('scenario 6: namespace isolation of major complaints', () => {
  it('rejects general complaints but completes building permits and car registrations while guidance is down', async () => {
    await s.platform.stopService('guidance');
    expect(s.platform.services.has('guidance')).toBe(false);

    // General complaint: guidance is on its synchronous path — rejected, nothing written.
    const general = generalApplication();
    const rejected = await postJson<{ error: string; service: string; reason: string; message: string }>(
      `${s.url('application')}/applications/general`,
      general,
    );
    expect(rejected.status).toBe(503);
    expect(rejected.body).toMatchObject({ error: 'dependency-unavailable', service: 'guidance', reason: 'error' });
    expect(rejected.body.message).toMatch(/^guidance is unavailable: /);
    expect(await s.platform.service('application').runtime.load('Application', general.applicationId)).toBeUndefined();
    expect(await s.platform.service('application').runtime.relay.pending()).toBe(0);

    // Building permit: its own guidance, its own saga, its own lookup.
    const sagaStart = performance.now();
    const building = buildingApplication();
    const b = await postJson(`${s.url('building-application')}/building/applications`, building);
    expect(b.status).toBe(200);
    // Car registration likewise.
    const car = carApplication();
    const c = await postJson(`${s.url('car-application')}/car/applications`, car);
    expect(c.status).toBe(200);
    await s.settle();
    const sagaMs = since(sagaStart);

    // The building saga ran through: submitted → permit issued, then registered by its linkage.
    const bId = building.applicationId;
    expect(eventsOf(s.bus, 'BuildingApplicationSubmitted', bId)).toHaveLength(1);
    const permits = eventsOf(s.bus, 'BuildingPermitIssued', bId);
    expect(permits).toHaveLength(1);
    expect(eventsOf(s.bus, 'BuildingPermitRefused', bId)).toHaveLength(0);
    expect(eventsOf(s.bus, 'BuildingApplicationCancelled', bId)).toHaveLength(0);
    const registered = eventsOf(s.bus, 'BuildingPermitRegistered', bId);
    expect(registered).toHaveLength(1);
    const permit = dataOf(permits[0]!);
    expect(permit).toMatchObject({ applicationId: bId });
    expect(dataOf(registered[0]!)).toMatchObject({ applicationId: bId, permitId: permit['permitId'] });
    expect(metric(s.platform, 'building-guidance', 'msa_commands_total', { command: 'CheckBuildingRequirements' })).toBe(1);
    // Only topics of its own namespace.
    expect(topicsOfFlow(s.bus, bId)).toEqual(['BuildingApplicationSubmitted', 'BuildingPermitIssued', 'BuildingPermitRegistered']);
    // The namespace's own lookup: the permit was issued (Permitted), then registered in the building
    // administration system, the last step of the model's status map (Registered).
    const bView = await getJson(`${s.url('building-application')}/building-application-results/${bId}`);
    expect(bView.status).toBe(200);
    expect(bView.body).toMatchObject({
      applicationId: bId,
      siteAddress: building.siteAddress,
      buildingUse: building.buildingUse,
      floorArea: building.floorArea,
      permitId: permit['permitId'],
      permitUrl: permit['permitUrl'],
      status: 'Registered',
      lastEvent: 'BuildingPermitRegistered',
    });

    // The car saga likewise: submitted → certificate issued → reported to the vehicle register.
    const cId = car.applicationId;
    expect(eventsOf(s.bus, 'CarApplicationSubmitted', cId)).toHaveLength(1);
    const certificates = eventsOf(s.bus, 'CarRegistrationCertificateIssued', cId);
    expect(certificates).toHaveLength(1);
    expect(eventsOf(s.bus, 'CarRegistrationRefused', cId)).toHaveLength(0);
    expect(eventsOf(s.bus, 'CarApplicationCancelled', cId)).toHaveLength(0);
    const reported = eventsOf(s.bus, 'CarRegistrationReported', cId);
    expect(reported).toHaveLength(1);
    const certificate = dataOf(certificates[0]!);
    expect(certificate).toMatchObject({ applicationId: cId, vehicleIdentificationNumber: car.vehicleIdentificationNumber });
    expect(dataOf(reported[0]!)).toMatchObject({ applicationId: cId, certificateId: certificate['certificateId'] });
    expect(metric(s.platform, 'car-guidance', 'msa_commands_total', { command: 'CheckCarRequirements' })).toBe(1);
    expect(topicsOfFlow(s.bus, cId)).toEqual(['CarApplicationSubmitted', 'CarRegistrationCertificateIssued', 'CarRegistrationReported']);
    const cView = await getJson(`${s.url('car-application')}/car-application-results/${cId}`);
    expect(cView.status).toBe(200);
    expect(cView.body).toMatchObject({
      applicationId: cId,
      vehicleIdentificationNumber: car.vehicleIdentificationNumber,
      registrationKind: car.registrationKind,
      certificateId: certificate['certificateId'],
      status: 'Registered',
      lastEvent: 'CarRegistrationReported',
    });

    // The saga itself ends at the issued permit: the linkage is outside it. With building-linkage
    // down too, a second permit is still issued and the lookup shows Permitted; the registration
    // follows when the linkage is back.
    await s.platform.stopService('building-linkage');
    const building2 = buildingApplication();
    expect((await postJson(`${s.url('building-application')}/building/applications`, building2)).status).toBe(200);
    await s.settle();
    expect(eventsOf(s.bus, 'BuildingPermitIssued', building2.applicationId)).toHaveLength(1);
    expect(eventsOf(s.bus, 'BuildingPermitRegistered', building2.applicationId)).toHaveLength(0);
    const permitted = await getJson(`${s.url('building-application')}/building-application-results/${building2.applicationId}`);
    expect(permitted.body).toMatchObject({ applicationId: building2.applicationId, status: 'Permitted', lastEvent: 'BuildingPermitIssued' });
    await s.platform.startService('building-linkage');
    await s.settle();
    expect(eventsOf(s.bus, 'BuildingPermitRegistered', building2.applicationId)).toHaveLength(1);
    expect((await getJson(`${s.url('building-application')}/building-application-results/${building2.applicationId}`)).body).toMatchObject({
      status: 'Registered',
    });

    // Meanwhile the general complaint left no trace: no event, no lookup entry.
    expect(topicsOfFlow(s.bus, general.applicationId)).toEqual([]);
    expect((await getJson(`${s.url('result')}/application-results/${general.applicationId}`)).status).toBe(404);

    // Guidance back: general complaints are accepted again.
    await s.platform.startService('guidance');
    const again = generalApplication();
    const accepted = await postJson(`${s.url('application')}/applications/general`, again);
    expect(accepted.status).toBe(200);
    await s.settle();
    expect(eventsOf(s.bus, 'CitizenNotified', again.applicationId)).toHaveLength(1);
    expect((await getJson(`${s.url('result')}/application-results/${again.applicationId}`)).body).toMatchObject({ status: 'Completed' });

    Object.assign(figures, {
      guidance: 'down',
      general: rejected.status,
      general_reject: `${Math.round(rejected.ms)}ms`,
      building: b.status,
      permit_issued: permits.length,
      building_lookup: String(bView.body['status']),
      building_lookup_linkage_down: String(permitted.body['status']),
      car: c.status,
      certificate_issued: certificates.length,
      car_lookup: String(cView.body['status']),
      major_sagas: `${sagaMs}ms`,
      general_after_guidance_back: accepted.status,
    });
  });

  it('keeps immediate issuance (①) working while guidance is down: recording its result checks no requirements', async () => {
    // The model's only use of the shared guidance is the requirements check "before a general
    // application is accepted" (CheckRequirements); recording the result of an immediate
    // issuance (RecordIssuanceResult, called by instant-issuance) is not an application.
    await s.platform.stopService('guidance');
    const recordedBefore = s.bus.records('IssuanceResultRecorded').length;
    const res = await postJson(`${s.url('instant-issuance')}/instant-issuances`, instantIssuance());
    figures['instant_while_guidance_down'] = res.status;
    figures['instant_while_guidance_down_latency'] = `${Math.round(res.ms)}ms`;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await s.settle();
    expect(s.bus.records('IssuanceResultRecorded')).toHaveLength(recordedBefore + 1);
  });

  it('checks requirements for a handler that replaces the default: the runtime makes the call before it', async () => {
    expect(s.platform.services.has('guidance')).toBe(false); // stopped above
    // A handler that replaces the default (calling no client) cannot drop the check: the runtime
    // makes the model's calls before the handler, so a failed one refuses the command first.
    let replacedRuns = 0;
    const application = s.platform.service('application').runtime;
    const restore = application.overrideHandler('SubmitGeneralApplication', () => (command, ctx) => {
      replacedRuns++;
      return { state: { ...command, applicationId: ctx.key } };
    });
    const unchecked = generalApplication();
    const refused = await postJson<{ service: string }>(`${s.url('application')}/applications/general`, unchecked);
    restore();
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ service: 'guidance' });
    expect(replacedRuns).toBe(0);
    expect(await application.load('Application', unchecked.applicationId)).toBeUndefined();
    figures['replaced_handler_status'] = refused.status;
    figures['replaced_handler_runs'] = replacedRuns;
  });
});
