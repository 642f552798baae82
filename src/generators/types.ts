/**
 * The generator contract: pure functions from the resolved model to files (src/tree). Generators
 * never touch `fs`, `process` or the console; templates come in as data.
 */
import type { Model } from '../model/valid.js';
import type { GeneratedFile } from '../tree/index.js';

// The file contract lives in src/tree (shared with the output stage); re-exported here for the
// generators, which import it from this module.
export { GENERATED_HEADER, generatedFile, headerFor, userFile, type GeneratedFile, type ObjectMembersMerge, type Ownership } from '../tree/index.js';

export interface GenerateOptions {
  /** msa-gen's own version, written into generated package.json files (never a timestamp). */
  readonly toolVersion: string;
}

/** Template sources by path relative to templates/ (e.g. `service/Dockerfile.hbs`). */
export type Templates = ReadonlyMap<string, string>;

export interface GenerateRequest {
  readonly model: Model;
  readonly templates: Templates;
  readonly options: GenerateOptions;
}

export type Generator = (request: GenerateRequest) => GeneratedFile[];
