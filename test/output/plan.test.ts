import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, carriesHeader, generatedFile, userFile, type GeneratedFile } from '../../src/tree/index.js';
import { EMPTY_MANIFEST, sha256, type Manifest } from '../../src/output/manifest.js';
import { createMerger } from '../../src/output/merge.js';
import { changes, conflicts, drift, planOutput, type MergeAction, type Merger, type Plan } from '../../src/output/plan.js';
import { generate } from '../../src/generators/index.js';
import { MINIMAL, modelOf, request } from '../generators/scaffold-support.js';

const merge = (members: string[]) => ({
  kind: 'object-members' as const,
  variable: 'handlers',
  members: members.map((name) => ({ name, text: `  async ${name}(command, ctx) {\n    return defaults.${name}(command, ctx);\n  }` })),
});

const domain = (members: string[]) =>
  userFile('services/app/src/domain/Thing.ts', `export const handlers = {\n${merge(members).members.map((m) => m.text).join(',\n')},\n};\n`, merge(members));

let mergerLoads = 0;
const merger = async (): Promise<Merger> => {
  mergerLoads++;
  return createMerger();
};

async function plan(files: GeneratedFile[], disk: Record<string, string>, manifest: Manifest = EMPTY_MANIFEST, force = false) {
  return planOutput({ files, disk: new Map(Object.entries(disk)), manifest, force, merger });
}

/** The plan's only action, which must be a merge. */
function merged(p: Plan): MergeAction {
  const [action] = p.actions;
  if (action?.kind !== 'merge') throw new Error(`expected one merge, got ${JSON.stringify(p.actions.map((a) => a.kind))}`);
  return action;
}

function manifestOf(files: GeneratedFile[], members?: string[]): Manifest {
  return {
    version: 1,
    files: files.map((f) => ({ path: f.path, ownership: f.ownership, sha256: sha256(f.content), ...(f.merge && members ? { members } : {}) })),
  };
}

