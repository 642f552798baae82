/**
 * The board laid out by ELK's layered algorithm (elkjs): namespaces and bounded contexts are
 * compound nodes (hierarchy handled in one run, so arrows between contexts are routed too),
 * stickies are their children, time flows left to right. Every coordinate comes from ELK;
 * this module only sizes the stickies and reads the result back. Deterministic: ELK's layered
 * algorithm is, for the same graph in the same order, and coordinates are rounded.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Arrow, Board, Lane, Namespace, Sticky } from './graph.js';
import { stickyLabel } from './labels.js';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedSticky extends Box {
  readonly sticky: Sticky;
  readonly lines: readonly string[];
}

export interface PlacedArrow {
  readonly arrow: Arrow;
  /** Polylines (one per ELK edge section), each at least two points. */
  readonly paths: readonly (readonly { x: number; y: number }[])[];
}

export interface PlacedGroup extends Box {
  readonly kind: 'namespace' | 'lane' | 'externals';
  readonly id: string;
  readonly namespace?: Namespace;
  readonly lane?: Lane;
}

export interface BoardLayout {
  readonly width: number;
  readonly height: number;
  readonly groups: readonly PlacedGroup[];
  readonly stickies: readonly PlacedSticky[];
  readonly arrows: readonly PlacedArrow[];
}

/** The part of elkjs the layout uses (so tests can pass the real one in, and so can the CLI). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export const EXTERNALS_ID = 'externals';

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // Contexts in model order and stickies in flow order (see FLOW_RANK): an arrow that runs
  // back against that order closes a cycle and is the one turned around.
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.spacing.nodeNode': '22',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

const GROUP_OPTIONS = {
  'elk.padding': '[top=40,left=16,bottom=16,right=16]',
  'elk.spacing.nodeNode': '22',
};

const round = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;

/**
 * How strongly an arrow should point left to right. The happy path (actor → command → event →
 * policy → command) sets the time line; failure flows and compensations run back against it,
 * so when they close a cycle it is them ELK turns around, not the main flow.
 */
function directionPriority(a: Arrow): number {
  if (a.failure || a.kind === 'compensates') return 0;
  if (a.kind === 'step' || a.kind === 'handles') return 1;
  return 10;
}

/**
 * Failure flows and compensations run back in time. ELK gets them reversed, so they never
 * decide which context comes first; their routes are turned back when read (layoutBoard).
 */
export const against = (a: Arrow) => a.kind === 'compensates' || (a.failure && a.kind !== 'emits');

/** Where a sticky stands in its lane's time line. */
const FLOW_RANK: Record<Sticky['kind'], number> = { actor: 0, policy: 1, command: 2, aggregate: 3, event: 4, readModel: 5, external: 6 };

/** The ELK graph of a board (exported for tests). */
export function elkGraph(board: Board): ElkNode {
  const stickyNode = (s: Sticky): ElkNode => {
    const { width, height } = stickyLabel(s.kind, s.name);
    return { id: s.id, width, height };
  };
  const byLane = new Map<string, Sticky[]>();
  const externals: Sticky[] = [];
  for (const s of board.stickies) {
    if (s.lane === undefined) externals.push(s);
    else byLane.set(s.lane, [...(byLane.get(s.lane) ?? []), s]);
  }
  for (const list of byLane.values()) list.sort((a, b) => FLOW_RANK[a.kind] - FLOW_RANK[b.kind]);
  const children: ElkNode[] = board.namespaces.map((ns) => ({
    id: ns.id,
    layoutOptions: GROUP_OPTIONS,
    children: ns.lanes.map((lane) => ({
      id: lane.id,
      layoutOptions: GROUP_OPTIONS,
      // An empty context still gets a lane wide enough for its name.
      ...((byLane.get(lane.id) ?? []).length === 0 ? { width: 180, height: 40 } : {}),
      children: (byLane.get(lane.id) ?? []).map(stickyNode),
    })),
  }));
  if (externals.length > 0) children.push({ id: EXTERNALS_ID, layoutOptions: GROUP_OPTIONS, children: externals.map(stickyNode) });
  const edges: ElkExtendedEdge[] = board.arrows.map((a) => ({
    id: a.id,
    sources: [against(a) ? a.to : a.from],
    targets: [against(a) ? a.from : a.to],
    layoutOptions: { 'elk.layered.priority.direction': String(directionPriority(a)) },
  }));
  return { id: 'board', layoutOptions: ROOT_OPTIONS, children, edges };
}

/** Lays the board out. */
export async function layoutBoard(board: Board, elk: ElkLike): Promise<BoardLayout> {
  const result = await elk.layout(elkGraph(board));
  const nodes = new Map<string, ElkNode>();
  const visit = (n: ElkNode) => {
    nodes.set(n.id, n);
    for (const c of n.children ?? []) visit(c);
  };
  visit(result);
  const box = (id: string): Box => {
    const n = nodes.get(id);
    if (!n) throw new Error(`ELK lost node ${id}`);
    return { x: round(n.x), y: round(n.y), width: round(n.width), height: round(n.height) };
  };
  const groups: PlacedGroup[] = [];
  for (const ns of board.namespaces) {
    groups.push({ kind: 'namespace', id: ns.id, namespace: ns, ...box(ns.id) });
    for (const lane of ns.lanes) groups.push({ kind: 'lane', id: lane.id, lane, ...box(lane.id) });
  }
  if (nodes.has(EXTERNALS_ID)) groups.push({ kind: 'externals', id: EXTERNALS_ID, ...box(EXTERNALS_ID) });
  const stickies = board.stickies.map((s) => ({ sticky: s, lines: stickyLabel(s.kind, s.name).lines, ...box(s.id) }));
  const edgeById = new Map<string, ElkExtendedEdge>();
  const collect = (n: ElkNode) => {
    for (const e of n.edges ?? []) edgeById.set(e.id, e);
    for (const c of n.children ?? []) collect(c);
  };
  collect(result);
  const arrows = board.arrows.map((arrow) => {
    const sections = edgeById.get(arrow.id)?.sections ?? [];
    let paths = sections.map((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: round(p.x), y: round(p.y) })));
    if (against(arrow)) paths = paths.map((p) => p.reverse()).reverse();
    return { arrow, paths };
  });
  return { width: round(result.width), height: round(result.height), groups, stickies, arrows };
}
