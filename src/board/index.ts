/**
 * src/board/: the event-storming board of a model, as a picture. Pure: model → graph
 * (graph.ts) → layout by ELK (layout.ts) → SVG (svg.ts) → HTML page (html.ts). The caller
 * passes the ELK instance in, so this layer loads no engine by itself and touches no fs or
 * process; the CLI's `board` command loads elkjs lazily.
 */
import type { Model } from '../model/valid.js';
import { buildBoard } from './graph.js';
import { renderHtml } from './html.js';
import { layoutBoard, type ElkLike } from './layout.js';
import { renderSvg } from './svg.js';

export type { Board, Sticky, Arrow, StickyKind, ArrowKind } from './graph.js';
export { buildBoard } from './graph.js';
export type { ElkLike } from './layout.js';

export interface BoardOptions {
  readonly format: 'html' | 'svg';
  /** Name of a saga to highlight; the caller checks it exists (sagaIndex). */
  readonly saga?: string | undefined;
}

/** Index of the saga with this name, or -1. */
export function sagaIndex(model: Model, name: string): number {
  return model.sagas.findIndex((s) => s.name === name);
}

/** The board of a valid model as one document: a self-contained HTML page or a standalone SVG. */
export async function renderBoard(model: Model, options: BoardOptions, elk: ElkLike): Promise<string> {
  const board = buildBoard(model);
  const layout = await layoutBoard(board, elk);
  const highlight = options.saga === undefined ? undefined : sagaIndex(model, options.saga);
  if (highlight === -1) throw new Error(`no saga "${options.saga}"`);
  const svg = renderSvg(layout, { title: board.title, sagas: board.sagas, highlight });
  return options.format === 'svg' ? svg : renderHtml(svg, { title: board.title, saga: options.saga });
}
