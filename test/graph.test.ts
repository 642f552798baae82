/** The flow graph helpers shared by the reference and flow rules (src/model/graph.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  consumersByEvent,
  describeOwner,
  describeStep,
  emittersByEvent,
  findExternalOperation,
  findPolicyCycles,
  formatCycle,
  groupByName,
  policyEdges,
  triggersByCommand,
  type CommandTrigger,
  type EventConsumer,
} from '../src/model/graph.js';
import type { Model } from '../src/model/ir.js';
import { validateModelText } from '../src/model/validate.js';

const minimalText = readFileSync(join(import.meta.dirname, 'fixtures', 'minimal', 'model.yaml'), 'utf8');

function modelOf(text: string): Model {
  const result = validateModelText('model.yaml', text, { rules: [] });
  expect(result.diagnostics).toEqual([]);
  if (!result.model) throw new Error('the model did not load');
  return result.model;
}

/** The minimal model with text replacements, each of which must apply exactly once. */
function minimalWith(...edits: Array<[string, string]>): Model {
  let text = minimalText;
  for (const [from, to] of edits) {
    expect(text.split(from).length - 1, `"${from}" occurs once`).toBe(1);
    text = text.replace(from, to);
  }
  return modelOf(text);
}

const consumerLabel = (c: EventConsumer) =>
  c.kind === 'policy' ? `policy ${c.policy.name}` : c.kind === 'readModel' ? `readModel ${c.readModel.name}` : `orchestrator ${c.saga.name}`;

const triggerLabel = (t: CommandTrigger) =>
  t.kind === 'policy'
    ? `policy ${t.policy.name}`
    : t.kind === 'call'
      ? `call ${t.call.from.name}→${t.call.to.name}`
      : `${t.kind} ${t.saga.name}#${t.step.index + 1}`;

/** Four commands of one aggregate; `policies` is the YAML list of policies of the context. */
function loops(policies: string): Model {
  return modelOf(`version: 1
platform:
  name: loops
contexts:
  - name: core
    aggregates:
      - name: Case
        fields:
          caseId: { type: uuid, key: true }
        commands:
          - name: OpenCase
            actor: Clerk
            emits: [CaseOpened]
          - name: ReviewCase
            emits: [CaseReviewed]
          - name: CloseCase
            emits: [CaseClosed]
          - name: ArchiveCase
            emits: [CaseArchived]
        events:
          - name: CaseOpened
          - name: CaseReviewed
          - name: CaseClosed
          - name: CaseArchived
    policies:
${policies}`);
}

const policy = (name: string, on: string, then: string) => `      - name: ${name}\n        on: ${on}\n        then: ${then}\n`;

describe('groupByName and descriptions', () => {
  it('groups by name in model order', () => {
    const groups = groupByName([
      { name: 'A', n: 1 },
      { name: 'B', n: 2 },
      { name: 'A', n: 3 },
    ]);
    expect([...groups.keys()]).toEqual(['A', 'B']);
    expect(groups.get('A')?.map((x) => x.n)).toEqual([1, 3]);
  });

  it('describes where commands, events and saga steps are', () => {
    const model = modelOf(minimalText);
    const issue = model.commands.find((c) => c.name === 'IssuePermit')!;
    expect(describeOwner(issue)).toBe('context "issuance", aggregate "Permit"');
    expect(describeOwner(model.events[0]!)).toBe('context "application", aggregate "Application"');
    const saga = model.sagas[0]!;
    expect(describeStep(saga, saga.steps[1]!)).toBe('Saga "PermitProcessing" step 2');
  });
});

