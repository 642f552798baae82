/**
 * Scaffold's reuse of services that did not change. Each service's files are made from its plan
 * alone (plain data, src/generators/service/plan.ts), so the hash of the plan's text, the
 * service's templates and the generators' build (serviceKey) is a complete key: equal keys, equal
 * files. The output folder's service record (src/output/service-record.ts, kept per user outside
 * the folder) holds, per context, the key of the last run that wrote the folder and the path and
 * sha256 of each generated file that key gave.
 *
 * A context whose key is unchanged is not generated (its user-owned files still are, so the
 * merge sees what it always sees). Its recorded files are planned as unchanged only when the disk
 * holds exactly them: each file there, its sha256 (vouched for by the stat record, or read and
 * hashed) the recorded one. Any file edited, deleted or replaced, and the context is generated
 * for real, so the plan reports, restores or refuses it exactly as a run without the record.
 * `--check` never uses the record (its verdict rests on every byte, generated); `--dry-run` uses
 * it but never writes it; a folder with no record (a fresh one) generates everything.
 *
 * The largest platform-wide files (the Helm values, the KafkaUsers, the KafkaTopics) are keyed
 * the same way (src/generators/emit/keyed.ts: each made from plain data alone, its key the hash
 * of that data's text) and recorded beside the services under a name no context has
 * (`keyedUnit`), with the same checks against the disk.
 */
import { generateReusing, generateServiceFiles, type GenerateOutcome, type ServiceOutcome } from '../generators/index.js';
import type { GenerateRequest } from '../generators/types.js';
import { sha256, type Manifest } from '../output/manifest.js';
import type { RecordedFile, RecordedService, ServiceRecord, ServiceRecordStore } from '../output/service-record.js';
import type { GeneratedFile } from '../tree/index.js';
import type { ReusedService, ServiceReuse } from './service-reuse.js';

export type { ReusedService, ServiceReuse } from './service-reuse.js';

/** What `generateForRun` hands on: the generated files, the reuse for the stage, and how to record the run. */
export interface RunGeneration {
  readonly files: GeneratedFile[];
  readonly reuse?: ServiceReuse;
  /** The record after the run, from the plan's manifest (write mode, with a store); undefined: nothing to save. */
  recordAfter(manifest: Manifest): ServiceRecord | undefined;
}

export interface GenerationOptions {
  /** The generators' build (a hash of their code); without one, no key is computed and nothing reused. */
  readonly build: string | undefined;
  readonly store: ServiceRecordStore | undefined;
  /** `check` never reuses nor records; `dry-run` reuses but does not record. */
  readonly mode: 'write' | 'check' | 'dry-run';
  /** Whether the output folder existed: a folder that did not has no record worth loading, and gets none. */
  readonly folderExisted: boolean;
}

/** Generates the files of a run, reusing unchanged services where the options allow. */
export async function generateForRun(request: GenerateRequest, options: GenerationOptions): Promise<RunGeneration> {
  const { build, store, mode } = options;
  // A folder that did not exist has no record, and its first run computes no keys (a fresh
  // scaffold pays nothing for the record): the next run records them.
  const keyed = build !== undefined && store !== undefined && mode !== 'check' && options.folderExisted;
  const previous = keyed ? await store.load() : undefined;
  if (!keyed || (previous === undefined && mode !== 'write')) {
    return { files: generateReusing(request).files, recordAfter: () => undefined };
  }
  const keys = new Map([...(previous ?? new Map<string, RecordedService>())].map(([context, s]) => [context, s.key]));
  const outcome: GenerateOutcome = generateReusing(request, { hash: sha256, build, previous: keys });
  // Per context, the paths of its generated files: generated now, or as recorded.
  const pathsOf = new Map<string, readonly string[]>();
  const reused: ReusedService[] = [];
  for (const s of outcome.services) {
    if (s.skipped) {
      const files = previous!.get(s.context)!.files;
      reused.push({ context: s.context, files });
      pathsOf.set(s.context, files.map((f) => f.path));
    } else {
      pathsOf.set(s.context, s.generated ?? []);
    }
  }
  const reuse: ServiceReuse = {
    services: reused,
    regenerate(contexts) {
      const made = generateServiceFiles(request, contexts);
      for (const { context, files } of made) pathsOf.set(context, files.map((f) => f.path));
      return made.flatMap((m) => m.files);
    },
  };
  return {
    files: outcome.files,
    ...(reused.length > 0 ? { reuse } : {}),
    recordAfter: (manifest) => (mode === 'write' ? recordOf(outcome.services, pathsOf, manifest) : undefined),
  };
}

/**
 * The record of this run: per context with a key, the manifest's sha256 of each of its generated
 * files (for a generated file that is the hash of the content generated). A context with a file
 * the manifest does not list as generated (one msa-gen may not write) is left out.
 */
function recordOf(services: readonly ServiceOutcome[], pathsOf: ReadonlyMap<string, readonly string[]>, manifest: Manifest): ServiceRecord {
  const entries = new Map(manifest.files.map((e) => [e.path, e]));
  const record = new Map<string, RecordedService>();
  for (const s of services) {
    if (s.key === undefined) continue;
    const files: RecordedFile[] = [];
    for (const path of pathsOf.get(s.context) ?? []) {
      const entry = entries.get(path);
      if (entry?.ownership !== 'generated') break;
      files.push({ path, sha256: entry.sha256 });
    }
    if (files.length === (pathsOf.get(s.context) ?? []).length) record.set(s.context, { key: s.key, files });
  }
  return record;
}
