// The floor of `scaffold --check`: read every file under a folder and hash it (SHA-256), nothing
// else. `npm run bench` times this next to `--check` on the same folder.
//   node bench/hash-tree.mjs <dir>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let files = 0;
const hash = createHash('sha256');
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) {
      hash.update(createHash('sha256').update(readFileSync(path)).digest());
      files++;
    }
  }
};
walk(process.argv[2] ?? '.');
console.log(`${files} files ${hash.digest('hex').slice(0, 16)}`);
