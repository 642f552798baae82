/**
 * Output safety of `msa-gen scaffold`, end to end on real temporary folders: files msa-gen did
 * not write, a tampered manifest, a lost manifest, concurrent runs and the lock, dangerous -o,
 * and merges into user files with comments and CRLF line endings.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const minimal = readFileSync(join(root, 'test', 'fixtures', 'minimal', 'model.yaml'), 'utf8');
const cli = join(root, 'bin', 'msa-gen.js');

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'msa-gen-safety-'));
  writeFileSync(join(work, 'model.yaml'), minimal);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const scaffoldIn = async (cwd: string, out: string, ...extra: string[]) => {
  const io = memoryIO(cwd, { NO_COLOR: '1' });
  const code = await run(['scaffold', join(work, 'model.yaml'), '-o', out, ...extra], io);
  return { code, out: io.out(), err: io.err() };
};
const scaffold = (...extra: string[]) => scaffoldIn(work, 'out', ...extra);
const out = (...parts: string[]) => join(work, 'out', ...parts);

/** Every file under a folder with its content hash, sorted (folders too, so empty ones show). */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p).split('\\').join('/');
      if (e.isDirectory()) {
        found[`${rel}/`] = 'dir';
        walk(p);
      } else found[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, '.msa-gen', 'manifest.json'), 'utf8')) as { version: 1; files: Array<{ path: string; ownership: string; sha256: string; members?: string[] }> };
const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

function addCommandToModel(): void {
  const text = readFileSync(join(work, 'model.yaml'), 'utf8').replace(
    '          - name: CancelApplication\n',
    '          - name: WithdrawApplication\n            actor: Citizen\n            http: POST /applications/{applicationId}/withdrawal\n            fields: [applicationId]\n            emits: [ApplicationCancelled]\n          - name: CancelApplication\n',
  );
  expect(text).not.toBe(readFileSync(join(work, 'model.yaml'), 'utf8'));
  writeFileSync(join(work, 'model.yaml'), text);
}

describe('files msa-gen did not write', () => {
  it('scaffold -o . in a project with its own package.json and README.md: a conflict, and --force does not overwrite them', async () => {
    const proj = join(work, 'proj');
    mkdirSync(proj);
    writeFileSync(join(proj, 'package.json'), '{ "name": "mine" }\n');
    writeFileSync(join(proj, 'README.md'), '# My project\n');
    const before = snapshot(proj);
    for (const extra of [[], ['--force']]) {
      const result = await scaffoldIn(proj, '.', ...extra);
      expect(result.code).toBe(1);
      expect(result.err).toContain('conflict: package.json (exists and msa-gen did not write it)');
      expect(result.err).toContain('conflict: README.md (exists and msa-gen did not write it)');
      expect(result.err).toContain('not even with --force; move or delete them');
      // Nothing written, and no folder left behind (not even the one for the lock).
      expect(snapshot(proj)).toEqual(before);
    }
    const dry = await scaffoldIn(proj, '.', '--dry-run', '--force');
    expect(dry.code).toBe(1);
    const check = await scaffoldIn(proj, '.', '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('not written by msa-gen: README.md');
    expect(check.out).not.toContain('--- a/README.md');
    expect(check.err).toContain('move or delete the files msa-gen did not write (README.md, package.json)');
  });

  it('takes over a byte-identical file (nothing is lost) and records it in the manifest', async () => {
    expect((await scaffold()).code).toBe(0);
    const gitignore = readFileSync(out('.gitignore'), 'utf8');
    const proj = join(work, 'proj');
    mkdirSync(proj);
    writeFileSync(join(proj, '.gitignore'), gitignore);
    expect((await scaffoldIn(work, 'proj')).code).toBe(0);
    expect(manifestOf(proj).files.find((f) => f.path === '.gitignore')).toEqual({ path: '.gitignore', ownership: 'generated', sha256: sha(gitignore) });
  });
});

describe('the manifest is untrusted input', () => {
  it('an entry for .git/config with its true hash is refused: .git/config is never deleted, nothing is written', async () => {
    expect((await scaffold()).code).toBe(0);
    mkdirSync(out('.git'));
    const config = '[core]\n\trepositoryformatversion = 0\n';
    writeFileSync(out('.git', 'config'), config);
    const manifest = manifestOf(out());
    manifest.files.push({ path: '.git/config', ownership: 'generated', sha256: sha(config) });
    writeFileSync(out('.msa-gen', 'manifest.json'), JSON.stringify(manifest, null, 2));
    const before = snapshot(out());
    for (const extra of [[], ['--force'], ['--check']]) {
      const result = await scaffold(...extra);
      expect(result.code).toBe(1);
      expect(result.err).toContain('.msa-gen/manifest.json, entry');
      expect(result.err).toContain('"".git/config" is not a path msa-gen ever writes'.slice(1));
      expect(readFileSync(out('.git', 'config'), 'utf8')).toBe(config);
      expect(snapshot(out())).toEqual(before);
    }
  });

  it('an entry that calls a user-owned file generated is refused, so the user file is never deleted', async () => {
    expect((await scaffold()).code).toBe(0);
    const path = 'services/application/src/policies/Mine.ts';
    writeFileSync(out(...path.split('/')), 'export const mine = 1;\n');
    const manifest = manifestOf(out());
    manifest.files.push({ path, ownership: 'generated', sha256: sha('export const mine = 1;\n') });
    writeFileSync(out('.msa-gen', 'manifest.json'), JSON.stringify(manifest, null, 2));
    const result = await scaffold('--force');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`"${path}" is user-owned by its place in the tree, not generated`);
    expect(existsSync(out(...path.split('/')))).toBe(true);
  });
});

