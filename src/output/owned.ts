/**
 * The shapes of every path msa-gen's generators can produce, and the ownership each shape has.
 * The manifest and the journal are untrusted input (anyone can edit them): an entry whose path
 * is outside these shapes, or whose ownership does not match its shape, is refused, so no entry
 * can make scaffold delete or overwrite `.git/config`, the user's notes or anything else it
 * could never have written. The generated files of every run are checked against the same
 * shapes, so a generator that starts writing a new kind of path fails loudly (update this list).
 */
import type { Ownership } from '../tree/index.js';

/** One path segment that is a name: not empty, no leading dot (no `.git`, `.msa-gen`, temp files). */
const N = '[^/.][^/]*';

const GENERATED: readonly RegExp[] = [
  // The workspace root.
  /^(package\.json|tsconfig\.json|tsconfig\.base\.json|tsconfig\.build\.json|vitest\.config\.ts|vitest\.kafka\.config\.ts|README\.md|docker-compose\.yml|\.gitignore|\.dockerignore)$/,
  // The shared runtime (copied from templates/runtime) and the all-in-one platform package.
  new RegExp(`^packages/runtime/(package\\.json|tsconfig\\.json)$`),
  new RegExp(`^packages/runtime/(src|test|integration)/(${N}/)*${N}\\.ts$`),
  new RegExp(`^packages/platform/(package\\.json|tsconfig\\.json)$`),
  new RegExp(`^packages/platform/src/(${N}/)*${N}\\.ts$`),
  // One service per context.
  new RegExp(`^services/${N}/(package\\.json|tsconfig\\.json|Dockerfile)$`),
  new RegExp(`^services/${N}/src/generated/${N}\\.ts$`),
  new RegExp(`^services/${N}/src/generated/schemas/${N}\\.schema\\.json$`),
  // Strimzi topics per namespace, one Helm chart.
  new RegExp(`^kafka/${N}/(topics|users)\\.yaml$`),
  new RegExp(`^kubernetes/${N}/namespace\\.yaml$`),
  new RegExp(`^helm/${N}/(Chart\\.yaml|values\\.yaml|values\\.schema\\.json|values-${N}\\.yaml|\\.helmignore)$`),
  new RegExp(`^helm/${N}/templates/${N}\\.(yaml|tpl|txt)$`),
];

const USER_OWNED: readonly RegExp[] = [
  new RegExp(`^services/${N}/src/domain/${N}\\.ts$`),
  new RegExp(`^services/${N}/src/policies/${N}\\.ts$`),
  new RegExp(`^services/${N}/src/main\\.ts$`),
  new RegExp(`^services/${N}/test/${N}\\.test\\.ts$`),
  new RegExp(`^tests/${N}\\.test\\.ts$`),
];

/** The ownership msa-gen gives a path of this shape, or undefined when it never writes such a path. */
export function ownedShape(path: string): Ownership | undefined {
  if (USER_OWNED.some((re) => re.test(path))) return 'user-owned';
  if (GENERATED.some((re) => re.test(path))) return 'generated';
  return undefined;
}

/** Why `path` with `ownership` is not something msa-gen can own, or undefined when it is. */
export function ownershipProblem(path: string, ownership: Ownership): string | undefined {
  const shape = ownedShape(path);
  if (shape === undefined) return `"${path}" is not a path msa-gen ever writes`;
  if (shape !== ownership) return `"${path}" is ${shape} by its place in the tree, not ${ownership}`;
  return undefined;
}
