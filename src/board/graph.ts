/**
 * The event-storming board as a graph: one sticky per actor, command, aggregate, event, policy,
 * read model and external system, one lane per bounded context (grouped by namespace), and the
 * arrows between them. Pure: reads the validated IR, knows nothing of layout or SVG.
 *
 * Ids are made of kinds and model-order indices, never of model strings, so they are safe in
 * any attribute and stable for the same model.
 */
import type { Command, Context, Event, Model, Saga } from '../model/valid.js';

export type StickyKind = 'actor' | 'command' | 'aggregate' | 'event' | 'policy' | 'readModel' | 'external';

export type ArrowKind =
  /** actor → command it issues */
  | 'issues'
  /** command → its aggregate */
  | 'handles'
  /** command → event it emits */
  | 'emits'
  /** event → policy that reacts to it */
  | 'triggers'
  /** policy → command it issues */
  | 'then'
  /** event → read model it projects into */
  | 'projects'
  /** calling command → called command (synchronous REST) */
  | 'calls'
  /** context → external system it calls */
  | 'uses'
  /** saga step → next step */
  | 'step'
  /** saga step → its compensation */
  | 'compensates';

export interface Sticky {
  readonly id: string;
  readonly kind: StickyKind;
  /** The element's name, as the model spells it (escaped by the renderer). */
  readonly name: string;
  /** Longer text for the tooltip: description or title. */
  readonly tooltip: string | undefined;
  /** Lane id, or undefined for an external system. */
  readonly lane: string | undefined;
  /** A failure event (`failure: true`). */
  readonly failure: boolean;
  /** A command some saga runs as a compensation. */
  readonly compensation: boolean;
  /** Indices of the sagas this sticky takes part in (into Board.sagas). */
  readonly sagas: readonly number[];
}

export interface Arrow {
  readonly id: string;
  readonly kind: ArrowKind;
  readonly from: string;
  readonly to: string;
  /** Leaves a failure event, or runs a compensation. */
  readonly failure: boolean;
  readonly sagas: readonly number[];
}

export interface Lane {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly namespace: string;
  readonly communication: 'sync' | 'async';
}

export interface Namespace {
  readonly id: string;
  readonly name: string;
  readonly lanes: readonly Lane[];
}

export interface BoardSaga {
  readonly index: number;
  readonly name: string;
  readonly coordination: 'choreography' | 'orchestration';
  readonly description: string | undefined;
}

export interface Board {
  readonly title: string;
  readonly namespaces: readonly Namespace[];
  readonly stickies: readonly Sticky[];
  readonly arrows: readonly Arrow[];
  readonly sagas: readonly BoardSaga[];
}

/** What each saga touches: its step and compensation commands, their events, the policies between them. */
function sagaMembers(model: Model): { commands: Map<Command, number[]>; events: Map<Event, number[]>; policies: Map<string, number[]> } {
  const commands = new Map<Command, number[]>();
  const events = new Map<Event, number[]>();
  const policies = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, saga: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [saga]);
    else if (!list.includes(saga)) list.push(saga);
  };
  model.sagas.forEach((saga: Saga, i) => {
    const own = new Set<Command>();
    for (const step of saga.steps) {
      own.add(step.command.target);
      if (step.compensation) own.add(step.compensation.target);
    }
    for (const command of own) {
      add(commands, command, i);
      for (const e of command.emits) add(events, e.target, i);
    }
    for (const policy of model.policies) {
      if (own.has(policy.then.target) && [...own].some((c) => c.emits.some((e) => e.target === policy.on.target))) add(policies, policy.name, i);
    }
  });
  return { commands, events, policies };
}

