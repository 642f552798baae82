/**
 * `scaffold`'s generator: the whole output tree of a model, as data. Pure: the model and the
 * templates in, files out (sorted by path, every path relative and unique); writing, planning
 * against disk and merging user-owned files happen elsewhere.
 */
import { helmFiles } from './helm/index.js';
import { kafkaFiles } from './kafka/index.js';
import type { KeyedFile } from './emit/keyed.js';
import { compareCodeUnits } from './names/order.js';
import { generatePlatformPackage } from './platform/index.js';
import { generateRoot } from './root/index.js';
import { generateRuntimePackage } from './runtime/index.js';
import { generateService, planService, serviceTemplates, serviceUserFiles, type ServicePlan } from './service/index.js';
import { generateStarterTests } from './tests/index.js';
import { outputPathProblem } from '../tree/index.js';
import type { Model } from '../model/valid.js';
import type { GeneratedFile, GenerateRequest, Templates } from './types.js';

/** The one definition of a safe output path (src/tree), also under the name the tests know it by. */
export { isSafeRelativePath } from '../tree/index.js';

export function generate(request: GenerateRequest): GeneratedFile[] {
  return generateReusing(request).files;
}

/**
 * What lets `generateReusing` skip a service: the previous run's key of each context's service.
 * A key is the hash of everything the service's files are made from (serviceKey).
 */
export interface PreviousKeys {
  /** sha256 (hex) of a text: the caller's, as generators import no Node module. */
  readonly hash: (text: string) => string;
  /** The generators' build: a hash of their code, part of every key (no build known: no reuse). */
  readonly build: string;
  /** By context name, the key of the service files that the files on disk were generated from. */
  readonly previous: ReadonlyMap<string, string>;
}

/**
 * One service of a run: its context, its key (with PreviousKeys), and whether its generated files
 * were left out. A keyed platform-wide file (emit/keyed.ts) is one too, under `keyedUnit(path)`: a
 * name no context can have.
 */
export interface ServiceOutcome {
  readonly context: string;
  readonly key: string | undefined;
  /** Its generated files are not in `files` (its key is the previous one); its user-owned files are. */
  readonly skipped: boolean;
  /** When not skipped: the paths of its generated files (those not user-owned). */
  readonly generated?: readonly string[];
}

export interface GenerateOutcome {
  /** Sorted by path; without the generated files of skipped services. */
  readonly files: GeneratedFile[];
  readonly services: readonly ServiceOutcome[];
}

/** The plan of a service as its text (the key's input) and as the plain copy the emitters run on. */
function servicePlanText(model: Model, context: Model['contexts'][number]): { text: string; plan: ServicePlan } {
  const plan = planService(model, context);
  const text = JSON.stringify(plan);
  return { text, plan };
}

/**
 * A service's key: the hash of the generators' build, msa-gen's version, the service's
 * templates and its plan's text. The emitters read nothing else (plan.ts), so equal keys mean
 * equal files.
 */
export function serviceKey(reuse: Pick<PreviousKeys, 'hash' | 'build'>, request: GenerateRequest, templates: Templates, planText: string): string {
  const head = JSON.stringify([reuse.build, request.options.toolVersion, [...templates].sort(([a], [b]) => compareCodeUnits(a, b))]);
  return reuse.hash(`msa-gen service key 1\n${head}\n${planText}`);
}

/** The files of one service, from the plain copy of its plan parsed back from its text. */
function serviceFiles(text: string, templates: Templates): GeneratedFile[] {
  return generateService(JSON.parse(text) as ServicePlan, templates);
}

/** The name a keyed platform-wide file goes by among the services (context names hold no `/`). */
export const keyedUnit = (path: string): string => `file:${path}`;

/**
 * A keyed file's key: the hash of the generators' build, msa-gen's version, its path and its
 * input, which holds everything its content is made from.
 */
