/**
 * The core's `scaffold(request)` called as a function, on an output folder in memory: write,
 * check and dry-run of the same request plan the same actions; only the last step differs.
 * No CLI, no disk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { driftCount, scaffold, type OutputMode, type ScaffoldOutcome, type ScaffoldRequest } from '../../src/core/scaffold.js';
import { createMerger } from '../../src/output/merge.js';
import type { Merger } from '../../src/output/plan.js';
import { MINIMAL, templates } from '../generators/scaffold-support.js';
import { MemoryFolder } from './memory-fs.js';

const minimal = readFileSync(MINIMAL, 'utf8');
/** The minimal model with one more command: new and changed generated files, a stub for the domain file. */
const withCommand = minimal.replace(
  '          - name: CancelApplication\n',
  '          - name: WithdrawApplication\n            actor: Citizen\n            http: POST /applications/{applicationId}/withdrawal\n            fields: [applicationId]\n            emits: [ApplicationCancelled]\n          - name: CancelApplication\n',
);
const HANDLERS = 'services/application/src/generated/handlers.ts';
const DOMAIN = 'services/application/src/domain/Application.ts';

function request(folder: MemoryFolder, mode: OutputMode, extra: Partial<ScaffoldRequest> = {}): ScaffoldRequest {
  return { model: { file: 'model.yaml', input: minimal }, folder, mode, templates: () => templates, toolVersion: '0.0.0-test', ...extra };
}

type Planned = Extract<ScaffoldOutcome, { status: 'planned' }>;

function planned(outcome: ScaffoldOutcome): Planned {
  if (outcome.status !== 'planned') throw new Error(`expected a plan, got ${outcome.status}: ${'message' in outcome ? outcome.message : ''}`);
  return outcome;
}

/** The three modes, one after another, on the same folder and request. */
async function allModes(folder: MemoryFolder, extra: Partial<ScaffoldRequest> = {}) {
  const dryRun = planned(await scaffold(request(folder, 'dry-run', extra)));
  const check = planned(await scaffold(request(folder, 'check', extra)));
  const write = planned(await scaffold(request(folder, 'write', extra)));
  return { dryRun, check, write };
}

const lines = (o: Planned) => o.plan.actions.map((a) => `${a.kind} ${a.path}`);