/** The board of a valid model. */
export function buildBoard(model: Model): Board {
  const stickies: Sticky[] = [];
  const arrows: Arrow[] = [];
  const members = sagaMembers(model);
  const compensations = new Set<Command>(model.sagas.flatMap((s) => s.steps.flatMap((st) => (st.compensation ? [st.compensation.target] : []))));
  const laneId = new Map<Context, string>();
  const namespaces: { id: string; name: string; lanes: Lane[] }[] = [];
  model.contexts.forEach((context, i) => {
    const lane: Lane = { id: `lane-${i}`, name: context.name, title: context.title, namespace: context.namespace, communication: context.communication };
    laneId.set(context, lane.id);
    let ns = namespaces.find((n) => n.name === context.namespace);
    if (!ns) {
      ns = { id: `ns-${namespaces.length}`, name: context.namespace, lanes: [] };
      namespaces.push(ns);
    }
    ns.lanes.push(lane);
  });

  const counters = new Map<StickyKind, number>();
  const sticky = (kind: StickyKind, name: string, fields: Partial<Omit<Sticky, 'id' | 'kind' | 'name'>>): Sticky => {
    const n = counters.get(kind) ?? 0;
    counters.set(kind, n + 1);
    const s: Sticky = { id: `${kind}-${n}`, kind, name, tooltip: undefined, lane: undefined, failure: false, compensation: false, sagas: [], ...fields };
    stickies.push(s);
    return s;
  };
  const arrow = (kind: ArrowKind, from: Sticky | string, to: Sticky | string, failure: boolean, sagas: readonly number[] = []) => {
    arrows.push({ id: `arrow-${arrows.length}`, kind, from: typeof from === 'string' ? from : from.id, to: typeof to === 'string' ? to : to.id, failure, sagas });
  };
  const shared = (a: readonly number[], b: readonly number[]) => a.filter((x) => b.includes(x));

  const commandSticky = new Map<Command, Sticky>();
  const eventSticky = new Map<Event, Sticky>();
  // Stickies, context by context, in model order.
  for (const context of model.contexts) {
    const lane = laneId.get(context);
    const actors = new Map<string, Sticky>();
    for (const aggregate of context.aggregates) {
      const agg = sticky('aggregate', aggregate.name, { lane, tooltip: aggregate.description });
      for (const command of aggregate.commands) {
        if (command.actor !== undefined && !actors.has(command.actor)) actors.set(command.actor, sticky('actor', command.actor, { lane }));
        const s = sticky('command', command.name, {
          lane,
          tooltip: command.description,
          compensation: compensations.has(command),
          sagas: members.commands.get(command) ?? [],
        });
        commandSticky.set(command, s);
        arrow('handles', s, agg, false);
      }
      for (const event of aggregate.events) {
        eventSticky.set(event, sticky('event', event.name, { lane, tooltip: event.description, failure: event.failure, sagas: members.events.get(event) ?? [] }));
      }
    }
    for (const aggregate of context.aggregates) {
      for (const command of aggregate.commands) {
        const s = commandSticky.get(command)!;
        if (command.actor !== undefined) arrow('issues', actors.get(command.actor)!, s, false);
        for (const emitted of command.emits) {
          const e = eventSticky.get(emitted.target)!;
          arrow('emits', s, e, emitted.target.failure, shared(s.sagas, e.sagas));
        }
      }
    }
  }
  // Policies and read models: their events may live in later contexts, so they come after every event.
  for (const context of model.contexts) {
    const lane = laneId.get(context);
    for (const policy of context.policies) {
      const sagas = members.policies.get(policy.name) ?? [];
      const p = sticky('policy', policy.name, { lane, tooltip: policy.description, sagas });
      const on = policy.on.target;
      const then = policy.then.target;
      const failure = on.failure || compensations.has(then);
      arrow('triggers', eventSticky.get(on)!, p, failure, shared(sagas, members.events.get(on) ?? []));
      arrow('then', p, commandSticky.get(then)!, failure, shared(sagas, members.commands.get(then) ?? []));
    }
    for (const readModel of context.readModels) {
      const r = sticky('readModel', readModel.name, { lane, tooltip: readModel.description });
      for (const from of readModel.from) arrow('projects', eventSticky.get(from.target)!, r, false);
    }
  }
  for (const call of model.calls) {
    const called = commandSticky.get(call.command.target)!;
    const by = call.by.length > 0 ? call.by.map((b) => b.target) : call.from.target.aggregates.flatMap((a) => a.commands).filter((c) => c.http !== undefined);
    for (const caller of by) arrow('calls', commandSticky.get(caller)!, called, false);
  }
  for (const external of model.externals) {
    const ops = external.operations.map((o) => o.name).join(', ');
    const x = sticky('external', external.name, { tooltip: `${external.title}${ops ? ` (${ops})` : ''}` });
    for (const context of external.calledBy) arrow('uses', laneId.get(context.target)!, x, false);
  }
  model.sagas.forEach((saga, i) => {
    saga.steps.forEach((step, k) => {
      const from = commandSticky.get(step.command.target)!;
      const next = saga.steps[k + 1];
      if (next) arrow('step', from, commandSticky.get(next.command.target)!, false, [i]);
      if (step.compensation) arrow('compensates', from, commandSticky.get(step.compensation.target)!, true, [i]);
    });
  });
  return {
    title: model.platform.title,
    namespaces,
    stickies,
    arrows,
    sagas: model.sagas.map((s, index) => ({ index, name: s.name, coordination: s.coordination, description: s.description })),
  };
}
