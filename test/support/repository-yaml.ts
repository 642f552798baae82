/** Every YAML file the repository tracks (paths relative to its root), for the tests that hold one loader to another on all of them. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export const repositoryYaml: readonly string[] = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: repositoryRoot, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.length > 0 && !f.includes('node_modules/'));