describe('scaffold(request)', () => {
  it('plans the same actions in every mode; only write writes, and then the folder holds exactly the plan', async () => {
    const folder = new MemoryFolder();
    const dryRun = planned(await scaffold(request(folder, 'dry-run')));
    const check = planned(await scaffold(request(folder, 'check')));
    expect(folder.changes).toEqual([]);
    expect(folder.calls).toEqual(['exists', 'exists']);
    const write = planned(await scaffold(request(folder, 'write')));
    expect(folder.calls).toEqual(['exists', 'exists', 'exists', 'make']);

    expect(lines(dryRun)).toEqual(lines(write));
    expect(lines(check)).toEqual(lines(write));
    expect(new Set(write.plan.actions.map((a) => a.kind))).toEqual(new Set(['create']));
    expect(dryRun.plan.manifest).toEqual(write.plan.manifest);
    expect([dryRun.written, check.written, write.written]).toEqual([false, false, true]);
    // --check of a missing folder: every file is missing, and so is the manifest.
    expect(driftCount(check)).toBe(check.plan.actions.length + 1);

    const written = folder.files();
    const expected: Record<string, string> = {};
    for (const a of write.plan.actions) if (a.kind === 'create') expected[a.path] = a.content;
    const { ['.msa-gen/manifest.json']: manifest, ...rest } = written;
    expect(rest).toEqual(expected);
    expect(JSON.parse(manifest ?? '{}')).toEqual(JSON.parse(JSON.stringify(write.plan.manifest)));
    expect([...folder.entries.keys()].filter((p) => p.endsWith('.msa-gen-tmp') || p === '.msa-gen/lock')).toEqual([]);
  });

  it('on a folder it wrote: every mode plans the same no-op, --check finds nothing, write changes no file', async () => {
    const folder = new MemoryFolder();
    planned(await scaffold(request(folder, 'write')));
    const before = folder.files();
    const { dryRun, check, write } = await allModes(folder);
    expect(lines(dryRun)).toEqual(lines(write));
    expect(lines(check)).toEqual(lines(write));
    expect(new Set(write.plan.actions.map((a) => a.kind))).toEqual(new Set(['unchanged', 'keep']));
    expect(driftCount(check)).toBe(0);
    expect(folder.files()).toEqual(before);
  });

  it('a model that gained a command: the same update and merge in every mode, written once', async () => {
    const folder = new MemoryFolder();
    planned(await scaffold(request(folder, 'write')));
    const { dryRun, check, write } = await allModes(folder, { model: { file: 'model.yaml', input: withCommand } });
    expect(lines(dryRun)).toEqual(lines(write));
    expect(lines(check)).toEqual(lines(write));
    expect(lines(write)).toContain(`merge ${DOMAIN}`);
    expect(lines(write)).toContain(`update ${HANDLERS}`);
    // Besides the files, --check sees that the manifest no longer records what the model wants.
    expect(check.drift).toEqual([{ what: 'stale', path: '.msa-gen/manifest.json', detail: 'does not record what is on disk' }]);
    expect(driftCount(check)).toBe(write.plan.actions.filter((a) => a.kind !== 'unchanged' && a.kind !== 'keep').length + 1);
    expect(folder.files()[DOMAIN]).toContain('WithdrawApplication');
    expect(driftCount(planned(await scaffold(request(folder, 'check', { model: { file: 'model.yaml', input: withCommand } }))))).toBe(0);
  });

  it('a hand edit: --check and --dry-run report the conflict the write refuses; --force overwrites it', async () => {
    const folder = new MemoryFolder();
    planned(await scaffold(request(folder, 'write')));
    const edited = `${folder.files()[HANDLERS]}// quick fix\n`;
    folder.put(HANDLERS, edited);
    const before = folder.files();
    const { dryRun, check, write } = await allModes(folder);
    for (const o of [dryRun, check, write]) {
      expect(o.blocked).toEqual([{ path: HANDLERS, reason: 'edited by hand since msa-gen wrote it', forceable: true }]);
      expect(o.plan.actions.find((a) => a.path === HANDLERS)).toMatchObject({ kind: 'conflict', forceable: true, previous: edited });
    }
    expect(driftCount(check)).toBe(1);
    expect(write.written).toBe(false);
    expect(folder.files()).toEqual(before);

    const forced = planned(await scaffold(request(folder, 'write', { force: true })));
    expect(forced.written).toBe(true);
    expect(folder.files()[HANDLERS]).not.toContain('// quick fix');
    expect(driftCount(planned(await scaffold(request(folder, 'check'))))).toBe(0);
  });

  it('loads the merger only when a user-owned file must be parsed', async () => {
    let loads = 0;
    const merger = async (): Promise<Merger> => {
      loads++;
      return createMerger();
    };
    const folder = new MemoryFolder();
    await allModes(folder, { merger });
    await allModes(folder, { merger });
    expect(loads).toBe(0);
    folder.put(DOMAIN, folder.files()[DOMAIN]!.replace('export const', '// mine\nexport const'));
    await scaffold(request(folder, 'check', { merger, model: { file: 'model.yaml', input: withCommand } }));
    expect(loads).toBe(1);
  });
});

