/**
 * The model's flow, seen as a graph: who emits an event, who consumes it, what triggers a
 * command, and the policy chains command → event → policy → command. Shared by the reference
 * (MSA2xx) and flow (MSA3xx) rules. Pure: reads the IR only.
 *
 * Lookups by name (not by resolved target) are deliberate: a reference that does not resolve
 * is reported once by its own rule, and the flow rules should not add a second finding about
 * the element it meant.
 */
import type { Aggregate, Call, Command, Context, Event, ExternalOperation, Model, Policy, ReadModel, Saga, SagaStep } from './ir.js';
import { perModel } from './memo.js';

/** Groups a list by a key, keeping model order inside each group; items without a key are left out. */
export function groupBy<K, T>(list: readonly T[], key: (item: T) => K | undefined): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of list) {
    const k = key(item);
    if (k === undefined) continue;
    const group = map.get(k);
    if (group) group.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Groups a list by name, keeping model order inside each group. */
export function groupByName<T extends { readonly name: string }>(list: readonly T[]): Map<string, T[]> {
  return groupBy(list, (item) => item.name);
}

/** `context "application", aggregate "Application"`: where a command or an event is declared. */
export function describeOwner(element: { readonly context: Context; readonly aggregate: Aggregate }): string {
  return `context "${element.context.name}", aggregate "${element.aggregate.name}"`;
}

/** `Saga "GeneralComplaintProcessing" step 2` (steps count from 1, as people read them). */
export function describeStep(saga: Saga, step: SagaStep): string {
  return `Saga "${saga.name}" step ${step.index + 1}`;
}

export type EventConsumer =
  | { readonly kind: 'policy'; readonly policy: Policy }
  | { readonly kind: 'readModel'; readonly readModel: ReadModel }
  /** An orchestration saga's state machine waits for the events of its steps' commands. */
  | { readonly kind: 'orchestrator'; readonly saga: Saga };

/** Event name → what consumes it: policies `on` it, read models `from` it, orchestrators. */
export function consumersByEvent(model: Model): Map<string, EventConsumer[]> {
  const map = new Map<string, EventConsumer[]>();
  const add = (name: string, consumer: EventConsumer) => {
    const list = map.get(name);
    if (list) list.push(consumer);
    else map.set(name, [consumer]);
  };
  for (const policy of model.policies) add(policy.on.name, { kind: 'policy', policy });
  for (const readModel of model.readModels) for (const from of readModel.from) add(from.name, { kind: 'readModel', readModel });
  for (const saga of model.sagas) {
    if (saga.coordination !== 'orchestration') continue;
    for (const step of saga.steps) {
      for (const emitted of step.command.target?.emits ?? []) add(emitted.name, { kind: 'orchestrator', saga });
    }
  }
  return map;
}

/** Event name → the commands whose `emits` name it. */
export function emittersByEvent(model: Model): Map<string, Command[]> {
  const map = new Map<string, Command[]>();
  for (const command of model.commands) {
    for (const emitted of command.emits) {
      const list = map.get(emitted.name);
      if (list) list.push(command);
      else map.set(emitted.name, [command]);
    }
  }
  return map;
}

export type CommandTrigger =
  | { readonly kind: 'policy'; readonly policy: Policy }
  | { readonly kind: 'sagaStep'; readonly saga: Saga; readonly step: SagaStep }
  | { readonly kind: 'compensation'; readonly saga: Saga; readonly step: SagaStep }
  | { readonly kind: 'call'; readonly call: Call };

/**
 * Command name → what issues it inside the platform: policies (`then`), saga steps and
 * compensations, synchronous calls. A command's own `http` route and `actor` are read off the
 * command itself.
 */
export const triggersByCommand: (model: Model) => ReadonlyMap<string, readonly CommandTrigger[]> = perModel((model: Model) => {
  const map = new Map<string, CommandTrigger[]>();
  const add = (name: string, trigger: CommandTrigger) => {
    const list = map.get(name);
    if (list) list.push(trigger);
    else map.set(name, [trigger]);
  };
  for (const policy of model.policies) add(policy.then.name, { kind: 'policy', policy });
  for (const saga of model.sagas) {
    for (const step of saga.steps) {
      add(step.command.name, { kind: 'sagaStep', saga, step });
      if (step.compensation) add(step.compensation.name, { kind: 'compensation', saga, step });
    }
  }
  for (const call of model.calls) add(call.command.name, { kind: 'call', call });
  return map;
});

/** The commands that make a call: those its `by` names, else every command of its `from` context with an HTTP route. */
export function callingCommands(call: Call): Command[] {
  if (call.by.length > 0) return call.by.flatMap((b) => (b.target === undefined ? [] : [b.target]));
  return (call.from.target?.aggregates.flatMap((a) => a.commands) ?? []).filter((c) => c.http !== undefined);
}

/** The first operation of an external system with this name, if any. */
export function findExternalOperation(model: Model, name: string): ExternalOperation | undefined {
  for (const external of model.externals) {
    const found = external.operations.find((op) => op.name === name);
    if (found) return found;
  }
  return undefined;
}

/** One link of a policy chain: `from` emits `event`, `policy` is on it and issues `to`. */
export interface PolicyEdge {
  readonly from: Command;
  readonly event: Event;
  readonly policy: Policy;
  readonly to: Command;
}

/** Every resolved link command → event → policy → command, in model order. */
export function policyEdges(model: Model): PolicyEdge[] {
  const reacting = groupBy(model.policies, (p) => p.on.target);
  const edges: PolicyEdge[] = [];
  for (const from of model.commands) {
    for (const emitted of from.emits) {
      const event = emitted.target;
      if (!event) continue;
      for (const policy of reacting.get(event) ?? []) {
        const to = policy.then.target;
        if (to) edges.push({ from, event, policy, to });
      }
    }
  }
  return edges;
}

/**
 * A loop of policies: `edges[0].from` is `edges[edges.length - 1].to`. The edges are rotated so
 * that the policy that comes first in model order closes the loop (is the last edge).
 */
export interface PolicyCycle {
  readonly edges: readonly PolicyEdge[];
  /** The policy that closes the loop: of the cycle's policies, the first in model order. */
  readonly closing: Policy;
}

export interface CycleSearchLimits {
  /** Stop after this many cycles. */
  readonly maxCycles?: number;
  /** Stop after this many search steps (a guard against pathological models). */
  readonly maxSteps?: number;
}

/**
 * The elementary cycles of the policy graph, each once, in a deterministic order (by the model
 * order of their closing policy, then of their commands).
 */
export function findPolicyCycles(model: Model, limits: CycleSearchLimits = {}): PolicyCycle[] {
  const maxCycles = limits.maxCycles ?? 100;
  let steps = limits.maxSteps ?? 200_000;
  const commandIndex = new Map(model.commands.map((c, i) => [c, i] as const));
  const policyIndex = new Map(model.policies.map((p, i) => [p, i] as const));
  const outgoing = new Map<Command, PolicyEdge[]>();
  for (const edge of policyEdges(model)) {
    const list = outgoing.get(edge.from);
    if (list) list.push(edge);
    else outgoing.set(edge.from, [edge]);
  }

  const found: PolicyEdge[][] = [];
  // Each elementary cycle is found exactly once: from its command of lowest model index,
  // visiting only commands of higher index on the way.
  for (const start of model.commands) {
    const startIndex = commandIndex.get(start)!;
    const path: PolicyEdge[] = [];
    const onPath = new Set<Command>([start]);
    const visit = (node: Command): boolean => {
      for (const edge of outgoing.get(node) ?? []) {
        if (--steps < 0 || found.length >= maxCycles) return false;
        if (edge.to === start) {
          found.push([...path, edge]);
          continue;
        }
        if (onPath.has(edge.to) || commandIndex.get(edge.to)! < startIndex) continue;
        path.push(edge);
        onPath.add(edge.to);
        const go = visit(edge.to);
        onPath.delete(edge.to);
        path.pop();
        if (!go) return false;
      }
      return true;
    };
    if (!visit(start)) break;
  }

  const cycles = found.map((edges): PolicyCycle => {
    let at = 0;
    for (let i = 1; i < edges.length; i++) {
      if (policyIndex.get(edges[i]!.policy)! < policyIndex.get(edges[at]!.policy)!) at = i;
    }
    const rotated = [...edges.slice(at + 1), ...edges.slice(0, at + 1)];
    return { edges: rotated, closing: edges[at]!.policy };
  });
  const key = (c: PolicyCycle) => c.edges.map((e) => commandIndex.get(e.from)!);
  return cycles.sort((a, b) => {
    const byPolicy = policyIndex.get(a.closing)! - policyIndex.get(b.closing)!;
    if (byPolicy !== 0) return byPolicy;
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return ka.length - kb.length;
  });
}

/** `IssueDocument → DocumentIssued → (ReissueWhenIssued) → IssueDocument`. */
export function formatCycle(cycle: PolicyCycle): string {
  const first = cycle.edges[0];
  if (!first) return '';
  return [first.from.name, ...cycle.edges.map((e) => `${e.event.name} → (${e.policy.name}) → ${e.to.name}`)].join(' → ');
}