export function keyedFileKey(reuse: Pick<PreviousKeys, 'hash' | 'build'>, request: GenerateRequest, file: KeyedFile): string {
  return reuse.hash(`msa-gen file key 1\n${JSON.stringify([reuse.build, request.options.toolVersion, file.path])}\n${file.input()}`);
}

/** The platform-wide files: keyed (the Helm values, the KafkaUsers and KafkaTopics) and the rest of the chart. */
function platformFiles(request: GenerateRequest): { files: GeneratedFile[]; keyed: KeyedFile[] } {
  const helm = helmFiles(request);
  return { files: helm.files, keyed: [...kafkaFiles(request), ...helm.keyed] };
}

/**
 * `generate`, skipping the generated files of each service whose key equals its previous one.
 * Without `reuse`, every service is generated (and no key computed).
 */
export function generateReusing(request: GenerateRequest, reuse?: PreviousKeys): GenerateOutcome {
  const templates = serviceTemplates(request.templates);
  const services: ServiceOutcome[] = [];
  const serviceFileList: GeneratedFile[] = [];
  for (const context of request.model.contexts) {
    const { text, plan } = servicePlanText(request.model, context);
    const key = reuse ? serviceKey(reuse, request, templates, text) : undefined;
    const skipped = key !== undefined && reuse!.previous.get(context.name) === key;
    if (skipped) {
      services.push({ context: context.name, key, skipped });
      serviceFileList.push(...serviceUserFiles(plan, templates));
    } else {
      const files = serviceFiles(text, templates);
      services.push({ context: context.name, key, skipped, generated: files.filter((f) => f.ownership === 'generated').map((f) => f.path) });
      serviceFileList.push(...files);
    }
  }
  const platform = platformFiles(request);
  const keyedFiles: GeneratedFile[] = [];
  for (const file of platform.keyed) {
    const unit = keyedUnit(file.path);
    const key = reuse ? keyedFileKey(reuse, request, file) : undefined;
    if (key !== undefined && reuse!.previous.get(unit) === key) {
      services.push({ context: unit, key, skipped: true });
    } else {
      const made = file.make();
      services.push({ context: unit, key, skipped: false, generated: [made.path] });
      keyedFiles.push(made);
    }
  }
  const files: GeneratedFile[] = [
    ...generateRoot(request),
    ...generateRuntimePackage(request),
    ...generatePlatformPackage(request),
    ...serviceFileList,
    ...platform.files,
    ...keyedFiles,
    ...generateStarterTests(request),
  ];
  return { files: checkedFiles(files), services };
}

/**
 * The generated files (not the user-owned ones) of these contexts' services, and of these keyed
 * files (by `keyedUnit`), as `generate` makes them.
 */
export function generateServiceFiles(request: GenerateRequest, contexts: ReadonlySet<string>): { context: string; files: GeneratedFile[] }[] {
  const templates = serviceTemplates(request.templates);
  const services = request.model.contexts
    .filter((c) => contexts.has(c.name))
    .map((c) => ({ context: c.name, files: serviceFiles(servicePlanText(request.model, c).text, templates).filter((f) => f.ownership === 'generated') }));
  const keyed = [...contexts].some((c) => c.startsWith(keyedUnit('')))
    ? platformFiles(request)
        .keyed.filter((k) => contexts.has(keyedUnit(k.path)))
        .map((k) => ({ context: keyedUnit(k.path), files: [k.make()] }))
    : [];
  return [...services, ...keyed];
}

/** The files, every path checked, sorted by path, no path twice. */
export function checkedFiles(files: GeneratedFile[]): GeneratedFile[] {
  for (const f of files) {
    const problem = outputPathProblem(f.path);
    if (problem !== undefined) throw new Error(`a generated path is not a relative path inside the output folder: ${problem}`);
  }
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.path === files[i - 1]!.path) throw new Error(`two generated files claim the path "${files[i]!.path}"`);
  }
  return files;
}
