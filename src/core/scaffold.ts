/**
 * `scaffold(request) → ScaffoldOutcome`: load → validate → generate → read disk → plan → write,
 * print or check, in one place. Everything up to the generated files is the same in every mode;
 * the mode reaches only the folder (stage.ts). The caller brings the ports: the output folder
 * (its file system, the host, how to tell whether it exists and how to make it), the templates
 * and the tool's version. A `diff`, `export` or `board` command calls this with mode 'dry-run'
 * and reads the plan.
 */
import type { Templates } from '../generators/types.js';
import type { HostInfo, OutputFs } from '../output/fs-port.js';
import type { ServiceRecordStore } from '../output/service-record.js';
import type { RecordStore } from '../output/stat-record.js';
import { drift, type Merger } from '../output/plan.js';
import { runOutputStage, type OutputMode, type StageOutcome } from './stage.js';
import { validateModel, type ModelFindings, type ModelSource } from './validate.js';

export type { Templates } from '../generators/types.js';
export type { Blocked, OutputMode, StageOutcome } from './stage.js';

/** The output folder, as the caller has it (src/cli: a real folder; tests: one in memory). */
export interface OutputFolder {
  /** Its file system, rooted at the folder. */
  readonly fs: OutputFs;
  readonly host: HostInfo;
  /**
   * Whether the folder exists. Asked once the model is valid, before anything is generated; it
   * may throw to stop the run (the CLI refuses a file, or the root of the file system, there).
   */
  exists(): Promise<boolean>;
  /**
   * Write mode only, right before the folder is opened: makes it (and its parents). Returns an
   * undo, called when the run ends without writing, that removes what it made.
   */
  make(): Promise<() => Promise<void>>;
  /** Where the folder's stat record is kept, if anywhere (machine-local; see src/output/stat-record.ts). */
  readonly record?: RecordStore;
  /**
   * Where the folder's service record is kept, if anywhere (machine-local; see
   * src/core/service-cache.ts): what lets a run skip generating services whose inputs did not change.
   */
  readonly services?: ServiceRecordStore;
}

export interface ScaffoldRequest {
  readonly model: ModelSource;
  readonly folder: OutputFolder;
  readonly mode: OutputMode;
  /** Overwrite generated files edited by hand (never a file msa-gen did not write). */
  readonly force?: boolean;
  /** The templates as data, by path relative to templates/; asked for only when the model is valid. */
  readonly templates: () => Templates;
  /** msa-gen's own version, written into generated package.json files. */
  readonly toolVersion: string;
  /**
   * The generators' build: a hash of their code (the CLI's build stamps it). Part of every
   * service's key; without it, every service is generated.
   */
  readonly generatorBuild?: string;
  /** How user-owned files are merged into; by default the syntax-tree merger, loaded when a file must be parsed. */
  readonly merger?: () => Promise<Merger>;
}

export type ScaffoldOutcome =
  /** The model has errors: nothing generated, the folder not looked at. */
  | { readonly status: 'invalid'; readonly findings: ModelFindings }
  /** The folder's outcome (planned, refused, locked, aborted), with the model's findings (warnings at most). */
  | (StageOutcome & { readonly findings: ModelFindings });

export type PlannedOutcome = Extract<ScaffoldOutcome, { status: 'planned' }>;

/** The syntax-tree merger: it brings in the TypeScript compiler, so only when a file must be parsed. */
const syntaxTreeMerger = async (): Promise<Merger> => (await import('../output/merge.js')).createMerger();

export async function scaffold(request: ScaffoldRequest): Promise<ScaffoldOutcome> {
  const findings = validateModel(request.model);
  if (findings.errors > 0 || !findings.valid) return { status: 'invalid', findings };

  const { folder, mode } = request;
  const existed = await folder.exists();
  // Loaded here, not at the top: a model with errors never pays for the generators.
  const { generateForRun } = await import('./service-cache.js');
  const generation = await generateForRun(
    { model: findings.valid, templates: request.templates(), options: { toolVersion: request.toolVersion } },
    { build: request.generatorBuild, store: folder.services, mode, folderExisted: existed },
  );

  const undo = mode === 'write' ? await folder.make() : undefined;
  let outcome: StageOutcome | undefined;
  try {
    outcome = await runOutputStage({
      fs: folder.fs,
      host: folder.host,
      files: generation.files,
      ...(generation.reuse ? { reuse: generation.reuse } : {}),
      mode,
      force: request.force ?? false,
      folderExisted: existed,
      merger: request.merger ?? syntaxTreeMerger,
      ...(folder.record ? { record: folder.record } : {}),
    });
    if (outcome.status === 'planned' && folder.services) {
      const record = generation.recordAfter(outcome.plan.manifest);
      if (record) await folder.services.save(record);
    }
    return { ...outcome, findings };
  } finally {
    // A run that wrote nothing leaves no folder behind; one stopped mid-write keeps it for its journal.
    if (undo && !(outcome?.status === 'planned' && outcome.written) && outcome?.status !== 'aborted') await undo();
  }
}

/** How many things --check fails on: the plan's drift (missing, stale, edited…) and the folder's (a run in progress, leftovers, the manifest). */
export const driftCount = (outcome: PlannedOutcome): number => drift(outcome.plan).length + outcome.drift.length;
