/**
 * The output stage under a changing folder and interrupted runs, deterministically: an OutputFs
 * wrapper swaps a folder for a symlink between plan and write, or "dies" at a chosen operation
 * (every later call fails, nothing is cleaned up, the lock stays: what a kill leaves). The next
 * plain run must complete the folder; --check must never say up to date before it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost, nodeOutputFs } from '../../src/cli/node-fs.js';
import { run } from '../../src/cli/run.js';
import { version } from '../../src/cli/version.js';
import { generate } from '../../src/generators/index.js';
import type { GeneratedFile } from '../../src/tree/index.js';
import type { HostInfo, OutputFs } from '../../src/output/fs-port.js';
import { createMerger } from '../../src/output/merge.js';
import { runOutputStage } from '../../src/core/stage.js';
import { MINIMAL, modelOf, request } from '../generators/scaffold-support.js';
import { memoryIO } from '../support/io.js';
import { snapshot } from '../support/snapshot.js';

let work: string;
const models: Record<'a' | 'b', string> = { a: '', b: '' };
const files: Record<'a' | 'b', GeneratedFile[]> = { a: [], b: [] };
/** Folder states after a clean run: a, then b on top of a (and a again on top of that). */
const states: Record<'a' | 'ab' | 'aba', string> = { a: '', ab: '', aba: '' };

const minimal = readFileSync(MINIMAL, 'utf8');
/** b: the minimal model with one more command (a merge into a domain file, new and changed generated files). */
const withCommand = minimal.replace(
  '          - name: CancelApplication\n',
  '          - name: WithdrawApplication\n            actor: Citizen\n            http: POST /applications/{applicationId}/withdrawal\n            fields: [applicationId]\n            emits: [ApplicationCancelled]\n          - name: CancelApplication\n',
);

const cli = async (model: 'a' | 'b', dir: string, ...extra: string[]) => {
  const io = memoryIO(work, { NO_COLOR: '1' });
  const code = await run(['scaffold', models[model], '-o', dir, ...extra], io);
  return { code, out: io.out(), err: io.err() };
};

