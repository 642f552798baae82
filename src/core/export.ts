/**
 * `exportContract(request) → ExportOutcome`: validate the model, then write one contract of it
 * (AsyncAPI for the platform or one context, OpenAPI for one context) as text. The builders are
 * loaded only once the model is valid; nothing here touches the file system or the console.
 */
import type { DocumentFormat } from '../export/format.js';
import { validateModel, type ModelFindings, type ModelSource } from './validate.js';

export type ContractKind = 'asyncapi' | 'openapi';

export interface ExportRequest {
  readonly model: ModelSource;
  readonly kind: ContractKind;
  /** A context's name: that service's contract only. Required for OpenAPI. */
  readonly context?: string | undefined;
  readonly format: DocumentFormat;
}

export type ExportOutcome =
  /** The model has errors: nothing exported. */
  | { readonly status: 'invalid'; readonly findings: ModelFindings }
  /** `context` names no context of the model. */
  | { readonly status: 'unknown-context'; readonly findings: ModelFindings; readonly known: readonly string[] }
  | { readonly status: 'exported'; readonly findings: ModelFindings; readonly text: string };

export async function exportContract(request: ExportRequest): Promise<ExportOutcome> {
  const findings = validateModel(request.model);
  const model = findings.valid;
  if (findings.errors > 0 || !model) return { status: 'invalid', findings };
  const known = model.contexts.map((c) => c.name);
  const context = request.context === undefined ? undefined : model.contexts.find((c) => c.name === request.context);
  if (request.context !== undefined && !context) {
    return { status: 'unknown-context', findings, known };
  }
  const { documentText } = await import('../export/format.js');
  if (request.kind === 'openapi') {
    if (!context) throw new Error('an OpenAPI export needs a context');
    const { openApiDocument } = await import('../export/openapi.js');
    return { status: 'exported', findings, text: documentText(openApiDocument(model, context), request.format) };
  }
  const { asyncApiDocument } = await import('../export/asyncapi.js');
  return { status: 'exported', findings, text: documentText(asyncApiDocument(model, context ? { context } : {}), request.format) };
}