describe('what stops scaffold', () => {
  it('a model with errors: its findings, and neither the folder nor the templates are touched', async () => {
    const folder = new MemoryFolder();
    const outcome = await scaffold(
      request(folder, 'write', {
        model: { file: 'bad.yaml', input: minimal.replace('name: SubmitApplication', 'name: submit_application') },
        templates: () => {
          throw new Error('templates read for a model with errors');
        },
      }),
    );
    expect(outcome.status).toBe('invalid');
    expect(outcome.findings.errors).toBeGreaterThan(0);
    expect(outcome.findings.valid).toBeUndefined();
    expect(outcome.findings.diagnostics.every((d) => d.file === 'bad.yaml')).toBe(true);
    expect(folder.calls).toEqual([]);
  });

  it("the folder's own refusal (the CLI's: a file, the root) stops the run before anything is generated", async () => {
    const folder = new MemoryFolder();
    folder.exists = async () => {
      throw new Error('out exists and is not a folder');
    };
    let loaded = false;
    const templatesRead = () => {
      loaded = true;
      return templates;
    };
    await expect(scaffold(request(folder, 'write', { templates: templatesRead }))).rejects.toThrow('out exists and is not a folder');
    expect(loaded).toBe(false);
    expect(folder.changes).toEqual([]);
  });

  it('a lock held by a live run: write is locked and reads nothing; --check reports a run in progress; a stale lock is taken over', async () => {
    const folder = new MemoryFolder();
    planned(await scaffold(request(folder, 'write')));
    const lock = `${JSON.stringify({ pid: 77, hostname: 'memory', started: '2024-01-01T00:00:00.000Z' })}\n`;
    folder.put('.msa-gen/lock', lock);
    folder.alive.add(77);
    const locked = await scaffold(request(folder, 'write'));
    expect(locked).toMatchObject({ status: 'locked', message: 'held by pid 77 since 2024-01-01T00:00:00.000Z' });
    const check = planned(await scaffold(request(folder, 'check')));
    expect(check.drift).toEqual([{ what: 'in progress', path: '.msa-gen/lock', detail: 'a scaffold run is in progress or was interrupted: held by pid 77 since 2024-01-01T00:00:00.000Z' }]);
    expect(driftCount(check)).toBe(1);
    expect(folder.files()['.msa-gen/lock']).toBe(lock);

    folder.alive.delete(77);
    const taken = planned(await scaffold(request(folder, 'write')));
    expect(taken.notes).toEqual(['.msa-gen/lock: took over the lock of pid 77 (started 2024-01-01T00:00:00.000Z), which is gone']);
    expect(folder.files()['.msa-gen/lock']).toBeUndefined();
  });

  it('a manifest naming a file msa-gen never writes is refused in every mode, and nothing is written', async () => {
    const folder = new MemoryFolder({
      '.git/config': '[core]\n',
      '.msa-gen/manifest.json': JSON.stringify({ version: 1, files: [{ path: '.git/config', ownership: 'generated', sha256: '0'.repeat(64) }] }),
    });
    const before = folder.files();
    for (const mode of ['write', 'check', 'dry-run'] as const) {
      const outcome = await scaffold(request(folder, mode));
      expect(outcome).toMatchObject({ status: 'refused', message: '.msa-gen/manifest.json, entry 1: ".git/config" is not a path msa-gen ever writes' });
    }
    // Only the write took (and released) the lock before it read the manifest.
    expect(folder.changes.filter((c) => !/ \.msa-gen\/(lock|\.lock\.4242\.msa-gen-tmp)$/.test(c))).toEqual([]);
    expect(folder.changes).toContain('remove .msa-gen/lock');
    expect(folder.files()).toEqual(before);
  });

  it('a write that ends without writing undoes the folder it made; one that wrote keeps it', async () => {
    const absent = new MemoryFolder();
    absent.put(HANDLERS, 'mine\n'); // not msa-gen's: a conflict even --force does not override
    absent.present = false;
    const refused = planned(await scaffold(request(absent, 'write', { force: true })));
    expect(refused.written).toBe(false);
    expect(absent.calls).toEqual(['exists', 'make', 'undo']);

    const fresh = new MemoryFolder();
    planned(await scaffold(request(fresh, 'write')));
    expect(fresh.calls).toEqual(['exists', 'make']);
  });
});