const temps = (dir: string) => Object.keys(snapshot(dir)).filter((p) => p.endsWith('.msa-gen-tmp'));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'msa-gen-stage-'));
  models.a = join(work, 'a.yaml');
  models.b = join(work, 'b.yaml');
  writeFileSync(models.a, minimal);
  expect(withCommand).not.toBe(minimal);
  writeFileSync(models.b, withCommand);
  files.a = generate(request(modelOf(MINIMAL), version()));
  writeFileSync(join(work, 'b-model.yaml'), withCommand);
  files.b = generate(request(modelOf(join(work, 'b-model.yaml')), version()));
  for (const [name, sequence] of [['a', ['a']], ['ab', ['a', 'b']], ['aba', ['a', 'b', 'a']]] as const) {
    states[name] = join(work, `state-${name}`);
    for (const m of sequence) expect((await cli(m, states[name])).code).toBe(0);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

class Killed extends Error {}

/** The real file system until operation `at` (counting operations that change something), then nothing works. */
function dyingFs(inner: OutputFs, at: number): { fs: OutputFs; ops: string[] } {
  const ops: string[] = [];
  let dead = false;
  const guard = <A extends unknown[], R>(name: string, f: (...args: A) => Promise<R>, mutates: boolean) => async (...args: A): Promise<R> => {
    if (dead) throw new Killed('dead');
    if (mutates) {
      ops.push(`${name} ${args.filter((a) => typeof a === 'string' && !a.includes('\n')).join(' ')}`);
      if (ops.length === at) {
        dead = true;
        throw new Killed(`killed at ${ops.at(-1)}`);
      }
    }
    return f(...args);
  };
  const fs: OutputFs = {
    kind: guard('kind', inner.kind, false),
    read: guard('read', inner.read, false),
    list: guard('list', inner.list, false),
    makeDir: guard('makeDir', inner.makeDir, true),
    removeDir: guard('removeDir', inner.removeDir, true),
    createFile: guard('createFile', inner.createFile, true),
    link: guard('link', inner.link, true),
    rename: guard('rename', inner.rename, true),
    remove: guard('remove', inner.remove, true),
    syncDir: guard('syncDir', inner.syncDir, false),
  };
  return { fs, ops };
}

/** A host whose process is gone as soon as it is "killed": its lock is stale for the next run. */
const killedHost: HostInfo = { pid: 2 ** 22 + 17, hostname: hostname(), isAlive: () => true, now: () => new Date(0) };

const stage = (fs: OutputFs, model: 'a' | 'b', mode: 'write' | 'check' = 'write') =>
  runOutputStage({ fs, host: killedHost, files: files[model], mode, force: false, folderExisted: true, merger: async () => createMerger() });

describe('interrupted runs (a simulated kill at every operation)', () => {
  for (const [from, model, to] of [['a', 'b', 'ab'], ['ab', 'a', 'aba']] as const) {
    it(`${from} → ${to}: the next plain run completes the folder; --check is never up to date before it`, async () => {
      // How many operations does the whole run take?
      const probe = join(work, `probe-${to}`);
      cpSync(states[from], probe, { recursive: true });
      const counted = dyingFs(nodeOutputFs(probe), Number.POSITIVE_INFINITY);
      expect((await stage(counted.fs, model)).status).toBe('planned');
      const reference = snapshot(states[to]);
      expect(snapshot(probe)).toEqual(reference);
      const total = counted.ops.length;
      expect(total).toBeGreaterThan(10);
      expect(counted.ops.some((o) => o.startsWith('rename') && o.includes('domain/Application.ts'))).toBe(model === 'b');

      for (let at = 1; at <= total; at++) {
        const dir = join(work, `kill-${to}-${at}`);
        cpSync(states[from], dir, { recursive: true });
        const dying = dyingFs(nodeOutputFs(dir), at);
        // A kill throws out of the stage, or (during the renames) ends it as an aborted run.
        const outcome = await stage(dying.fs, model).catch((error: unknown) => {
          if (error instanceof Killed) return 'killed' as const;
          throw error;
        });
        expect(outcome === 'killed' || outcome.status === 'aborted', `outcome after a kill at ${dying.ops.at(-1)}`).toBe(true);
        const consistent = JSON.stringify(snapshot(dir)) === JSON.stringify(reference);
        const check = await cli(model, dir, '--check');
        expect(check.code, `--check after a kill at ${dying.ops.at(-1)}: ${check.out}`).toBe(consistent ? 0 : 1);
        const repair = await cli(model, dir);
        expect(repair.code, `repair after a kill at ${dying.ops.at(-1)}: ${repair.err}`).toBe(0);
        expect(snapshot(dir), `after a kill at ${dying.ops.at(-1)}`).toEqual(reference);
        expect(existsSync(join(dir, '.msa-gen', 'lock'))).toBe(false);
        // (So --check passes now: the folder is byte for byte the reference, which passes it.)
        expect(temps(dir)).toEqual([]);
        rmSync(dir, { recursive: true, force: true });
      }
      // One whole scaffold plus a check and a repair per operation: minutes on a loaded 2-core machine.
    }, 180_000);
  }
});

describe('recovery', () => {
  it('completes a journal whose temporary file was in a folder that is gone, and forgets what never got written', async () => {
    const dir = join(work, 'gone-folder');
    cpSync(states.a, dir, { recursive: true });
    const path = 'services/newcontext/src/generated/x.ts';
    const newEntry = { path, ownership: 'generated', sha256: createHash('sha256').update('x').digest('hex') };
    const journal = { version: 1, ops: [{ path, temp: 'services/newcontext/src/generated/.x.ts.msa-gen-tmp', previousSha256: null, newSha256: newEntry.sha256, previousEntry: null, newEntry }] };
    writeFileSync(join(dir, '.msa-gen', 'journal.json'), JSON.stringify(journal));
    const check = await cli('a', dir, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('interrupted: .msa-gen/journal.json');
    const result = await cli('a', dir);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('note: completed an interrupted run: 1 file it had started to change');
    expect(snapshot(dir)).toEqual(snapshot(states.a));
  });

  it('refuses a journal that names a file outside what msa-gen owns, and deletes nothing', async () => {
    const dir = join(work, 'bad-journal');
    cpSync(states.a, dir, { recursive: true });
    writeFileSync(join(dir, 'NOTES.md'), 'mine');
    writeFileSync(join(dir, '.NOTES.md.msa-gen-tmp'), 'mine too');
    const entry = { path: 'NOTES.md', ownership: 'generated', sha256: createHash('sha256').update('mine').digest('hex') };
    const journal = { version: 1, ops: [{ path: 'NOTES.md', temp: '.NOTES.md.msa-gen-tmp', previousSha256: entry.sha256, newSha256: null, previousEntry: entry, newEntry: null }] };
    writeFileSync(join(dir, '.msa-gen', 'journal.json'), JSON.stringify(journal));
    const result = await cli('a', dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('.msa-gen/journal.json, operation 1, previousEntry: "NOTES.md" is not a path msa-gen ever writes');
    expect(readFileSync(join(dir, 'NOTES.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, '.NOTES.md.msa-gen-tmp'), 'utf8')).toBe('mine too');
  });
});

describe('confinement at write time', () => {
  /** Swaps `folder` for a symlink to an empty folder outside, the first time `when` says so. */
  function swapping(root: string, folder: string, outside: string, when: (op: string, path: string) => boolean): OutputFs {
    const inner = nodeOutputFs(root);
    let swapped = false;
    const swap = () => {
      if (swapped) return;
      swapped = true;
      renameSync(join(root, folder), join(outside, 'real'));
      mkdirSync(join(outside, 'evil'));
      symlinkSync(join(outside, 'evil'), join(root, folder));
    };
    return {
      ...inner,
      async createFile(path, content, options) {
        if (when('createFile', path)) swap();
        return inner.createFile(path, content, options);
      },
      async rename(from, to) {
        if (when('rename', to)) swap();
        return inner.rename(from, to);
      },
    };
  }
  const restore = (root: string, folder: string, outside: string) => {
    rmSync(join(root, folder));
    renameSync(join(outside, 'real'), join(root, folder));
  };
  const folder = 'services/application/src/domain';

  it.each([
    ['between plan and write (when the journal is written)', (op: string, path: string) => op === 'createFile' && path.startsWith('.msa-gen/.journal')],
    ['between the temporary files and the renames', (op: string, path: string) => op === 'rename' && path.startsWith('services/')],
  ])('a folder swapped for a symlink %s: nothing goes through it, and the next run recovers', async (_, when) => {
    const dir = join(work, 'swap');
    const outside = join(work, 'outside');
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
    mkdirSync(outside);
    cpSync(states.a, dir, { recursive: true });
    const outcome = await runOutputStage({
      fs: swapping(dir, folder, outside, when),
      host: nodeHost(),
      files: files.b,
      mode: 'write',
      force: false,
      folderExisted: true,
      merger: async () => createMerger(),
    });
    expect(outcome.status).toBe('aborted');
    expect(outcome.status === 'aborted' && outcome.message).toMatch(/"services\/application\/src\/domain" is a symbolic link; refusing|writing failed/);
    expect(readdirSync(join(outside, 'evil'))).toEqual([]);
    expect(existsSync(join(dir, '.msa-gen', 'lock'))).toBe(false);
    // While the symlink is there, every run refuses it.
    expect((await cli('b', dir)).err).toContain('"services/application/src/domain" is a symbolic link');
    restore(dir, folder, outside);
    expect((await cli('b', dir, '--check')).code).toBe(1);
    const repaired = await cli('b', dir);
    expect(repaired.code).toBe(0);
    expect(snapshot(dir)).toEqual(snapshot(states.ab));
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(join(outside, 'evil'))).toEqual([]);
  });
});
