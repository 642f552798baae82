/**
 * Type-checks scaffolded platforms the way test/generators/typecheck.test.ts does (tsc against
 * msa-gen's own devDependencies, workspace packages linked into node_modules as npm would), but
 * many at once: one tsc program over every platform that shares a tsconfig.base.json, so the
 * libraries' declarations are read once instead of once per platform.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

/** What `npm install` does for a workspace: node_modules/<name> → the package's folder. */
export function linkWorkspaces(platform: string): void {
  for (const group of ['packages', 'services']) {
    const parent = join(platform, group);
    if (!existsSync(parent)) continue;
    for (const name of readdirSync(parent)) {
      const pkgFile = join(parent, name, 'package.json');
      if (!existsSync(pkgFile)) continue;
      const pkgName = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { name?: string }).name;
      if (typeof pkgName !== 'string') continue;
      const link = join(platform, 'node_modules', ...pkgName.split('/'));
      if (existsSync(link)) continue; // two packages with one name: npm refuses; the oracles report it
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), join(parent, name)), link, 'dir');
    }
  }
}

/**
 * Type-checks the platforms under `root` (a folder the platforms are inside); returns the tsc
 * errors of each platform, by folder. `root/node_modules` is linked to msa-gen's.
 */
export function typecheckPlatforms(root: string, platforms: readonly string[]): Map<string, string[]> {
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(REPO, 'node_modules'), modules, 'dir');
  const groups = new Map<string, string[]>();
  for (const p of platforms) {
    linkWorkspaces(p);
    const base = readFileSync(join(p, 'tsconfig.base.json'), 'utf8');
    groups.set(base, [...(groups.get(base) ?? []), p]);
  }
  const errors = new Map<string, string[]>(platforms.map((p) => [p, []]));
  let n = 0;
  for (const members of groups.values()) {
    const first = members[0]!;
    const include = (JSON.parse(readFileSync(join(first, 'tsconfig.json'), 'utf8')) as { include: string[] }).include;
    const config = join(root, `tsconfig.typecheck-${n++}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        extends: `./${relative(root, join(first, 'tsconfig.base.json'))}`,
        compilerOptions: { noEmit: true },
        include: members.flatMap((m) => include.map((i) => `${relative(root, m)}/${i}`)),
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', config, '--pretty', 'false'], { cwd: root, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
    }
    // An error line starts with the file's path; the lines after it that start with spaces
    // continue it. A line without a platform's path (a tsconfig error) concerns them all.
    let owners: string[] = members;
    for (const line of output.split('\n').filter((l) => l.trim() !== '')) {
      if (!/^\s/.test(line)) {
        const owner = members.find((m) => line.startsWith(`${relative(root, m)}/`));
        owners = owner ? [owner] : members;
      }
      for (const o of owners) errors.get(o)!.push(owners.length === 1 && line.startsWith(`${relative(root, o)}/`) ? line.slice(relative(root, o).length + 1) : line);
    }
  }
  return errors;
}