describe('a missing manifest', () => {
  it('a hand edit of a generated file is a conflict, never silently replaced; --force may overwrite a file with the header', async () => {
    expect((await scaffold()).code).toBe(0);
    const handlers = out('services', 'application', 'src', 'generated', 'handlers.ts');
    const edited = `${readFileSync(handlers, 'utf8')}// my fix\n`;
    writeFileSync(handlers, edited);
    rmSync(out('.msa-gen', 'manifest.json'));
    const refused = await scaffold();
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("conflict: services/application/src/generated/handlers.ts (has msa-gen's generated header but the manifest does not list it, and it differs)");
    expect(readFileSync(handlers, 'utf8')).toBe(edited);
    expect(existsSync(out('.msa-gen', 'manifest.json'))).toBe(false);
    expect((await scaffold('--check')).code).toBe(1);
    const forced = await scaffold('--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(handlers, 'utf8')).not.toContain('// my fix');
    expect((await scaffold('--check')).code).toBe(0);
  });

  it('a hand edit of a generated file without a header (JSON) is never overwritten, not even with --force', async () => {
    expect((await scaffold()).code).toBe(0);
    const pkg = out('services', 'application', 'package.json');
    const edited = readFileSync(pkg, 'utf8').replace('"private": true', '"private": true, "license": "MIT"');
    expect(edited).not.toBe(readFileSync(pkg, 'utf8'));
    writeFileSync(pkg, edited);
    rmSync(out('.msa-gen', 'manifest.json'));
    const forced = await scaffold('--force');
    expect(forced.code).toBe(1);
    expect(forced.err).toContain('conflict: services/application/package.json (exists and msa-gen did not write it)');
    expect(readFileSync(pkg, 'utf8')).toBe(edited);
  });

  it('user-owned files: untouched ones are taken over; an edited one is left as it is, never merged into, and reported', async () => {
    expect((await scaffold()).code).toBe(0);
    const domain = out('services', 'application', 'src', 'domain', 'Application.ts');
    const mine = `// my business rules\n${readFileSync(domain, 'utf8')}`;
    writeFileSync(domain, mine);
    rmSync(out('.msa-gen', 'manifest.json'));
    const again = await scaffold();
    expect(again.code).toBe(0);
    expect(again.out).toContain('note: services/application/src/domain/Application.ts (exists and msa-gen did not write it: left as it is, nothing merged into it)\n');
    addCommandToModel();
    const result = await scaffold();
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'note: services/application/src/domain/Application.ts (exists and msa-gen did not write it: left as it is, nothing merged into it; it lacks handler WithdrawApplication: add them yourself)',
    );
    expect(readFileSync(domain, 'utf8')).toBe(mine);
    const paths = manifestOf(out()).files.map((f) => f.path);
    expect(paths).not.toContain('services/application/src/domain/Application.ts');
    expect(paths).toContain('services/application/src/main.ts');
    expect((await scaffold('--check')).code).toBe(0);
  });
});

