/**
 * `msa-gen scaffold` end to end through `run(argv, io)`, on real temporary folders: idempotent
 * regeneration, hand edits kept or refused, --check and --dry-run, confinement, and a model with
 * errors that writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const minimal = readFileSync(join(root, 'test', 'fixtures', 'minimal', 'model.yaml'), 'utf8');

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'msa-gen-scaffold-'));
  writeFileSync(join(work, 'model.yaml'), minimal);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const scaffold = async (...extra: string[]) => {
  const io = memoryIO(work, { NO_COLOR: '1' });
  const code = await run(['scaffold', 'model.yaml', '-o', 'out', ...extra], io);
  return { code, out: io.out(), err: io.err() };
};

/** Every file under a folder with its content hash, sorted. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const domainFile = () => join(work, 'out', 'services', 'application', 'src', 'domain', 'Application.ts');
const generatedFile = () => join(work, 'out', 'services', 'application', 'src', 'generated', 'handlers.ts');

function addCommandToModel(): void {
  const text = readFileSync(join(work, 'model.yaml'), 'utf8').replace(
    '          - name: CancelApplication\n',
    '          - name: WithdrawApplication\n            actor: Citizen\n            http: POST /applications/{applicationId}/withdrawal\n            fields: [applicationId]\n            emits: [ApplicationCancelled]\n          - name: CancelApplication\n',
  );
  writeFileSync(join(work, 'model.yaml'), text);
}

describe('msa-gen scaffold', () => {
  it('writes the platform and a manifest, and a second run changes nothing', async () => {
    const first = await scaffold();
    expect(first.code).toBe(0);
    // The files by artifact family, the count, then the commands to run next.
    expect(first.out).toMatch(/^ {2}services {3}3 services, one per context \(services\/<context>\/\): \d+ files$/m);
    expect(first.out).toMatch(/^ {2}topics {5}10 Strimzi KafkaTopics, events and their DLQs \(kafka\/<namespace>\/\): \d+ files?$/m);
    expect(first.out).toMatch(/^ {2}chart {6}the Helm chart with its values schema \(helm\/permits\/\): \d+ files$/m);
    expect(first.out).toMatch(/^ {2}tests {6}/m);
    expect(first.out).toMatch(/out: \d+ create\nNext:\n {2}cd out && npm install && npm run typecheck && npm test .*\n {2}cd out && npm run dev .*\n$/);
    const counted = [...first.out.matchAll(/: (\d+) files?$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(`${counted} create`, 'every file in one family').toBe(/out: (\d+ create)/.exec(first.out)![1]);
    expect(existsSync(join(work, 'out', '.msa-gen', 'manifest.json'))).toBe(true);
    const before = snapshot(join(work, 'out'));
    const second = await scaffold();
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/out: \d+ unchanged, \d+ skip\n$/);
    expect(snapshot(join(work, 'out'))).toEqual(before);
  });

  it('--check exits 0 when up to date, 1 with a diff after a hand edit; scaffold then refuses and keeps the edit; --force overwrites', async () => {
    expect((await scaffold()).code).toBe(0);
    expect((await scaffold('--check')).code).toBe(0);
    const edited = `${readFileSync(generatedFile(), 'utf8')}// quick fix\n`;
    writeFileSync(generatedFile(), edited);
    const check = await scaffold('--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('edited by hand: services/application/src/generated/handlers.ts');
    expect(check.out).toContain('--- a/services/application/src/generated/handlers.ts');
    expect(check.out).toContain('-// quick fix');
    const refused = await scaffold();
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('conflict: services/application/src/generated/handlers.ts');
    expect(readFileSync(generatedFile(), 'utf8')).toBe(edited);
    const forced = await scaffold('--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(generatedFile(), 'utf8')).not.toContain('// quick fix');
    expect((await scaffold('--check')).code).toBe(0);
  });

  it('keeps a hand edit in a domain file when the model gains a command, and adds the new stub', async () => {
    expect((await scaffold()).code).toBe(0);
    const mine = readFileSync(domainFile(), 'utf8').replace(
      'SubmitApplication: applicationDefaults.SubmitApplication,',
      '// reject blocked citizens first\n  SubmitApplication: applicationDefaults.SubmitApplication,',
    );
    expect(mine).toContain('// reject blocked citizens first');
    writeFileSync(domainFile(), mine);
    addCommandToModel();
    expect((await scaffold('--check')).code).toBe(1);
    const result = await scaffold();
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\d+ merge/);
    const merged = readFileSync(domainFile(), 'utf8');
    expect(merged).toContain('// reject blocked citizens first');
    expect(merged).toContain('WithdrawApplication');
    expect(merged.startsWith(mine.slice(0, mine.lastIndexOf('};')).trimEnd().replace(/,$/, ''))).toBe(true);
    expect((await scaffold('--check')).code).toBe(0);
    expect((await scaffold()).out).toMatch(/unchanged/);
  });

  it('reports a handler whose command left the model, and leaves it in place', async () => {
    addCommandToModel();
    expect((await scaffold()).code).toBe(0);
    writeFileSync(join(work, 'model.yaml'), minimal);
    const result = await scaffold();
    expect(result.code).toBe(0);
    expect(result.out).toContain('handler WithdrawApplication no longer in the model (not deleted)');
    expect(readFileSync(domainFile(), 'utf8')).toContain('WithdrawApplication');
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const result = await scaffold('--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^create {4}\.gitignore$/m);
    expect(result.out).toMatch(/^create {4}services\/application\/src\/domain\/Application\.ts$/m);
    expect(result.out).toMatch(/\(dry run: nothing written\)\n$/);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('writes nothing for a model with errors, and says why with positions', async () => {
    writeFileSync(join(work, 'model.yaml'), minimal.replace('- name: ApplicationSubmitted', '- name: ApplicationSubmit'));
    const result = await scaffold();
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/model\.yaml:\d+:\d+ error MSA103/);
    expect(result.err).toContain('nothing generated');
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('refuses to write through a symbolic link out of the output folder, and writes nothing', async () => {
    const outside = join(work, 'outside');
    mkdirSync(outside);
    mkdirSync(join(work, 'out'));
    symlinkSync(outside, join(work, 'out', 'services'));
    const result = await scaffold();
    expect(result.code).toBe(1);
    expect(result.err).toContain('"services" is a symbolic link');
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(work, 'out'))).toEqual(['services']);
  });

  it('refuses to overwrite a file it did not write', async () => {
    mkdirSync(join(work, 'out'));
    writeFileSync(join(work, 'out', 'README.md'), 'my notes\n');
    const result = await scaffold();
    expect(result.code).toBe(1);
    expect(result.err).toContain('conflict: README.md (exists and msa-gen did not write it)');
    expect(readFileSync(join(work, 'out', 'README.md'), 'utf8')).toBe('my notes\n');
    expect(existsSync(join(work, 'out', 'package.json'))).toBe(false);
  });

  it('removes a generated file the model no longer needs', async () => {
    expect((await scaffold()).code).toBe(0);
    const orphanSchema = join(work, 'out', 'services', 'application', 'src', 'generated', 'schemas', 'RecordIssuanceResult.schema.json');
    expect(existsSync(orphanSchema)).toBe(true);
    const without = minimal
      .replace(/          - name: RecordIssuanceResult\n(            .*\n)+?(?=        events:)/, '')
      .replace(/calls:\n(  .*\n)+/, '');
    writeFileSync(join(work, 'model.yaml'), without.replace(/          - name: IssuanceResultRecorded\n(            .*\n)+?(?=    policies:)/, ''));
    const result = await scaffold();
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\d+ delete/);
    expect(existsSync(orphanSchema)).toBe(false);
  });

  it('exits 2 with one line for usage errors', async () => {
    const io = memoryIO(work);
    expect(await run(['scaffold', 'model.yaml'], io)).toBe(2);
    expect(await run(['scaffold', 'model.yaml', '-o', 'out', '--check', '--dry-run'], memoryIO(work))).toBe(2);
    const missing = memoryIO(work);
    expect(await run(['scaffold', 'nope.yaml', '-o', 'out'], missing)).toBe(2);
    expect(missing.err()).toBe('msa-gen: cannot read nope.yaml: no such file\n');
    writeFileSync(join(work, 'file'), 'x');
    const notDir = memoryIO(work);
    expect(await run(['scaffold', 'model.yaml', '-o', 'file'], notDir)).toBe(2);
    expect(notDir.err()).toContain('exists and is not a folder');
  });

  it('validate loads neither the generators nor ts-morph nor TypeScript (built CLI, child process)', () => {
    const dist = join(root, 'dist', 'cli', 'run.js');
    const script = `
      import { createRequire } from 'node:module';
      const { run } = await import(${JSON.stringify(dist)});
      const io = { cwd: ${JSON.stringify(work)}, env: {}, stdout: { write() {} }, stderr: { write() {} } };
      const code = await run(['validate', 'model.yaml'], io);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /ts-morph|handlebars|[\\/]typescript[\\/]/.test(k));
      console.log(JSON.stringify({ code, loaded }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout.trim())).toEqual({ code: 0, loaded: [] });
  });

  it('--check does not load ts-morph or the TypeScript compiler (built CLI, child process)', () => {
    const dist = join(root, 'dist', 'cli', 'run.js');
    expect(existsSync(dist) && statSync(dist).isFile()).toBe(true);
    const script = `
      import { createRequire } from 'node:module';
      const { run } = await import(${JSON.stringify(dist)});
      const io = { cwd: ${JSON.stringify(work)}, env: {}, stdout: { write() {} }, stderr: { write() {} } };
      await run(['scaffold', 'model.yaml', '-o', 'out'], io);
      const code = await run(['scaffold', 'model.yaml', '-o', 'out', '--check'], io);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /ts-morph|[\\\\/]typescript[\\\\/]/.test(k));
      console.log(JSON.stringify({ code, loaded }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout.trim())).toEqual({ code: 0, loaded: [] });
  });
});