describe('who emits, consumes and triggers', () => {
  it('lists the consumers of each event of the minimal model', () => {
    const consumers = consumersByEvent(modelOf(minimalText));
    const labels = (name: string) => (consumers.get(name) ?? []).map(consumerLabel);
    expect(labels('ApplicationSubmitted')).toEqual(['policy IssuePermitWhenApplicationSubmitted', 'readModel ApplicationResult']);
    expect(labels('PermitIssuanceFailed')).toEqual(['policy CancelApplicationWhenIssuanceFailed']);
    expect(labels('ApplicationCancelled')).toEqual(['readModel ApplicationResult']);
    expect(labels('IssuanceResultRecorded')).toEqual([]);
  });

  it("counts an orchestration saga's orchestrator as a consumer of its steps' events", () => {
    const model = minimalWith(['coordination: choreography', 'coordination: orchestration']);
    const consumers = consumersByEvent(model);
    expect((consumers.get('PermitIssuanceFailed') ?? []).map(consumerLabel)).toEqual([
      'policy CancelApplicationWhenIssuanceFailed',
      'orchestrator PermitProcessing',
    ]);
    expect((consumers.get('ApplicationSubmitted') ?? []).map(consumerLabel)).toContain('orchestrator PermitProcessing');
    expect((consumers.get('IssuanceResultRecorded') ?? []).map(consumerLabel)).toEqual([]);
  });

  it('does not count a choreography saga as a consumer', () => {
    const consumers = consumersByEvent(modelOf(minimalText));
    const all = [...consumers.values()].flat();
    expect(all.some((c) => c.kind === 'orchestrator')).toBe(false);
  });

  it('lists emitters by event name, also for an emits that does not resolve', () => {
    const model = minimalWith(['emits: [IssuanceResultRecorded]', 'emits: [IssuanceResultRecorded, PermitIssued]']);
    const emitters = emittersByEvent(model);
    expect((emitters.get('PermitIssued') ?? []).map((c) => c.name)).toEqual(['RecordIssuanceResult', 'IssuePermit']);
    expect((emitters.get('ApplicationSubmitted') ?? []).map((c) => c.name)).toEqual(['SubmitApplication']);
    expect(emitters.has('Nothing')).toBe(false);
  });

  it('lists every trigger of each command', () => {
    const triggers = triggersByCommand(modelOf(minimalText));
    const labels = (name: string) => (triggers.get(name) ?? []).map(triggerLabel);
    expect(labels('CancelApplication')).toEqual(['policy CancelApplicationWhenIssuanceFailed', 'compensation PermitProcessing#1']);
    expect(labels('IssuePermit')).toEqual(['policy IssuePermitWhenApplicationSubmitted', 'sagaStep PermitProcessing#2']);
    expect(labels('RecordIssuanceResult')).toEqual(['call issuance→application']);
    expect(labels('SubmitApplication')).toEqual(['sagaStep PermitProcessing#1']);
  });

  it('finds external operations by name', () => {
    const model = modelOf(minimalText);
    const op = findExternalOperation(model, 'VerifyParcel');
    expect(op?.external.name).toBe('LandRegistry');
    expect(op?.pointer).toBe('/externals/0/commands/0');
    expect(findExternalOperation(model, 'IssuePermit')).toBeUndefined();
  });
});

describe('policy edges', () => {
  it('links command → event → policy → command in model order', () => {
    const edges = policyEdges(modelOf(minimalText)).map((e) => `${e.from.name} ${e.event.name} ${e.policy.name} ${e.to.name}`);
    expect(edges).toEqual([
      'SubmitApplication ApplicationSubmitted IssuePermitWhenApplicationSubmitted IssuePermit',
      'IssuePermit PermitIssuanceFailed CancelApplicationWhenIssuanceFailed CancelApplication',
    ]);
  });

  it('leaves out policies whose `on` or `then` does not resolve', () => {
    const model = minimalWith(['then: CancelApplication', 'then: CancelAplication'], ['on: ApplicationSubmitted', 'on: ApplicationSubmited']);
    expect(policyEdges(model)).toEqual([]);
  });
});