describe('--check sees more than the files', () => {
  it('fails when the manifest differs from the one the plan would write (a run stopped before its manifest)', async () => {
    expect((await scaffold()).code).toBe(0);
    const manifest = manifestOf(out());
    manifest.files = manifest.files.filter((f) => f.path !== 'README.md');
    writeFileSync(out('.msa-gen', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const check = await scaffold('--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('stale: .msa-gen/manifest.json (does not record what is on disk)');
    expect((await scaffold()).code).toBe(0);
    expect((await scaffold('--check')).code).toBe(0);
  });

  it('fails on a leftover temporary file; a run never deletes one no journal names, and stops if it is in the way', async () => {
    expect((await scaffold()).code).toBe(0);
    writeFileSync(out('.README.md.msa-gen-tmp'), 'not msa-gen\'s\n');
    const check = await scaffold('--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('leftover: .README.md.msa-gen-tmp (temporary file of an interrupted run)');
    // The same for msa-gen's own: a lock attempt of a killed run.
    writeFileSync(out('.msa-gen', '.lock.4194321.msa-gen-tmp'), '{}');
    expect((await scaffold('--check')).out).toContain('leftover: .msa-gen/.lock.4194321.msa-gen-tmp (temporary file of an interrupted run)');
    // Not in the way (README.md does not change): a note, and the file stays.
    const kept = await scaffold();
    expect(kept.code).toBe(0);
    expect(kept.out).toContain("note: .README.md.msa-gen-tmp: temporary file that no journal names: not msa-gen's to remove");
    // In the way (the model changes README.md): the run stops before writing anything.
    writeFileSync(join(work, 'model.yaml'), minimal.replace(/^ {2}title: (.*)$/m, '  title: $1 (renamed)'));
    const before = snapshot(out());
    const blocked = await scaffold();
    expect(blocked.code).toBe(1);
    expect(blocked.err).toContain('conflict: .README.md.msa-gen-tmp (temporary file that no journal names');
    expect(snapshot(out())).toEqual(before);
    rmSync(out('.README.md.msa-gen-tmp'));
    expect((await scaffold()).code).toBe(0);
    expect((await scaffold('--check')).code).toBe(0);
  });
});

describe('the lock', () => {
  const lockFile = () => out('.msa-gen', 'lock');

  it('a run in progress (live pid on this host) stops a second run, which names the pid and writes nothing', async () => {
    expect((await scaffold()).code).toBe(0);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    onTestFinished(() => {
      holder.kill();
    });
    const pid = holder.pid!;
    writeFileSync(lockFile(), JSON.stringify({ pid, hostname: hostname(), started: '2024-01-02T03:04:05.000Z' }));
    addCommandToModel();
    const before = snapshot(out());
    const second = await scaffold();
    expect(second.code).toBe(1);
    expect(second.err).toContain(`locked by another scaffold run (held by pid ${pid} since 2024-01-02T03:04:05.000Z); nothing written`);
    expect(second.err).toContain('out/.msa-gen/lock');
    expect(snapshot(out())).toEqual(before);
    // --check and --dry-run never take the lock; --check fails while a run is in progress.
    const check = await scaffold('--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('in progress: .msa-gen/lock (a scaffold run is in progress or was interrupted');
    const dry = await scaffold('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('note: .msa-gen/lock: a scaffold run is in progress');
    expect(readFileSync(lockFile(), 'utf8')).toContain(String(pid));
  });

  it('a stale lock (its process is gone) is taken over and released', async () => {
    expect((await scaffold()).code).toBe(0);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lockFile(), JSON.stringify({ pid: gone, hostname: hostname(), started: '2024-01-02T03:04:05.000Z' }));
    expect((await scaffold('--check')).code).toBe(0);
    addCommandToModel();
    const result = await scaffold();
    expect(result.code).toBe(0);
    expect(result.out).toContain(`note: .msa-gen/lock: took over the lock of pid ${gone}`);
    expect(existsSync(lockFile())).toBe(false);
    expect((await scaffold('--check')).code).toBe(0);
  });

  it('two runs of different models started at the same moment: one at a time, never a mix of both', async () => {
    // gov24 and a copy under another platform name: as long to validate and generate, and 236 of
    // their files differ (helm/<name>/ moves), so the runs overlap and a mix would show.
    const gov24 = readFileSync(join(root, 'models', 'gov24.yaml'), 'utf8');
    const models = ['gov24', 'gov25'].map((name) => {
      const text = gov24.replace(/^ {2}name: gov24$/m, `  name: ${name}`);
      expect(text.includes(`  name: ${name}\n`)).toBe(true);
      writeFileSync(join(work, `${name}.yaml`), text);
      return join(work, `${name}.yaml`);
    });
    const child = (model: string) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const p = spawn(process.execPath, [cli, 'scaffold', model, '-o', 'out'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d: Buffer) => (err += d.toString()));
        p.on('close', (code) => resolve({ code, err }));
      });
    const results = await Promise.all(models.map(child));
    for (const r of results) {
      expect([0, 1]).toContain(r.code);
      if (r.code === 1) expect(r.err).toMatch(/locked by another scaffold run \(held by pid \d+ since /);
    }
    const won = models.filter((_, i) => results[i]!.code === 0);
    expect(won.length).toBeGreaterThan(0);
    // The folder is exactly what the successful runs give one after the other, in some order.
    const sequences = won.length === 1 ? [won] : [won, [...won].reverse()];
    const expected = await Promise.all(
      sequences.map(async (sequence, i) => {
        const ref = join(work, `ref${i}`);
        for (const m of sequence) expect(await run(['scaffold', m, '-o', ref], memoryIO(work))).toBe(0);
        return snapshot(ref);
      }),
    );
    expect(expected).toContainEqual(snapshot(out()));
  });
});

describe('dangerous -o', () => {
  it.each([[''], ['/'], ['/..'], ['  ']])('-o %j exits 2 and writes nothing', async (o) => {
    const io = memoryIO(work);
    expect(await run(['scaffold', 'model.yaml', '-o', o], io)).toBe(2);
    expect(io.err()).toMatch(/^msa-gen: -o (needs a folder name|.* is the root of the file system)/);
    expect(readdirSync(work)).toEqual(['model.yaml']);
  });

  it('-o through a symbolic link to the root exits 2 and writes nothing', async () => {
    symlinkSync('/', join(work, 'root'));
    const io = memoryIO(work);
    expect(await run(['scaffold', 'model.yaml', '-o', 'root'], io)).toBe(2);
    expect(io.err()).toBe('msa-gen: -o root leads to the root of the file system; scaffold into a folder of its own\n');
    expect(await run(['scaffold', 'model.yaml', '-o', 'root/.', '--check'], memoryIO(work))).toBe(2);
  });
});

describe('merges into user-owned files', () => {
  const domain = () => out('services', 'application', 'src', 'domain', 'Application.ts');
  const syntaxErrors = (text: string) =>
    (ts.transpileModule(text, { reportDiagnostics: true }).diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  const keepsEveryByte = (inner: string, outer: string) => {
    let i = 0;
    for (let j = 0; j < outer.length && i < inner.length; j++) if (outer[j] === inner[i]) i++;
    return i === inner.length;
  };
  const members = (text: string, name: string) => text.split(/\r?\n/).filter((l) => new RegExp(`^\\s+${name}: `).test(l)).length;

  it.each([
    ['a trailing line comment on the last handler', (t: string) => t.replace(/,\n\};\n?$/, ' // last one, keep me\n};\n')],
    ['CRLF line endings', (t: string) => t.replace(/\r?\n/g, '\r\n')],
    ['the new command named in a comment', (t: string) => t.replace(/\n\};\n?$/, '\n  // TODO WithdrawApplication: later\n};\n')],
  ])('with %s: the merged file parses, has exactly one new stub and every user byte', async (_, edit) => {
    expect((await scaffold()).code).toBe(0);
    const mine = edit(readFileSync(domain(), 'utf8'));
    expect(mine).not.toBe(readFileSync(domain(), 'utf8'));
    writeFileSync(domain(), mine);
    addCommandToModel();
    const result = await scaffold();
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const merged = readFileSync(domain(), 'utf8');
    expect(syntaxErrors(merged)).toEqual([]);
    expect(members(merged, 'WithdrawApplication')).toBe(1);
    expect(keepsEveryByte(mine, merged)).toBe(true);
    if (mine.includes('\r\n')) expect(merged.split('\r\n').length).toBe(merged.split('\n').length);
    expect((await scaffold('--check')).code).toBe(0);
    expect((await scaffold()).out).not.toMatch(/merge/);
  });

  it('refuses to merge into a file that does not parse: exit 1, names the file and the line, writes nothing', async () => {
    expect((await scaffold()).code).toBe(0);
    const broken = readFileSync(domain(), 'utf8').replace(/\n\};\n?$/, '\n  oops(: 1,\n};\n');
    writeFileSync(domain(), broken);
    addCommandToModel();
    const before = snapshot(out());
    const result = await scaffold();
    expect(result.code).toBe(1);
    const line = broken.split('\n').findIndex((l) => l.includes('oops(')) + 1;
    expect(result.err).toMatch(new RegExp(`services/application/src/domain/Application\\.ts:${line}:\\d+: .*does not parse`));
    expect(snapshot(out())).toEqual(before);
  });
});
