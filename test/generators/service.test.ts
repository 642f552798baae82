/**
 * The service generator's decisions, checked against the IR: JSON schemas of commands and events
 * (and that the starter tests' sample inputs satisfy them), consumer groups shared with the
 * topic plan, saga compensations and orchestrations, call targets, policy modes, and the flow
 * the platform test drives.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fieldSchema, sampleValue } from '../../src/generators/ts/field-types.js';
import { generate } from '../../src/generators/index.js';
import { commandSchema, eventSchema } from '../../src/generators/service/index.js';
import {
  callTargets,
  commandFields,
  compensations,
  generatesKey,
  orchestrations,
  policyMode,
  serviceEvents,
} from '../../src/generators/plan/service.js';
import { sampleInput, starterFlow } from '../../src/generators/tests/index.js';
import { policyConsumerGroup, projectionConsumerGroup } from '../../src/generators/plan/groups.js';
import type { Context, Field, Model } from '../../src/model/valid.js';
import { validateModelText } from '../../src/model/validate.js';
import { allModels, MINIMAL, modelOf, MODELS_DIR, request } from './scaffold-support.js';

const GOV24 = `${MODELS_DIR}/gov24.yaml`;
const DMV = `${MODELS_DIR}/examples/dmv-licence-renewal.yaml`;

function context(model: Model, name: string): Context {
  const found = model.contexts.find((c) => c.name === name);
  if (!found) throw new Error(`no context ${name}`);
  return found;
}

/** The runtime's validator: ajv 2020 with the same formats (templates/runtime/src/validation.ts). */
function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('uri', /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/);
  return ajv;
}

function field(type: Field['type'], extra: Partial<Field> = {}): Field {
  return { pointer: '', name: 'f', type, key: false, pii: false, list: false, optional: false, values: [], description: undefined, ...extra };
}

describe('field types', () => {
  it('map to JSON Schema (draft 2020-12) types and formats', () => {
    expect(fieldSchema(field('uuid'))).toEqual({ type: 'string', format: 'uuid' });
    expect(fieldSchema(field('url'))).toEqual({ type: 'string', format: 'uri' });
    expect(fieldSchema(field('email'))).toEqual({ type: 'string', format: 'email' });
    expect(fieldSchema(field('date'))).toEqual({ type: 'string', format: 'date' });
    expect(fieldSchema(field('datetime'))).toEqual({ type: 'string', format: 'date-time' });
    expect(fieldSchema(field('int'))).toEqual({ type: 'integer' });
    expect(fieldSchema(field('number'))).toEqual({ type: 'number' });
    expect(fieldSchema(field('money'))).toEqual({ type: 'number' });
    expect(fieldSchema(field('boolean'))).toEqual({ type: 'boolean' });
    expect(fieldSchema(field('text'))).toEqual({ type: 'string' });
    expect(fieldSchema(field('enum', { values: ['A', 'B'] }))).toEqual({ type: 'string', enum: ['A', 'B'] });
    expect(fieldSchema(field('string', { list: true, description: 'Docs.' }))).toEqual({
      description: 'Docs.',
      type: 'array',
      items: { type: 'string' },
    });
  });
});

