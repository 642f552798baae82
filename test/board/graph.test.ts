/** The board's graph (src/board/graph.ts): every element of the model becomes a sticky, every relation an arrow. */
import { describe, expect, it } from 'vitest';
import { buildBoard, type Arrow, type Board, type StickyKind } from '../../src/board/index.js';
import { gov24 } from './support.js';

const model = gov24();
const board = buildBoard(model);

const names = (b: Board, kind: StickyKind) => b.stickies.filter((s) => s.kind === kind).map((s) => s.name);
const byId = new Map(board.stickies.map((s) => [s.id, s]));
/** `kind from → to` by sticky names, for readable expectations. */
const described = (arrows: readonly Arrow[]) => arrows.map((a) => `${a.kind} ${byId.get(a.from)?.name ?? a.from} → ${byId.get(a.to)?.name ?? a.to}`);
const ofKind = (kind: Arrow['kind']) => described(board.arrows.filter((a) => a.kind === kind));

describe('board graph of gov24', () => {
  it('has one sticky per event, command, policy, aggregate, read model and external system', () => {
    expect(names(board, 'event')).toEqual(model.events.map((e) => e.name));
    expect(names(board, 'command')).toEqual(model.commands.map((c) => c.name));
    expect(names(board, 'policy')).toEqual(model.policies.map((p) => p.name));
    expect(names(board, 'aggregate')).toEqual(model.aggregates.map((a) => a.name));
    expect(names(board, 'readModel')).toEqual(model.readModels.map((r) => r.name));
    expect(names(board, 'external')).toEqual(model.externals.map((x) => x.name));
  });

  it('has one actor sticky per actor and context, in that context’s lane', () => {
    const expected = model.contexts.flatMap((c) => [...new Set(c.aggregates.flatMap((a) => a.commands.flatMap((k) => (k.actor ? [`${c.name}:${k.actor}`] : []))))]);
    const lanes = new Map(board.namespaces.flatMap((ns) => ns.lanes.map((l) => [l.id, l.name])));
    expect(board.stickies.filter((s) => s.kind === 'actor').map((s) => `${lanes.get(s.lane!)}:${s.name}`)).toEqual(expected);
    expect(expected).toContain('application:Citizen');
    expect(expected).toContain('guidance:Administrator');
  });

  it('puts every sticky but the external systems in the lane of its context; lanes grouped by namespace', () => {
    expect(board.namespaces.map((ns) => [ns.name, ns.lanes.map((l) => l.name)])).toEqual([
      ['gov24', ['guidance', 'instant-issuance', 'application', 'issuance', 'citizen', 'result', 'linkage']],
      ['gov24-building', ['building-guidance', 'building-application', 'building-issuance', 'building-linkage']],
      ['gov24-car', ['car-guidance', 'car-application', 'car-issuance', 'car-linkage']],
    ]);
    const laneName = new Map(board.namespaces.flatMap((ns) => ns.lanes.map((l) => [l.id, l.name])));
    const event = board.stickies.find((s) => s.name === 'GeneralIssuanceFailed')!;
    expect(laneName.get(event.lane!)).toBe('issuance');
    const policy = board.stickies.find((s) => s.name === 'CancelApplicationWhenIssuanceFailed')!;
    expect(laneName.get(policy.lane!)).toBe('application');
    for (const s of board.stickies) expect(s.lane === undefined).toBe(s.kind === 'external');
  });

  it('draws an arrow for every emit, policy, read-model source, call, external use, saga step and compensation', () => {
    expect(ofKind('emits')).toHaveLength(model.commands.reduce((n, c) => n + c.emits.length, 0));
    expect(ofKind('emits')).toContain('emits IssueGeneralDocument → GeneralIssuanceFailed');
    expect(ofKind('triggers')).toContain('triggers GeneralApplicationSubmitted → IssueDocumentWhenApplicationSubmitted');
    expect(ofKind('then')).toContain('then IssueDocumentWhenApplicationSubmitted → IssueGeneralDocument');
    expect(ofKind('triggers')).toHaveLength(model.policies.length);
    expect(ofKind('then')).toHaveLength(model.policies.length);
    expect(ofKind('projects')).toHaveLength(model.readModels.reduce((n, r) => n + r.from.length, 0));
    expect(ofKind('calls')).toEqual([
      'calls IssueInstantCertificate → RecordIssuanceResult',
      'calls SubmitGeneralApplication → CheckRequirements',
      'calls SubmitBuildingApplication → CheckBuildingRequirements',
      'calls SubmitCarApplication → CheckCarRequirements',
    ]);
    expect(ofKind('uses')).toHaveLength(model.externals.reduce((n, x) => n + x.calledBy.length, 0));
    expect(ofKind('step')).toEqual([
      'step SubmitGeneralApplication → IssueGeneralDocument',
      'step IssueGeneralDocument → NotifyCitizen',
      'step SubmitBuildingApplication → IssueBuildingPermit',
      'step SubmitCarApplication → IssueCarRegistrationCertificate',
    ]);
    expect(ofKind('compensates')).toEqual([
      'compensates SubmitGeneralApplication → CancelApplication',
      'compensates IssueGeneralDocument → RevokeGeneralDocument',
      'compensates SubmitBuildingApplication → CancelBuildingApplication',
      'compensates SubmitCarApplication → CancelCarApplication',
    ]);
    expect(ofKind('issues')).toContain('issues Citizen → SubmitGeneralApplication');
    expect(ofKind('handles')).toHaveLength(model.commands.length);
    for (const a of board.arrows) {
      expect(byId.has(a.from) || a.kind === 'uses').toBe(true);
      expect(byId.has(a.to)).toBe(true);
    }
  });

  it('marks failure events, compensations and the flows they start', () => {
    expect(board.stickies.filter((s) => s.failure).map((s) => s.name)).toEqual(model.events.filter((e) => e.failure).map((e) => e.name));
    expect(board.stickies.filter((s) => s.compensation).map((s) => s.name)).toEqual([
      'CancelApplication',
      'RevokeGeneralDocument',
      'CancelBuildingApplication',
      'CancelCarApplication',
    ]);
    const failing = described(board.arrows.filter((a) => a.failure));
    expect(failing).toContain('triggers GeneralIssuanceFailed → CancelApplicationWhenIssuanceFailed');
    expect(failing).toContain('then CancelApplicationWhenIssuanceFailed → CancelApplication');
    expect(failing).toContain('compensates IssueGeneralDocument → RevokeGeneralDocument');
    expect(failing).not.toContain('triggers GeneralApplicationSubmitted → IssueDocumentWhenApplicationSubmitted');
  });

  it('knows which stickies and arrows take part in each saga', () => {
    const saga = board.sagas.findIndex((s) => s.name === 'GeneralComplaintProcessing');
    const members = board.stickies.filter((s) => s.sagas.includes(saga)).map((s) => s.name);
    expect(members).toEqual(
      expect.arrayContaining([
        'SubmitGeneralApplication',
        'CancelApplication',
        'GeneralApplicationSubmitted',
        'IssueGeneralDocument',
        'GeneralIssuanceFailed',
        'NotifyCitizen',
        'CitizenNotificationFailed',
        'IssueDocumentWhenApplicationSubmitted',
        'CancelApplicationWhenIssuanceFailed',
        'RevokeDocumentWhenNotificationFailed',
      ]),
    );
    // Linkage reacts to an issued document but is in no saga; the building saga is another one.
    expect(members).not.toContain('ShareDocumentWhenIssued');
    expect(members).not.toContain('SubmitBuildingApplication');
    expect(described(board.arrows.filter((a) => a.sagas.includes(saga)))).toContain('triggers GeneralApplicationSubmitted → IssueDocumentWhenApplicationSubmitted');
  });

  it('makes ids of kinds and indices only, never of model strings', () => {
    for (const s of board.stickies) expect(s.id).toMatch(/^[a-zA-Z]+-\d+$/);
    for (const a of board.arrows) expect(a.id).toMatch(/^arrow-\d+$/);
    expect(new Set(board.stickies.map((s) => s.id)).size).toBe(board.stickies.length);
  });
});