describe('planOutput', () => {
  const gen = generatedFile('services/app/src/generated/a.ts', 'export const a = 1;');

  it('creates everything in an empty folder and records hashes', async () => {
    const p = await plan([gen, domain(['submit'])], {});
    expect(p.actions.map((a) => a.kind)).toEqual(['create', 'create']);
    expect(p.manifest.files.find((f) => f.path === gen.path)?.sha256).toBe(sha256(gen.content));
    expect(p.manifest.files.find((f) => f.ownership === 'user-owned')?.members).toEqual(['submit']);
  });

  it('is unchanged when disk equals the generated content', async () => {
    const files = [gen, domain(['submit'])];
    const disk = Object.fromEntries(files.map((f) => [f.path, f.content]));
    const p = await plan(files, disk, manifestOf(files, ['submit']));
    expect(p.actions.map((a) => a.kind)).toEqual(['keep', 'unchanged']);
    expect(drift(p)).toEqual([]);
  });

  it('updates a stale generated file that nobody edited', async () => {
    const old = generatedFile(gen.path, 'export const a = 0;');
    const p = await plan([gen], { [gen.path]: old.content }, manifestOf([old]));
    expect(p.actions[0]).toMatchObject({ kind: 'update', previous: old.content, content: gen.content });
  });

  it('refuses a hand-edited generated file unless forced', async () => {
    const edited = `${gen.content}// my fix\n`;
    const p = await plan([gen], { [gen.path]: edited }, manifestOf([gen]));
    expect(conflicts(p)).toHaveLength(1);
    expect(changes(p).writes).toEqual([]);
    const forced = await plan([gen], { [gen.path]: edited }, manifestOf([gen]), true);
    expect(changes(forced).writes.map((a) => a.path)).toEqual([gen.path]);
  });

  it('refuses to overwrite a file it did not write (no manifest entry, no header)', async () => {
    const p = await plan([gen], { [gen.path]: 'my own file\n' });
    expect(p.actions[0]).toMatchObject({ kind: 'conflict', reason: 'exists and msa-gen did not write it' });
  });

  it('deletes a leftover generated file, keeps a leftover user-owned one', async () => {
    const gone = generatedFile('services/app/src/generated/old.ts', 'x');
    const mine = userFile('services/app/src/policies/Old.ts', 'y');
    const p = await plan([gen], { [gen.path]: gen.content, [gone.path]: gone.content, [mine.path]: mine.content }, manifestOf([gen, gone, mine]));
    expect(p.actions.map((a) => [a.kind, a.path])).toEqual([
      ['unchanged', 'services/app/src/generated/a.ts'],
      ['delete', 'services/app/src/generated/old.ts'],
      ['orphan', 'services/app/src/policies/Old.ts'],
    ]);
  });

  it('never rewrites a user-owned file: keeps the edit, adds the stub of a new command', async () => {
    const before = domain(['submit']);
    const edited = before.content.replace('return defaults.submit(command, ctx);', "if (!command.ok) throw new Error('no');\n    return defaults.submit(command, ctx);");
    const now = domain(['submit', 'cancel']);
    const p = await plan([now], { [now.path]: edited }, manifestOf([before], ['submit']));
    const action = merged(p);
    expect(action).toMatchObject({ kind: 'merge', added: ['cancel'] });
    expect(action.content).toContain("if (!command.ok) throw new Error('no');");
    expect(action.content).toContain('async cancel(command, ctx) {\n    return defaults.cancel(command, ctx);\n  },');
    expect(action.content.startsWith(edited.slice(0, edited.indexOf('},\n};')))).toBe(true);
  });

  it('does not load ts-morph when nothing is missing', async () => {
    const files = [domain(['submit', 'cancel'])];
    mergerLoads = 0;
    await plan(files, { [files[0]!.path]: files[0]!.content }, manifestOf(files, ['submit', 'cancel']));
    expect(mergerLoads).toBe(0);
  });

  it('reports a handler whose command left the model, and does not delete it', async () => {
    const before = domain(['submit', 'cancel']);
    const now = domain(['submit']);
    const p = await plan([now], { [now.path]: before.content }, manifestOf([before], ['submit', 'cancel']));
    expect(p.actions[0]).toMatchObject({ kind: 'keep', stale: ['cancel'] });
    expect(p.manifest.files[0]!.members).toEqual(['submit', 'cancel']);
  });

  it('writes a user-owned file again when it went missing', async () => {
    const f = domain(['submit']);
    const p = await plan([f], {}, manifestOf([f], ['submit']));
    expect(p.actions[0]).toMatchObject({ kind: 'create', content: f.content });
  });

  it('adds the stub of a new command to a user file that only mentions its name in a comment', async () => {
    const before = domain(['submit']);
    const mentioned = before.content.replace('export const handlers = {', 'export const handlers = {\n  // TODO cancel: later\n');
    const now = domain(['submit', 'cancel']);
    const p = await plan([now], { [now.path]: mentioned }, manifestOf([before], ['submit']));
    expect(p.actions[0]).toMatchObject({ kind: 'merge', added: ['cancel'] });
    expect(merged(p).content.match(/async cancel\(/g)).toHaveLength(1);
  });

  it('parses a file that is what msa-gen wrote when the manifest does not record every wanted member', async () => {
    const before = domain(['submit']);
    const now = domain(['submit', 'cancel']);
    mergerLoads = 0;
    const p = await plan([now], { [now.path]: before.content }, manifestOf([before], ['submit']));
    expect(mergerLoads).toBe(1);
    expect(p.actions[0]).toMatchObject({ kind: 'merge', added: ['cancel'] });
    expect(p.manifest.files[0]).toMatchObject({ sha256: sha256(merged(p).content), members: ['submit', 'cancel'] });
  });

  it('records nothing new for an edited user file that lacks nothing (the manifest does not follow user edits)', async () => {
    const f = domain(['submit']);
    const edited = f.content.replace('export const handlers', '// mine\nexport const handlers');
    const p = await plan([f], { [f.path]: edited }, manifestOf([f], ['submit']));
    expect(p.actions[0]).toMatchObject({ kind: 'keep' });
    expect(p.manifest).toEqual(manifestOf([f], ['submit']));
  });

  describe('files msa-gen did not write (no manifest entry)', () => {
    it('takes over a byte-identical file (nothing is lost) and records it', async () => {
      const p = await plan([gen], { [gen.path]: gen.content });
      expect(p.actions[0]).toMatchObject({ kind: 'unchanged' });
      expect(p.manifest.files).toEqual([{ path: gen.path, ownership: 'generated', sha256: sha256(gen.content) }]);
    });

    it('never lets --force overwrite a differing file without the generated header', async () => {
      const p = await plan([gen], { [gen.path]: 'export const a = 2; // mine\n' }, EMPTY_MANIFEST, true);
      expect(p.actions[0]).toMatchObject({ kind: 'conflict', forceable: false, reason: 'exists and msa-gen did not write it' });
      expect(conflicts(p)).toHaveLength(1);
      expect(changes(p).writes).toEqual([]);
      expect(p.manifest.files).toEqual([]);
    });

    it('lets an explicit --force overwrite a differing file that carries the generated header (a lost manifest)', async () => {
      const old = generatedFile(gen.path, 'export const a = 0;');
      const p = await plan([gen], { [gen.path]: old.content });
      expect(p.actions[0]).toMatchObject({ kind: 'conflict', forceable: true });
      expect(conflicts(p)).toHaveLength(1);
      const forced = await plan([gen], { [gen.path]: old.content }, EMPTY_MANIFEST, true);
      expect(conflicts(forced)).toEqual([]);
      expect(changes(forced).writes.map((a) => a.path)).toEqual([gen.path]);
    });

    it('knows its header in every syntax it writes it in, and only as the first line (after a shebang)', () => {
      const all = generate(request(modelOf(MINIMAL)));
      const headed = all.filter((f) => f.ownership === 'generated' && !f.path.endsWith('.json'));
      expect(headed.length).toBeGreaterThan(50);
      expect(headed.filter((f) => !carriesHeader(f.content)).map((f) => f.path)).toEqual([]);
      expect(all.filter((f) => f.ownership === 'user-owned' || f.path.endsWith('.json')).filter((f) => carriesHeader(f.content))).toEqual([]);
      expect(carriesHeader(`#!/bin/sh\n# ${GENERATED_HEADER}\n`)).toBe(true);
      expect(carriesHeader(`// ${GENERATED_HEADER} (not really)\n`)).toBe(false);
    });

    it('does not take a header buried in the text for proof', async () => {
      const p = await plan([gen], { [gen.path]: `line one\nline two\n// ${GENERATED_HEADER}\n` });
      expect(p.actions[0]).toMatchObject({ kind: 'conflict', forceable: false });
    });

    it('never merges into a user-owned file it did not write: reports what it lacks, records nothing', async () => {
      const now = domain(['submit', 'cancel']);
      const mine = domain(['submit']).content.replace('export const handlers', '// written by me\nexport const handlers');
      const p = await plan([now], { [now.path]: mine }, EMPTY_MANIFEST, true);
      expect(p.actions[0]).toMatchObject({ kind: 'foreign', lacks: ['cancel'] });
      expect(changes(p).writes).toEqual([]);
      expect(p.manifest.files).toEqual([]);
      expect(drift(p)).toEqual([]);
    });

    it('treats an entry whose ownership does not match as no entry', async () => {
      const wrong: Manifest = { version: 1, files: [{ path: gen.path, ownership: 'user-owned', sha256: sha256('export const a = 0;\n') }] };
      const p = await plan([gen], { [gen.path]: 'export const a = 0;\n' }, wrong, true);
      expect(p.actions[0]).toMatchObject({ kind: 'conflict', forceable: false });
    });
  });

  it('never deletes a leftover generated file edited by hand, not even with --force: it leaves the manifest instead', async () => {
    const gone = generatedFile('services/app/src/generated/old.ts', 'x');
    const p = await plan([gen], { [gen.path]: gen.content, [gone.path]: `${gone.content}// mine\n` }, manifestOf([gen, gone]), true);
    expect(p.actions.find((a) => a.path === gone.path)).toMatchObject({ kind: 'conflict', forceable: true, forget: true });
    expect(changes(p).writes).toEqual([]);
    expect(changes(p).deletes).toEqual([]);
    expect(p.manifest.files.map((f) => f.path)).toEqual([gen.path]);
  });

  it('records, for every path it writes, the hash of exactly what it writes (the journal takes it from there)', async () => {
    const stale = generatedFile('services/app/src/generated/b.ts', 'export const b = 1;');
    const edited = generatedFile('services/app/src/generated/c.ts', 'export const c = 1;');
    const lost = userFile('services/app/src/policies/Lost.ts', 'export const lost = 1;');
    const before = domain(['submit']);
    const files = [gen, stale, edited, lost, domain(['submit', 'cancel'])];
    const disk = { [stale.path]: 'export const b = 0;\n', [edited.path]: 'export const c = 2;\n', [before.path]: before.content };
    const manifest: Manifest = {
      version: 1,
      files: [
        { path: stale.path, ownership: 'generated', sha256: sha256(disk[stale.path]!) },
        { path: edited.path, ownership: 'generated', sha256: sha256('export const c = 0;\n') },
        { path: lost.path, ownership: 'user-owned', sha256: sha256(lost.content) },
        { path: before.path, ownership: 'user-owned', sha256: sha256(before.content), members: ['submit'] },
      ],
    };
    const p = await plan(files, disk, manifest, true);
    const { writes } = changes(p);
    expect(writes.map((a) => a.kind).sort()).toEqual(['conflict', 'create', 'create', 'merge', 'update']);
    for (const a of writes) expect(p.manifest.files.find((f) => f.path === a.path)?.sha256, a.path).toBe(sha256(a.content));
  });

  it('refuses a generated path outside the shapes msa-gen owns (a generator bug)', async () => {
    await expect(plan([generatedFile('NOTES.md', 'x')], {})).rejects.toThrow(/"NOTES\.md" is not a path msa-gen ever writes/);
  });
});

describe('pristine user-owned files (the manifest says the generators wrote every byte)', () => {
  const pristine = (files: GeneratedFile[], members: string[]): Manifest => ({
    version: 1,
    files: manifestOf(files, members).files.map((f) => ({ ...f, pristine: true as const })),
  });

  it('records a created or taken-over file with members as pristine, and nothing else', async () => {
    const gen = generatedFile('services/app/src/generated/a.ts', 'export const a = 1;');
    const main = userFile('services/app/src/main.ts', 'start();\n');
    const created = await plan([gen, main, domain(['submit'])], {});
    expect(created.manifest.files.map((f) => [f.path, f.pristine])).toEqual([
      [gen.path, undefined],
      [main.path, undefined],
      [domain([]).path, true],
    ]);
    const f = domain(['submit']);
    const taken = await plan([f], { [f.path]: f.content });
    expect(taken.actions[0]).toMatchObject({ kind: 'keep' });
    expect(taken.manifest).toEqual(pristine([f], ['submit']));
  });

  it('replaces an unedited pristine file with the fresh content without parsing it: what the merge gives, and pristine again', async () => {
    const before = domain(['submit']);
    const now = domain(['submit', 'cancel']);
    mergerLoads = 0;
    const p = await plan([now], { [now.path]: before.content }, pristine([before], ['submit']));
    expect(mergerLoads).toBe(0);
    expect(merged(p)).toMatchObject({ added: ['cancel'], content: now.content, previous: before.content });
    expect(p.manifest).toEqual(pristine([now], ['submit', 'cancel']));
    // The syntax tree's merge of the same file gives these very bytes (the new member goes last).
    const parsed = await plan([now], { [now.path]: before.content }, manifestOf([before], ['submit']));
    expect(mergerLoads).toBe(1);
    expect(merged(parsed).content).toBe(now.content);
  });

  it('parses a pristine entry whose file was edited: the edit stays, and the merge result is no longer pristine', async () => {
    const before = domain(['submit']);
    const edited = before.content.replace('return defaults.submit(command, ctx);', 'return mine(command);');
    const now = domain(['submit', 'cancel']);
    mergerLoads = 0;
    const p = await plan([now], { [now.path]: edited }, pristine([before], ['submit']));
    expect(mergerLoads).toBe(1);
    expect(merged(p).content).toContain('return mine(command);');
    expect(p.manifest.files[0]).toEqual({ path: now.path, ownership: 'user-owned', sha256: sha256(merged(p).content), members: ['submit', 'cancel'] });
  });

  it('parses a pristine file when a member left the model: its handler stays and is reported', async () => {
    const before = domain(['submit', 'cancel']);
    const now = domain(['submit', 'approve']);
    mergerLoads = 0;
    const p = await plan([now], { [now.path]: before.content }, pristine([before], ['submit', 'cancel']));
    expect(mergerLoads).toBe(1);
    expect(merged(p)).toMatchObject({ added: ['approve'], stale: ['cancel'] });
    expect(merged(p).content).toContain('async cancel(');
  });
});