describe('policy cycles', () => {
  it('finds none in the minimal model', () => {
    expect(findPolicyCycles(modelOf(minimalText))).toEqual([]);
  });

  it('finds a command that issues itself again', () => {
    const cycles = findPolicyCycles(loops(policy('ReviewCaseWhenCaseReviewed', 'CaseReviewed', 'ReviewCase')));
    expect(cycles.map(formatCycle)).toEqual(['ReviewCase → CaseReviewed → (ReviewCaseWhenCaseReviewed) → ReviewCase']);
    expect(cycles[0]!.closing.name).toBe('ReviewCaseWhenCaseReviewed');
  });

  it('reports each cycle once, closed by its first policy in model order', () => {
    const model = loops(
      policy('OpenCaseWhenCaseReviewed', 'CaseReviewed', 'OpenCase') +
        policy('ReviewCaseWhenCaseOpened', 'CaseOpened', 'ReviewCase') +
        policy('CloseCaseWhenCaseOpened', 'CaseOpened', 'CloseCase') +
        policy('OpenCaseWhenCaseClosed', 'CaseClosed', 'OpenCase') +
        policy('ArchiveCaseWhenCaseClosed', 'CaseClosed', 'ArchiveCase'),
    );
    const cycles = findPolicyCycles(model);
    expect(cycles.map((c) => c.closing.name)).toEqual(['OpenCaseWhenCaseReviewed', 'CloseCaseWhenCaseOpened']);
    expect(cycles.map(formatCycle)).toEqual([
      'OpenCase → CaseOpened → (ReviewCaseWhenCaseOpened) → ReviewCase → CaseReviewed → (OpenCaseWhenCaseReviewed) → OpenCase',
      'CloseCase → CaseClosed → (OpenCaseWhenCaseClosed) → OpenCase → CaseOpened → (CloseCaseWhenCaseOpened) → CloseCase',
    ]);
    // The closing policy is the last link of the chain.
    for (const cycle of cycles) expect(cycle.edges[cycle.edges.length - 1]!.policy).toBe(cycle.closing);
  });

  it('tells apart two policies that make the same loop', () => {
    const cycles = findPolicyCycles(
      loops(policy('ReviewCaseAgain', 'CaseReviewed', 'ReviewCase') + policy('ReviewCaseOnceMore', 'CaseReviewed', 'ReviewCase')),
    );
    expect(cycles.map((c) => c.closing.name)).toEqual(['ReviewCaseAgain', 'ReviewCaseOnceMore']);
  });

  it('orders cycles closed by the same policy by their commands, the same on every run', () => {
    const text = policy('ReviewCaseWhenCaseOpened', 'CaseOpened', 'ReviewCase') +
      policy('CloseCaseWhenCaseReviewed', 'CaseReviewed', 'CloseCase') +
      policy('OpenCaseWhenCaseClosed', 'CaseClosed', 'OpenCase') +
      policy('OpenCaseWhenCaseReviewed', 'CaseReviewed', 'OpenCase');
    const first = findPolicyCycles(loops(text));
    expect(first.map((c) => c.closing.name)).toEqual(['ReviewCaseWhenCaseOpened', 'ReviewCaseWhenCaseOpened']);
    expect(first.map(formatCycle)).toEqual([
      'ReviewCase → CaseReviewed → (OpenCaseWhenCaseReviewed) → OpenCase → CaseOpened → (ReviewCaseWhenCaseOpened) → ReviewCase',
      'ReviewCase → CaseReviewed → (CloseCaseWhenCaseReviewed) → CloseCase → CaseClosed → (OpenCaseWhenCaseClosed) → OpenCase → CaseOpened → (ReviewCaseWhenCaseOpened) → ReviewCase',
    ]);
    expect(findPolicyCycles(loops(text)).map(formatCycle)).toEqual(first.map(formatCycle));
  });

  it('stops at the limits it is given', () => {
    const model = loops(
      policy('ReviewCaseAgain', 'CaseReviewed', 'ReviewCase') +
        policy('CloseCaseAgain', 'CaseClosed', 'CloseCase') +
        policy('ArchiveCaseAgain', 'CaseArchived', 'ArchiveCase'),
    );
    expect(findPolicyCycles(model)).toHaveLength(3);
    expect(findPolicyCycles(model, { maxCycles: 2 })).toHaveLength(2);
    expect(findPolicyCycles(model, { maxSteps: 0 })).toHaveLength(0);
  });

  it('formats an empty cycle as empty text', () => {
    expect(formatCycle({ edges: [], closing: modelOf(minimalText).policies[0]! })).toBe('');
  });
});