describe.each(allModels())('schemas of $name', ({ file }) => {
  const model = modelOf(file);
  const ajv = validator();

  it('give every command a draft 2020-12 schema with its key, that accepts the starter sample and nothing else', () => {
    for (const command of model.commands) {
      const schema = commandSchema(model, command);
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toBe(`urn:${model.platform.name}:command:${command.context.name}:${command.name}`);
      expect(schema['additionalProperties']).toBe(false);
      const key = command.aggregate.key!.name;
      if (generatesKey(command)) expect(schema['required']).not.toContain(key);
      else expect(schema['required']).toContain(key);
      expect(Object.keys(schema['properties'] as object)).toContain(key);
      const validate = ajv.compile(schema);
      const sample = Object.fromEntries(
        Object.entries(sampleInput(command)).map(([k, v]) => [k, typeof v === 'object' && v !== null && 'kind' in v ? '3f8e2b1c-6d4a-4e5f-9a7b-0c1d2e3f4a5b' : v]),
      );
      expect(validate(sample), `${command.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...sample, unexpected: 1 }), command.name).toBe(false);
      for (const f of commandFields(command).filter((x) => !x.optional)) {
        const { [f.name]: _, ...missing } = sample;
        expect(validate(missing), `${command.name} without ${f.name}`).toBe(false);
      }
    }
  });

  it('give every event a schema whose optional fields are not required', () => {
    for (const event of model.events) {
      const schema = eventSchema(model, event);
      const validate = ajv.compile(schema);
      const data = Object.fromEntries(event.payload.fields.map((f) => [f.name, sampleValue(f)]));
      expect(validate(data), `${event.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(schema['required']).toEqual(event.payload.fields.filter((f) => !f.optional).map((f) => f.name));
    }
  });

  it('use the consumer groups of the topic plan and the CloudEvents types of the IR', () => {
    const files = generate(request(model));
    for (const c of model.contexts) {
      const text = (name: string) => files.find((f) => f.path === `services/${c.name}/src/generated/${name}`)?.content ?? '';
      for (const p of c.policies) expect(text('policies.ts')).toContain(`group: '${policyConsumerGroup(p, model)}'`);
      for (const r of c.readModels) expect(text('service.ts')).toContain(`group: '${projectionConsumerGroup(r, model)}'`);
      for (const e of serviceEvents(model, c)) {
        expect(text('events.ts')).toContain(`type: '${e.type}'`);
        expect(text('events.ts')).toContain(`topic: '${e.topic.name}'`);
        expect(text('events.ts')).toContain(`dlqTopic: '${e.dlq.name}'`);
        // What it emits it stamps and checks: stage and schema; what it only consumes it knows by type and topics.
        const own = e.context === c;
        expect(text('events.ts').includes(`stage: '${e.context.name}.${e.name}'`), e.name).toBe(own);
        expect(text(`schemas/${e.name}.schema.json`) !== '', e.name).toBe(own);
      }
    }
  });
});

describe('sagas and calls of gov24', () => {
  const model = modelOf(GOV24);

  it('compensate a step when the next steps dead-letter, unless the model already handles a failure event', () => {
    expect(
      compensations(model, context(model, 'application')).map((c) => ({ name: c.name, command: c.command.name, trigger: c.trigger.kind === 'dlq' ? [c.trigger.topic, c.trigger.failedGroups] : c.trigger.event.name })),
    ).toEqual([
      {
        name: 'GeneralComplaintProcessing.CancelApplication.GeneralApplicationSubmitted.DLQ',
        command: 'CancelApplication',
        trigger: ['GeneralApplicationSubmitted.DLQ', ['gov24.issuance.IssueDocumentWhenApplicationSubmitted']],
      },
      {
        name: 'GeneralComplaintProcessing.CancelApplication.GeneralDocumentIssued.DLQ',
        command: 'CancelApplication',
        trigger: ['GeneralDocumentIssued.DLQ', ['gov24.citizen.NotifyCitizenWhenDocumentIssued']],
      },
    ]);
    // GeneralIssuanceFailed (policy CancelApplicationWhenIssuanceFailed) and CitizenNotificationFailed
    // (revoked by issuance, whose GeneralDocumentRevoked cancels the application) need no trigger.
    expect(compensations(model, context(model, 'issuance')).map((c) => c.name)).toEqual([
      'GeneralComplaintProcessing.RevokeGeneralDocument.GeneralDocumentIssued.DLQ',
    ]);
    expect(compensations(model, context(model, 'citizen'))).toEqual([]);
    for (const c of compensations(model, context(model, 'building-application'))) expect(c.group).toBe(`gov24.building-application.${c.name}`);
  });

  it('tells policies that create an aggregate from those that act on an existing one', () => {
    const mode = (name: string) => policyMode(model.policies.find((p) => p.name === name)!);
    expect(mode('IssueDocumentWhenApplicationSubmitted')).toBe('creates');
    expect(mode('NotifyCitizenWhenDocumentIssued')).toBe('creates');
    expect(mode('CancelApplicationWhenIssuanceFailed')).toBe('addresses');
    expect(mode('RevokeDocumentWhenNotificationFailed')).toBe('addresses');
  });

  it('reaches called services through <SERVICE>_URL with the settings of the call', () => {
    const [target, ...others] = callTargets(model, context(model, 'instant-issuance'));
    expect(others).toEqual([]);
    expect(target).toMatchObject({ urlEnv: 'APPLICATION_URL', defaultUrl: 'http://application:8080', timeoutMs: 1500 });
    expect(target!.commands.map((c) => c.name)).toEqual(['RecordIssuanceResult']);
    expect(callTargets(model, context(model, 'car-application')).map((t) => t.urlEnv)).toEqual(['CAR_GUIDANCE_URL']);
    expect(callTargets(model, context(model, 'result'))).toEqual([]);
  });

  it("declares each command's calls as data the runtime makes, not as code in the default handler", () => {
    expect(model.calls.map((c) => [c.command.name, c.when])).toEqual([
      ['RecordIssuanceResult', 'after'],
      ['CheckRequirements', 'before'],
      ['CheckBuildingRequirements', 'before'],
      ['CheckCarRequirements', 'before'],
    ]);
    const files = generate(request(model));
    const text = (path: string) => files.find((f) => f.path === path)!.content;
    // before: the input from the command over the state, the reply in ctx.calls, typed per command.
    const clients = text('services/application/src/generated/clients.ts');
    expect(clients).toMatch(/SubmitGeneralApplication: \[\s*\{\s*name: 'checkRequirements',\s*service: 'guidance',\s*command: 'CheckRequirements',[^}]*when: 'before',[^}]*timeoutMs: 1000,/);
    expect(clients).toMatch(/input: toCheckRequirementsForSubmitGeneralApplication,/);
    expect(clients).toMatch(/complaintType: asString\(source\.complaintType\) \?\? ctx\.placeholder\('complaintType', ''\)/);
    expect(clients).toMatch(/export type SubmitGeneralApplicationCalls = \{[^}]*readonly checkRequirements: CommandReply;/);
    expect(text('services/application/src/generated/service.ts')).toMatch(/calls: commandCalls,/);
    const handlers = text('services/application/src/generated/handlers.ts');
    expect(handlers).toMatch(/ctx: HandlerContext<ApplicationState, Clients, SubmitGeneralApplicationCalls>/);
    expect(handlers).not.toMatch(/ctx\.clients\./);
    expect(text('services/application/src/domain/Application.ts').replace(/\n \* /g, ' ')).toMatch(/made by the runtime around the handler, not by it: replacing a delegation cannot drop them/);
    // after: no input function; the decision gives the input, and its type requires it.
    const instant = text('services/instant-issuance/src/generated/clients.ts');
    expect(instant).toMatch(/when: 'after',/);
    expect(instant).not.toMatch(/^\s+input: /m);
    expect(instant).toMatch(/export type IssueInstantCertificateCallInputs = \{\s*readonly recordIssuanceResult: RecordIssuanceResult;/);
    const issuing = text('services/instant-issuance/src/generated/handlers.ts');
    expect(issuing).toMatch(/Outcome<CertificateState, Emit<'GeneralCertificateIssued', GeneralCertificateIssued>, IssueInstantCertificateCallInputs>/);
    expect(issuing).toMatch(/return \{ state, events: \[\{ event: 'GeneralCertificateIssued', data \}\], calls \};/);
    expect(issuing).not.toMatch(/ctx\.clients\./);
    // A service that makes no calls declares none.
    expect(text('services/result/src/generated/service.ts')).not.toMatch(/commandCalls/);
  });

  it('drives the platform test through the happy path of the first saga', () => {
    const flow = starterFlow(model)!;
    expect(flow.command.name).toBe('SubmitGeneralApplication');
    expect(flow.events.map((e) => e.name)).toEqual(['GeneralApplicationSubmitted', 'GeneralDocumentIssued', 'CitizenNotified']);
  });

  it('lets the runtime assign the key of a command whose payload lacks it (the caller may still give one)', () => {
    const submit = model.commands.find((c) => c.name === 'SubmitGeneralApplication')!;
    expect(generatesKey(submit)).toBe(true);
    expect(commandFields(submit).map((f) => [f.name, f.optional])).toEqual([
      ['applicationId', true],
      ['citizenId', false],
      ['complaintType', false],
      ['attachmentUrl', false],
    ]);
    const record = model.commands.find((c) => c.name === 'RecordIssuanceResult')!;
    expect(generatesKey(record)).toBe(false);
    const commands = generate(request(model)).find((f) => f.path === 'services/application/src/generated/commands.ts')!.content;
    expect(commands).toMatch(/SubmitGeneralApplication: \{[^}]*generateKey: true,/);
    expect(commands).not.toMatch(/RecordIssuanceResult: \{[^}]*generateKey/);
  });
});

describe('orchestration sagas', () => {
  const model = modelOf(DMV);

  it('are run by the orchestrator context, each step with its route and its success and failure events', () => {
    const [plan, ...others] = orchestrations(model, context(model, 'renewal'));
    expect(others).toEqual([]);
    expect(plan!.group).toBe('dmv.renewal.LicenseRenewal');
    expect(plan!.steps.map((s) => [s.command.name, s.command.context.name, s.succeededOn.map((e) => e.name), s.failedOn.map((e) => e.name), s.compensation?.name])).toEqual([
      ['SubmitRenewal', 'renewal', ['RenewalSubmitted'], [], 'RejectRenewal'],
      ['ValidatePhoto', 'photo', ['PhotoValidated'], ['PhotoRejected'], 'DiscardPhoto'],
      ['VerifyAddress', 'address', ['AddressVerified'], ['AddressRejected'], 'RestorePreviousAddress'],
      ['CapturePayment', 'payment', ['PaymentCaptured'], ['PaymentDeclined'], 'RefundPayment'],
      ['IssueLicenseCard', 'fulfillment', ['LicenseCardIssued'], ['LicenseIssuanceFailed'], undefined],
    ]);
    for (const step of plan!.steps) {
      if (step.command.http) expect(step.route).toMatchObject({ method: step.command.http.method, path: step.command.http.path, internal: false });
    }
    expect(orchestrations(model, context(model, 'photo'))).toEqual([]);
    expect(callTargets(model, context(model, 'renewal')).map((t) => t.service.name)).toEqual(['photo', 'address', 'payment', 'fulfillment']);
    // The orchestrator knows every event it listens to.
    expect(serviceEvents(model, context(model, 'renewal')).map((e) => e.name)).toEqual(expect.arrayContaining(plan!.events.map((e) => e.name)));
  });
});

describe('a failure event no policy handles', () => {
  const text = `
version: 1
platform: { name: shop }
contexts:
  - name: orders
    aggregates:
      - name: Order
        fields: { orderId: { type: uuid, key: true }, item: string }
        commands:
          - { name: PlaceOrder, http: POST /orders, emits: [OrderPlaced] }
          - { name: CancelOrder, emits: [OrderCancelled] }
        events:
          - { name: OrderPlaced, fields: [orderId, item] }
          - { name: OrderCancelled, fields: [orderId], terminal: true }
  - name: shipping
    aggregates:
      - name: Shipment
        fields: { shipmentId: { type: uuid, key: true }, orderId: uuid }
        commands:
          - { name: ShipOrder, emits: [OrderShipped, ShipmentFailed] }
        events:
          - { name: OrderShipped, fields: [shipmentId, orderId], terminal: true }
          - { name: ShipmentFailed, fields: [shipmentId, orderId], failure: true, terminal: true }
    policies:
      - { name: ShipOrderWhenOrderPlaced, on: OrderPlaced, then: ShipOrder }
sagas:
  - name: Fulfilment
    coordination: choreography
    steps:
      - { command: PlaceOrder, compensation: CancelOrder }
      - { command: ShipOrder }
`;
  const result = validateModelText('shop.yaml', text);

  it('becomes an event trigger of the compensation, next to the DLQ trigger', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = result.valid!;
    const list = compensations(model, context(model, 'orders'));
    expect(list.map((c) => [c.name, c.trigger.kind, c.group])).toEqual([
      ['Fulfilment.CancelOrder.OrderPlaced.DLQ', 'dlq', 'shop.orders.Fulfilment.CancelOrder.OrderPlaced.DLQ'],
      ['Fulfilment.CancelOrder.ShipmentFailed', 'event', 'shop.orders.Fulfilment.CancelOrder.ShipmentFailed'],
    ]);
    // The compensating service knows the failure event it listens to.
    expect(serviceEvents(model, context(model, 'orders')).map((e) => e.name)).toContain('ShipmentFailed');
    const saga = generate(request(model)).find((f) => f.path === 'services/orders/src/generated/saga.ts')!.content;
    expect(saga).toContain("trigger: { kind: 'event', event: eventDefs.ShipmentFailed }");
    expect(saga).toContain("failedGroups: ['shop.shipping.ShipOrderWhenOrderPlaced']");
  });
});

describe('the minimal model', () => {
  it('drives the platform test from SubmitApplication to PermitIssued', () => {
    const flow = starterFlow(modelOf(MINIMAL))!;
    expect([flow.command.name, ...flow.events.map((e) => e.name)]).toEqual(['SubmitApplication', 'ApplicationSubmitted', 'PermitIssued']);
  });
});

describe('a generated service of gov24', () => {
  const model = modelOf(GOV24);
  const files = generate(request(model));
  const content = (path: string) => files.find((f) => f.path === path)?.content;
  /** Doc comment text with its line breaks undone. */
  const prose = (text: string) => text.replace(/\n\s*\* ?/g, ' ');
  const serviceFiles = (c: Context) => files.filter((f) => f.path.startsWith(`services/${c.name}/src/`) && f.path.endsWith('.ts'));

  it('holds no module another service holds byte for byte', () => {
    const seen = new Map<string, string>();
    for (const c of model.contexts) {
      for (const f of serviceFiles(c)) {
        expect(seen.get(f.content), f.path).toBeUndefined();
        seen.set(f.content, f.path);
      }
    }
    expect(seen.size).toBeGreaterThan(model.contexts.length * 3);
  });

  it('takes field readers, handler types and the handler context from the runtime instead of declaring them', () => {
    for (const c of model.contexts) {
      expect(content(`services/${c.name}/src/generated/fields.ts`)).toBeUndefined();
      for (const f of serviceFiles(c)) {
        expect(f.content, f.path).not.toMatch(/export (type|function) (Emit|Decided|Outcome|HandlerContext|handlerContext|Source|asString|listOf)\b/);
        expect(f.content, f.path).not.toContain('ddl');
      }
    }
    expect(content('services/application/src/generated/handlers.ts')).toMatch(/type HandlerContext,[\s\S]*\} from '@gov24\/runtime';/);
  });

  it('hands the runtime the user-owned handlers, policies and saga mappers themselves, with no wrapper in between', () => {
    for (const c of model.contexts) {
      const service = content(`services/${c.name}/src/generated/service.ts`)!;
      // The only function in the module is `define`.
      expect(service.match(/=>/g) ?? [], c.name).toHaveLength(1);
      const handlers = c.aggregates.filter((a) => a.commands.length > 0).map((a) => `...${a.name.charAt(0).toLowerCase()}${a.name.slice(1)}Handlers`);
      if (handlers.length > 0) expect(service).toContain(`handlers: { ${handlers.join(', ')} }`);
      for (const p of c.policies) expect(service).toMatch(new RegExp(`\\{\\s*\\.\\.\\.\\w+,\\s*\\.\\.\\.policySettings\\.${p.name},?\\s*\\}`));
      const saga = content(`services/${c.name}/src/generated/saga.ts`) ?? '';
      expect(saga).not.toContain('=>');
      for (const comp of compensations(model, c)) expect(saga).toContain(`toCommand: to${comp.command.name},`);
    }
    const domain = content('services/application/src/domain/Application.ts')!;
    expect(domain).toContain('  SubmitGeneralApplication: applicationDefaults.SubmitGeneralApplication,\n');
    const policy = content('services/application/src/policies/CancelApplicationWhenIssuanceFailed.ts')!;
    expect(policy).toContain('  shouldHandle: defaults.shouldHandle,\n  toCommand: defaults.toCommand,\n');
  });

  it('keeps what the model says about handlers and policies in generated files, which user-owned files point to', () => {
    for (const c of model.contexts) {
      for (const a of c.aggregates.filter((x) => x.commands.length > 0)) {
        const domain = content(`services/${c.name}/src/domain/${a.name}.ts`)!;
        expect(domain).toContain(`${a.name}Handlers in src/generated/handlers.ts`);
        expect(domain).not.toMatch(/triggered by|Emits|\(context /);
        for (const cmd of a.commands) for (const e of cmd.emits) expect(domain.replace(/\b\w+Defaults\.\w+/g, ''), e.name).not.toContain(e.name);
      }
      for (const p of c.policies) {
        const own = content(`services/${c.name}/src/policies/${p.name}.ts`)!;
        expect(own).toContain(`${p.name}Policy in src/generated/policies.ts`);
        const rest = own.split(p.name).join('');
        for (const fact of [p.on.name, p.then.name, p.idempotencyKey?.name, `(context ${c.name})`]) if (fact) expect(rest, p.name).not.toContain(fact);
        const generated = prose(content(`services/${c.name}/src/generated/policies.ts`)!);
        expect(generated).toContain(`Policy ${p.name}: whenever ${p.on.name} (from ${p.on.target.context.name}), then ${p.then.name}; the default skips`);
        if (p.idempotencyKey) expect(generated).toContain(`idempotencyKey: '${p.idempotencyKey.name}'`);
      }
    }
    const handlers = content('services/application/src/generated/handlers.ts')!;
    expect(prose(handlers)).toContain('SubmitGeneralApplication — triggered by POST /applications/general (actor: Citizen).');
    expect(prose(handlers)).toContain('It creates an Application: ctx.key is the key the runtime assigned or the caller gave.');
    expect(prose(handlers)).toContain('Emits GeneralApplicationSubmitted, as the default does.');
    expect(content('services/application/src/main.ts')).not.toContain('8080');
  });

  it('tells per command how to refuse it: a CommandError over HTTP, the failure event when an event triggers it', () => {
    const issuance = prose(content('services/issuance/src/generated/handlers.ts')!);
    // IssueGeneralDocument: policy-triggered, with the failure event GeneralIssuanceFailed.
    const issue = issuance.slice(issuance.indexOf('IssueGeneralDocument — '), issuance.indexOf('IssueGeneralDocument('));
    expect(issue).toContain('From an event, a throw (a CommandError too) is retried, then dead-lettered; to refuse it, emit its failure event instead');
    expect(issue).toContain("return { events: [{ event: 'GeneralIssuanceFailed', data }] }; // data: GeneralIssuanceFailed");
    expect(issue).not.toContain('(400)');
    const application = prose(content('services/application/src/generated/handlers.ts')!);
    const submit = application.slice(application.indexOf('SubmitGeneralApplication — '), application.indexOf('SubmitGeneralApplication('));
    expect(submit).toContain('Over HTTP, throw a CommandError to reject it (400).');
    expect(submit).not.toContain('dead-lettered');
    // CancelApplication: policy-triggered, no failure event in the model.
    const cancel = application.slice(application.indexOf('CancelApplication — '), application.indexOf('CancelApplication('));
    expect(cancel).toContain('return {} (nothing changes): the model gives it no failure event (failure: true) to emit.');
    // The user-owned stub stays generic and points there.
    const stub = prose(content('services/issuance/src/domain/Document.ts')!);
    expect(stub).toContain('How to refuse a command depends on what triggers it, as its doc there says');
    expect(stub).not.toContain('GeneralIssuanceFailed');
  });
});
