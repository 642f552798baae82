/**
 * The renames run folder by folder: the folders on the way are checked once per folder, then its
 * files are renamed back to back. A folder swapped for a symlink before a folder's turn is
 * refused by name, as when every rename was checked on its own; swapped between two renames in
 * the same folder, nothing goes through it either (the temporary files are not where the symlink
 * points), the run stops, and the next run completes the folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost, nodeOutputFs } from '../../src/cli/node-fs.js';
import { version } from '../../src/cli/version.js';
import { runOutputStage } from '../../src/core/stage.js';
import { generate } from '../../src/generators/index.js';
import type { OutputFs } from '../../src/output/fs-port.js';
import { createMerger } from '../../src/output/merge.js';
import type { GeneratedFile } from '../../src/tree/index.js';
import { MINIMAL, modelOf, request } from '../generators/scaffold-support.js';
import { snapshot } from '../support/snapshot.js';

let work: string;
let files: GeneratedFile[];
let clean: string;
/** A folder at least three deep with at least two files, and those files in path order. */
let folder: string;
let inFolder: string[];
/** The order of the renames: folder by folder (in the order of their first path), each folder's files in path order. */
let renames: string[];

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
const stage = (fs: OutputFs) => runOutputStage({ fs, host: nodeHost(), files, mode: 'write', force: false, folderExisted: true, merger: async () => createMerger() });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'msa-gen-apply-swap-'));
  files = generate(request(modelOf(MINIMAL), version()));
  const paths = files.map((f) => f.path).sort();
  folder = paths.map(folderOf).find((f) => f.split('/').length >= 3 && paths.filter((p) => folderOf(p) === f).length >= 2)!;
  inFolder = paths.filter((p) => folderOf(p) === folder);
  const order = [...new Set(paths.map((p) => (p.includes('/') ? folderOf(p) : '')))];
  renames = order.flatMap((f) => paths.filter((p) => (p.includes('/') ? folderOf(p) : '') === f));
  clean = join(work, 'clean');
  mkdirSync(clean);
  expect((await stage(nodeOutputFs(clean))).status).toBe('planned');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Swaps the folder `swapped` for a symlink (to an empty folder, or to itself moved out), in the rename onto `at`. */
function swapping(root: string, at: string, target: 'evil' | 'real', outside: string, swapped: string): OutputFs {
  const inner = nodeOutputFs(root);
  let done = false;
  return {
    ...inner,
    async rename(from, to) {
      if (to === at && !done) {
        done = true;
        renameSync(join(root, swapped), join(outside, 'real'));
        mkdirSync(join(outside, 'evil'));
        symlinkSync(join(outside, target), join(root, swapped));
      }
      return inner.rename(from, to);
    },
  };
}

describe('renames folder by folder under a swapped folder', () => {
  let n = 0;
  const setUp = () => {
    const dir = join(work, `out-${++n}`);
    const outside = join(work, `outside-${n}`);
    mkdirSync(dir);
    mkdirSync(outside);
    return { dir, outside };
  };
  const recovers = async (dir: string, outside: string, swapped: string) => {
    rmSync(join(dir, swapped));
    renameSync(join(outside, 'real'), join(dir, swapped));
    expect((await stage(nodeOutputFs(dir))).status).toBe('planned');
    expect(snapshot(dir)).toEqual(snapshot(clean));
    expect(Object.keys(snapshot(dir)).filter((p) => p.endsWith('.msa-gen-tmp'))).toEqual([]);
  };

  for (const depth of ['the folder itself', 'a folder above it'] as const) {
    const swappedOf = () => (depth === 'the folder itself' ? folder : folder.split('/').slice(0, 2).join('/'));

    it(`${depth}, swapped before the folder's turn: refused by name, nothing goes through it`, async () => {
      const { dir, outside } = setUp();
      const swapped = swappedOf();
      // Swapped in the last rename outside the swapped folder before the folder's turn.
      const before = renames.slice(0, renames.indexOf(inFolder[0]!)).filter((p) => !p.startsWith(`${swapped}/`)).at(-1)!;
      expect(before).toBeDefined();
      const outcome = await stage(swapping(dir, before, 'evil', outside, swapped));
      expect(outcome.status).toBe('aborted');
      expect(outcome.status === 'aborted' && outcome.message).toContain(`"${swapped}" is a symbolic link; refusing to write through it`);
      expect(readdirSync(join(outside, 'evil'))).toEqual([]);
      await recovers(dir, outside, swapped);
    });

    for (const target of ['evil', 'real'] as const) {
      it(`${depth}, swapped between two renames in the folder (symlink to ${target === 'evil' ? 'an empty folder' : 'the folder moved out'}): nothing of the run lands outside but what was already there`, async () => {
        const { dir, outside } = setUp();
        const swapped = swappedOf();
        const outcome = await stage(swapping(dir, inFolder[1]!, target, outside, swapped));
        // The empty folder the symlink points to gets nothing: the rename finds no temporary file there.
        expect(readdirSync(join(outside, 'evil'))).toEqual([]);
        if (target === 'evil') {
          expect(outcome.status).toBe('aborted');
          expect(outcome.status === 'aborted' && outcome.message).toMatch(/writing failed|is a symbolic link/);
        } else {
          // Through a symlink to the folder it came from, a rename stays within that folder: the
          // files moved out are ours, renamed in place; nothing else outside changed.
          const ours = new Set(files.filter((f) => f.path.startsWith(`${swapped}/`)).map((f) => f.path.slice(swapped.length + 1)));
          const moved = Object.keys(snapshot(join(outside, 'real')));
          expect(moved.length).toBeGreaterThan(0);
          expect(moved.filter((p) => !ours.has(p) && !p.endsWith('.msa-gen-tmp'))).toEqual([]);
        }
        expect(existsSync(join(dir, '.msa-gen', 'lock'))).toBe(false);
        await recovers(dir, outside, swapped);
      });
    }
  }
});
