import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Templates } from '../core/scaffold.js';

/** The package's templates/ folder (next to src/ and dist/). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/** Reads every file under templates/ into a map keyed by its path relative to templates/. */
export function loadTemplates(dir: string = TEMPLATES_DIR): Templates {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.set(relative(dir, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}
