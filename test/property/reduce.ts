/**
 * Reduces a failing model further than fast-check's shrinking can (whose steps follow the
 * arbitraries): deletes parts of the model as long as the same cause still fails. A model that
 * parses is reduced as a tree (whole map entries and list items, outermost first); any other
 * file (a raw-text mutant) line by line. The result is for people and regression files; the
 * fast-check seed and path replay the shrunk case it came from.
 */
import { load } from 'js-yaml';
import { toYaml } from './arbitraries/cases.js';
import type { Json, JsonObject } from './arbitraries/settings.js';

/** Whether a candidate still fails the same way. */
export type StillFails = (text: string) => Promise<boolean>;

export interface Reduced {
  readonly text: string;
  readonly attempts: number;
}

type Path = readonly (string | number)[];

function paths(value: Json, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const children: Path[] = (Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)).map((k) => [...at, k]);
  // Outermost first: removing a whole context beats removing its fields one by one.
  return [...children, ...children.flatMap((p) => paths(get(value, p.slice(at.length)), p))];
}

function get(value: Json, path: Path): Json {
  let v = value;
  for (const k of path) v = (v as Record<string | number, Json>)[k]!;
  return v;
}

function without(root: JsonObject, path: Path): JsonObject {
  const copy = structuredClone(root);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key as string];
  return copy;
}

async function reduceTree(root: JsonObject, stillFails: StillFails, deadline: number): Promise<Reduced> {
  let current = root;
  let attempts = 0;
  let progress = true;
  while (progress && Date.now() < deadline) {
    progress = false;
    for (const p of paths(current)) {
      if (Date.now() >= deadline) break;
      let candidate: JsonObject;
      try {
        candidate = without(current, p);
      } catch {
        continue; // the path went away with an earlier deletion
      }
      attempts++;
      if (await stillFails(toYaml(candidate))) {
        current = candidate;
        progress = true;
        break; // paths changed: start again from the outermost
      }
    }
  }
  return { text: toYaml(current), attempts };
}

async function reduceLines(text: string, stillFails: StillFails, deadline: number): Promise<Reduced> {
  let lines = text.split('\n');
  let attempts = 0;
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && Date.now() < deadline; chunk >>= 1) {
    for (let i = 0; i < lines.length && Date.now() < deadline; ) {
      const candidate = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      attempts++;
      if (candidate.length < lines.length && (await stillFails(candidate.join('\n')))) lines = candidate;
      else i += chunk;
    }
  }
  return { text: lines.join('\n'), attempts };
}

/** Reduces `text` within `budgetMs`; a tree when it parses as a mapping, else lines. */
export async function reduce(text: string, stillFails: StillFails, budgetMs: number): Promise<Reduced> {
  const deadline = Date.now() + budgetMs;
  let tree: unknown;
  try {
    tree = load(text);
  } catch {
    tree = undefined;
  }
  if (tree !== null && typeof tree === 'object' && !Array.isArray(tree) && (await stillFails(toYaml(tree as JsonObject)))) {
    return reduceTree(tree as JsonObject, stillFails, deadline);
  }
  return reduceLines(text, stillFails, deadline);
}
