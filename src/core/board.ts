/**
 * `board(request)`: the use case behind `msa-gen board`. Validates the model, checks the saga
 * to highlight, and draws the board (src/board/) with the layout engine the caller hands in,
 * loaded only once the model is valid. No fs, no process: the CLI reads the file and writes
 * the document.
 */
import { renderBoard, sagaIndex, type ElkLike } from '../board/index.js';
import { validateModel, type ModelFindings, type ModelSource } from './validate.js';

export type { ElkLike } from '../board/index.js';

export interface BoardRequest {
  readonly model: ModelSource;
  readonly format: 'html' | 'svg';
  /** Saga to highlight. */
  readonly saga?: string | undefined;
  /** The layout engine (elkjs), loaded on demand. */
  readonly elk: () => Promise<ElkLike>;
}

export type BoardOutcome =
  | { readonly status: 'invalid'; readonly findings: ModelFindings }
  | { readonly status: 'unknown-saga'; readonly sagas: readonly string[] }
  | { readonly status: 'drawn'; readonly document: string };

export async function board(request: BoardRequest): Promise<BoardOutcome> {
  const findings = validateModel(request.model);
  if (!findings.valid) return { status: 'invalid', findings };
  const model = findings.valid;
  if (request.saga !== undefined && sagaIndex(model, request.saga) === -1) return { status: 'unknown-saga', sagas: model.sagas.map((s) => s.name) };
  return { status: 'drawn', document: await renderBoard(model, { format: request.format, saga: request.saga }, await request.elk()) };
}
