/**
 * `scaffold`'s generator: the whole output tree of a model, as data. Pure: the model and the
 * templates in, files out (sorted by path, every path relative and unique); writing, planning
 * against disk and merging user-owned files happen elsewhere.
 */
import { generateHelm } from './helm.js';
import { generateKafkaTopics } from './kafka.js';
import { compareCodeUnits } from './k8s-names.js';
import { generatePlatformPackage } from './platform-package.js';
import { generateRoot } from './root.js';
import { generateRuntimePackage } from './runtime-package.js';
import { generateService } from './service.js';
import { outputPathProblem } from '../tree/index.js';
import type { GeneratedFile, GenerateRequest } from './types.js';

/** The one definition of a safe output path (src/tree), also under the name the tests know it by. */
export { isSafeRelativePath } from '../tree/index.js';

export function generate(request: GenerateRequest): GeneratedFile[] {
  const files: GeneratedFile[] = [
    ...generateRoot(request),
    ...generateRuntimePackage(request),
    ...generatePlatformPackage(request),
    ...request.model.contexts.flatMap((context) => generateService(request, context)),
    ...generateKafkaTopics(request),
    ...generateHelm(request),
  ];
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
