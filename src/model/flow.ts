/**
 * One flow instance: what can happen together in one run of the model's flow (MSA308).
 *
 * The flow is a graph of commands and events:
 * - a command leads to ONE of the events it `emits` (its outcomes are alternatives: a handler
 *   decides one, and an orchestrator moves on the first it gets), and to each command it calls
 *   synchronously (`calls`: made during its execution);
 * - an event leads to EVERY command triggered on it: each policy `on` it issues its `then`, and
 *   an orchestration saga's orchestrator sends step n+1 on a success outcome of step n, and the
 *   compensations of the completed steps on a failure outcome (`failure: true`) of a later step.
 *
 * Two events can occur in one flow instance when one leads to the other, or when both follow
 * from one element along two branches that run together: two triggers on one event, or a call
 * and the outcome of one command. Two outcomes of one command never do (only one happens per
 * execution), nor do events that only different starts (two HTTP requests) lead to.
 *
 * Pure: reads the IR only. Lookups go by resolved targets: an unresolved name has its own
 * finding and adds no edge.
 */
import { callingCommands } from './graph.js';
import type { Command, Event, Model, Policy, Saga, SagaStep } from './ir.js';

/** What issues a command inside the flow, and on which events. */
export type Trigger =
  | { readonly kind: 'policy'; readonly policy: Policy; readonly on: readonly Event[] }
  /** An orchestrator sends step n+1 (n ≥ 1) on a success outcome of step n. */
  | { readonly kind: 'step'; readonly saga: Saga; readonly step: SagaStep; readonly on: readonly Event[] }
  /** An orchestrator sends the compensation of a step on a failure outcome of a later step. */
  | { readonly kind: 'compensation'; readonly saga: Saga; readonly step: SagaStep; readonly on: readonly Event[] };

type Node = Command | Event;

/** An edge of the flow; edges out of one node with the same `group` are alternatives. */
interface Edge {
  readonly to: Node;
  readonly group: number;
}

const resolved = <T>(list: readonly { readonly target: T | undefined }[]): T[] =>
  list.flatMap((r) => (r.target === undefined ? [] : [r.target]));

/** The triggers of the commands: policies, and the sends of orchestrators. In model order. */
export function triggersOf(model: Model): Map<Command, Trigger[]> {
  const map = new Map<Command, Trigger[]>();
  const add = (command: Command | undefined, trigger: Trigger) => {
    if (command === undefined) return;
    const list = map.get(command);
    if (list) list.push(trigger);
    else map.set(command, [trigger]);
  };
  for (const policy of model.policies) {
    if (policy.on.target) add(policy.then.target, { kind: 'policy', policy, on: [policy.on.target] });
  }
  for (const saga of model.sagas) {
    if (saga.coordination !== 'orchestration') continue;
    const outcomes = saga.steps.map((s) => resolved(s.command.target?.emits ?? []));
    saga.steps.forEach((step, n) => {
      // Step 1 starts the saga from outside (a request or a policy): no orchestrator sends it.
      if (n > 0) add(step.command.target, { kind: 'step', saga, step, on: outcomes[n - 1]!.filter((e) => !e.failure) });
      const later = outcomes.slice(n + 1).flat().filter((e) => e.failure);
      if (step.compensation && later.length > 0) add(step.compensation.target, { kind: 'compensation', saga, step, on: later });
    });
  }
  return map;
}

/** The flow graph and the questions MSA308 asks of it. */
export class Flow {
  private readonly out = new Map<Node, Edge[]>();
  private readonly into = new Map<Node, Node[]>();

  constructor(model: Model, triggers: ReadonlyMap<Command, readonly Trigger[]> = triggersOf(model)) {
    let group = 0;
    const edge = (from: Node, to: Node, g: number) => {
      const list = this.out.get(from);
      if (list) list.push({ to, group: g });
      else this.out.set(from, [{ to, group: g }]);
      const back = this.into.get(to);
      if (back) back.push(from);
      else this.into.set(to, [from]);
    };
    for (const command of model.commands) {
      const outcome = group++;
      for (const event of resolved(command.emits)) edge(command, event, outcome);
    }
    for (const call of model.calls) {
      const callee = call.command.target;
      if (!callee) continue;
      for (const caller of callingCommands(call)) edge(caller, callee, group++);
    }
    for (const [command, list] of triggers) {
      for (const trigger of list) {
        const g = group++;
        for (const event of trigger.on) edge(event, command, g);
      }
    }
  }

  /** The nodes that lead to `node`, itself included. */
  private ancestors(node: Node): Set<Node> {
    const seen = new Set<Node>([node]);
    const stack = [node];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      for (const from of this.into.get(n) ?? []) {
        if (!seen.has(from)) {
          seen.add(from);
          stack.push(from);
        }
      }
    }
    return seen;
  }

  /** Whether `a` and `b` can both occur in one flow instance (see the module comment). */
  together(a: Event, b: Event): boolean {
    if (a === b) return true;
    const toA = this.ancestors(a);
    const toB = this.ancestors(b);
    if (toA.has(b) || toB.has(a)) return true;
    // A fork: one node with edges of two different groups, one leading to a, one to b.
    for (const [, edges] of this.out) {
      const groupsToA = new Set(edges.filter((e) => toA.has(e.to)).map((e) => e.group));
      if (groupsToA.size === 0) continue;
      if (edges.some((e) => toB.has(e.to) && (groupsToA.size > 1 || !groupsToA.has(e.group)))) return true;
    }
    return false;
  }
}
