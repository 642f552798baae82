/**
 * src/tree/: the contract between the generators and the output stage, and nothing else. The
 * generators produce a virtual tree of files (`GeneratedFile`: a path, its content, its
 * ownership, how to merge into it later); the output stage plans and writes that tree. Both
 * import this folder and never each other. It holds the file shapes, the generated-file header
 * (written by the generators, recognised by the output stage) and the one definition of a safe
 * output path. Pure: it imports nothing of the project, and no `fs` or `process`.
 */
export { generatedFile, userFile, type GeneratedFile, type ObjectMembersMerge, type Ownership } from './file.js';
export { GENERATED_HEADER, HELM_TEMPLATE_HEADER, carriesHeader, headerFor } from './header.js';
export { ConfinementError, checkOutputPath, isSafeRelativePath, outputPathProblem } from './paths.js';
