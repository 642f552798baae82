/**
 * `msa-gen init [dir]`: a commented starter model (templates/init/model.yaml: two contexts, a
 * policy, a saga, a read model; it validates clean and scaffolds) and a GitHub Actions workflow
 * running validate, diff --base and scaffold --check. Never overwrites a file: when one of them
 * exists, nothing is written and the command exits 1 naming them.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from './files.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { terminalPath } from './printers/text.js';
import { TEMPLATES_DIR } from './templates.js';
import { version } from './version.js';

/** What init writes: the path in the folder, and its template under templates/init. */
export const INIT_FILES = [
  { path: 'model.yaml', template: 'model.yaml' },
  { path: '.github/workflows/msa-gen.yml', template: 'msa-gen.yml' },
] as const;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export async function initCommand(dir: string | undefined, io: CliIO, templatesDir = TEMPLATES_DIR): Promise<number> {
  const target = resolve(io.cwd, dir ?? '.');
  try {
    const info = await stat(target);
    if (!info.isDirectory()) throw new UsageError(`${displayPath(io.cwd, dir ?? '.')} is not a folder`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const shown = (path: string) => terminalPath(displayPath(io.cwd, join(target, path)));
  const taken: string[] = [];
  for (const f of INIT_FILES) if (await exists(join(target, f.path))) taken.push(f.path);
  if (taken.length > 0) {
    io.stderr.write(`msa-gen: init writes nothing: ${taken.length === 1 ? 'this file exists' : 'these files exist'} already\n`);
    for (const path of taken) io.stderr.write(`  ${shown(path)}\n`);
    return EXIT.findings;
  }
  const texts = await Promise.all(INIT_FILES.map((f) => readFile(join(templatesDir, 'init', f.template), 'utf8')));
  for (const [i, f] of INIT_FILES.entries()) {
    const full = join(target, f.path);
    await mkdir(dirname(full), { recursive: true });
    // `wx`: a file that appeared since the check above is not overwritten either.
    await writeFile(full, texts[i]!.replaceAll('{{msaGenVersion}}', version()), { flag: 'wx' });
    io.stdout.write(`create ${shown(f.path)}\n`);
  }
  const model = shown('model.yaml');
  const out = shown('platform');
  io.stdout.write(
    [
      '',
      'Next:',
      `  msa-gen validate ${model}`,
      `  msa-gen scaffold ${model} -o ${out}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
