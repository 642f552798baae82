/**
 * What the output stage knows of scaffold's reuse of unchanged services (service-cache.ts): the
 * services whose generated files come from the service record, and the check of those files
 * against the disk. Apart from service-cache.ts so that the stage does not load the generators.
 */
import type { DiskFile } from '../output/disk-file.js';
import type { RecordedFile } from '../output/service-record.js';
import type { GeneratedFile } from '../tree/index.js';

/** A service whose generated files the run takes from the record instead of generating them. */
export interface ReusedService {
  readonly context: string;
  readonly files: readonly RecordedFile[];
}

/** What the output stage gets of the reuse: the services, and how to generate them after all. */
export interface ServiceReuse {
  readonly services: readonly ReusedService[];
  /** The generated files of these contexts, made for real (their user-owned files are in the stage's files already). */
  regenerate(contexts: ReadonlySet<string>): readonly GeneratedFile[];
}

/**
 * Which reused services the disk still holds exactly as recorded: their files are planned as
 * unchanged; the others (`stale`) must be generated. A service with a path that another
 * generated file takes is stale too (generating it finds the clash, as a run without the record).
 */
export function settleReused(
  services: readonly ReusedService[],
  disk: ReadonlyMap<string, DiskFile>,
  generatedPaths: ReadonlySet<string>,
): { unchanged: RecordedFile[]; stale: Set<string> } {
  const unchanged: RecordedFile[] = [];
  const stale = new Set<string>();
  const seen = new Set<string>();
  for (const s of services) {
    const fresh = (path: string) => !generatedPaths.has(path) && !seen.has(path) && (seen.add(path), true);
    const intact = s.files.every((f) => fresh(f.path) && disk.get(f.path)?.hash() === f.sha256);
    if (intact) unchanged.push(...s.files);
    else stale.add(s.context);
  }
  return { unchanged, stale };
}
