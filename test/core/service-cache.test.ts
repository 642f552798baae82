/**
 * scaffold's reuse of unchanged services (src/core/service-cache.ts), on output folders in memory.
 *
 * The differential property: a folder scaffolded run after run with the service record ends up
 * byte for byte like one scaffolded without it (files and manifest), whatever the model's edits
 * between runs (commands, fields, events, policies, sagas, names, platform settings added,
 * removed or renamed). And the cases a record must not hide: a generated file of a skipped
 * service edited or deleted is reported and restored as without the record; --check never reads
 * the record; --dry-run reads it and never writes it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, without type declarations
import { benchModel as untypedBenchModel } from '../../bench/models.mjs';
import { driftCount, scaffold, type OutputMode, type ScaffoldOutcome, type ScaffoldRequest } from '../../src/core/scaffold.js';
import { generateForRun } from '../../src/core/service-cache.js';
import { validateModel } from '../../src/core/validate.js';
import { parseServiceRecord, serializeServiceRecord, type ServiceRecord, type ServiceRecordStore } from '../../src/output/service-record.js';
import { MINIMAL, MODELS_DIR, templates } from '../generators/scaffold-support.js';
import { MemoryFolder } from './memory-fs.js';

const benchModel = untypedBenchModel as (contexts: number) => string;
const BUILD = 'test-build';
const gov24 = readFileSync(`${MODELS_DIR}/gov24.yaml`, 'utf8');
const minimal = readFileSync(MINIMAL, 'utf8');

/** A service record store in memory that counts its loads and saves; it keeps the record as text, as the CLI's does. */
class MemoryStore implements ServiceRecordStore {
  text: string | undefined;
  loads = 0;
  saves = 0;
  async load(): Promise<ServiceRecord | undefined> {
    this.loads++;
    return this.text === undefined ? undefined : parseServiceRecord(this.text, 'memory');
  }
  async save(record: ServiceRecord): Promise<void> {
    this.saves++;
    this.text = serializeServiceRecord('memory', record);
  }
}

/** A memory folder with (or without) a service record store. */
function folderOf(files: Record<string, string> = {}, store?: MemoryStore): MemoryFolder {
  const folder = new MemoryFolder(files);
  if (store) Object.assign(folder, { services: store });
  return folder;
}

function request(folder: MemoryFolder, input: string, mode: OutputMode, cached: boolean): ScaffoldRequest {
  return {
    model: { file: 'model.yaml', input },
    folder,
    mode,
    templates: () => templates,
    toolVersion: '0.0.0-test',
    ...(cached ? { generatorBuild: BUILD } : {}),
  };
}

type Planned = Extract<ScaffoldOutcome, { status: 'planned' }>;

function planned(outcome: ScaffoldOutcome): Planned {
  if (outcome.status !== 'planned') throw new Error(`expected a plan, got ${outcome.status}: ${'message' in outcome ? outcome.message : ''}`);
  return outcome;
}

/** What a run reports, as a user sees it: status, actions (kind, path, reason), blocked paths, drift. */
function summary(outcome: ScaffoldOutcome) {
  if (outcome.status !== 'planned') return { status: outcome.status };
  return {
    status: outcome.status,
    written: outcome.written,
    actions: outcome.plan.actions.map((a) => [a.kind, a.path, 'reason' in a ? a.reason : '', 'added' in a ? a.added.join(',') : '']),
    blocked: outcome.blocked,
    drift: driftCount(outcome),
  };
}

// ---------------------------------------------------------------------------------------------
// Model edits, on the model as data (js-yaml), each one a function of a few numbers.

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const list = (v: unknown): Yaml[] => (Array.isArray(v) ? v : []);
const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);
const aggregatesOf = (m: Yaml) => list(m['contexts']).flatMap((c) => list(c['aggregates']));
const commandsOf = (m: Yaml) => aggregatesOf(m).flatMap((a) => list(a['commands']));
const eventsOf = (m: Yaml) => aggregatesOf(m).flatMap((a) => list(a['events']));
const policiesOf = (m: Yaml) => list(m['contexts']).flatMap((c) => list(c['policies']));
const keyOf = (a: Yaml) => Object.entries(a['fields'] ?? {}).find(([, f]) => typeof f === 'object' && f !== null && (f as Yaml)['key'])?.[0];

/** Renames every whole-word occurrence of a name (and so every reference to it) in the model's text. */
function renamed(text: string, name: string, to: string): string {
  return text.replace(new RegExp(`\\b${name}\\b`, 'g'), to);
}

const EDITS = {
  addCommand(m: Yaml, n: number, tag: string) {
    const a = pick(aggregatesOf(m).filter((x) => list(x['commands']).length > 0), n);
    if (!a) return;
    const first = a['commands'][0];
    const copy: Yaml = { ...first, name: `Add${tag}Request`, http: `POST /added-${tag.toLowerCase()}` };
    delete copy['actor'];
    a['commands'].push(copy);
  },
  removeCommand(m: Yaml, n: number) {
    const a = pick(aggregatesOf(m).filter((x) => list(x['commands']).length > 1), n);
    a?.['commands'].pop();
  },
  addField(m: Yaml, n: number, tag: string) {
    const a = pick(aggregatesOf(m), n);
    if (!a?.['fields']) return;
    const name = `extra${tag}`;
    a['fields'][name] = n % 2 === 0 ? 'string' : { type: 'int', pii: n % 3 === 0 };
    const c = pick(list(a['commands']).filter((x) => Array.isArray(x['fields'])), n);
    c?.['fields'].push(name);
    const e = pick(list(a['events']).filter((x) => Array.isArray(x['fields'])), n + 1);
    e?.['fields'].push(name);
  },
  commandTakesField(m: Yaml, n: number) {
    const a = pick(aggregatesOf(m).filter((x) => list(x['commands']).some((c) => Array.isArray(c['fields']))), n);
    const c = pick(list(a?.['commands']).filter((x) => Array.isArray(x['fields'])), n);
    const name = pick(Object.keys(a?.['fields'] ?? {}).filter((f) => !c?.['fields'].includes(f)), n);
    if (c && name) c['fields'].push(name);
  },
  removeEventField(m: Yaml, n: number) {
    const a = pick(aggregatesOf(m), n);
    const key = a && keyOf(a);
    const e = pick(list(a?.['events']).filter((x) => list(x['fields']).length > 1), n);
    if (e && e['fields'][e['fields'].length - 1] !== key) e['fields'].pop();
  },
  addEvent(m: Yaml, n: number, tag: string) {
    const a = pick(aggregatesOf(m).filter((x) => list(x['commands']).length > 0 && keyOf(x) && Array.isArray(x['events'])), n);
    if (!a) return;
    const name = `Extra${tag}Happened`;
    a['events'].push({ name, fields: [keyOf(a)] });
    const c = pick(list(a['commands']), n);
    if (Array.isArray(c?.['emits'])) c['emits'].push(name);
  },
  removePolicy(m: Yaml, n: number) {
    const c = pick(list(m['contexts']).filter((x) => list(x['policies']).length > 0), n);
    c?.['policies'].pop();
  },
  policyRetry(m: Yaml, n: number) {
    const p = pick(policiesOf(m), n);
    if (p) p['retry'] = { maxAttempts: 2 + (n % 5), backoffMs: 100, multiplier: 2 };
  },
  removeSaga(m: Yaml, n: number) {
    const sagas = list(m['sagas']);
    if (sagas.length > 0) sagas.splice(n % sagas.length, 1);
  },
  platformRetry(m: Yaml, n: number) {
    const kafka = m['platform']?.['kafka'];
    if (kafka) kafka['retry'] = { maxAttempts: 2 + (n % 6), backoffMs: 250, multiplier: 2 };
  },
  platformName(m: Yaml, n: number) {
    if (m['platform']) m['platform']['name'] = `${m['platform']['name']}${n % 2 === 0 ? 'x' : 'y'}`;
  },
  contextTitle(m: Yaml, n: number, tag: string) {
    const c = pick(list(m['contexts']), n);
    if (c) c['title'] = `${c['title']} ${tag}`;
  },
} as const;

/** Edits of the folder by hand, made in both folders alike: a generated file of a service (or a keyed platform-wide file) edited or deleted. */
const DAMAGE = ['editGenerated', 'deleteGenerated'] as const;

type Edit = { readonly kind: keyof typeof EDITS | 'renameCommand' | 'renameEvent' | 'renamePolicy' | (typeof DAMAGE)[number]; readonly n: number };

function damage(folders: readonly MemoryFolder[], edit: Edit): void {
  const paths = Object.keys(folders[0]!.files()).filter((p) => /^(services\/[^/]+\/(src\/generated\/|package\.json|Dockerfile)|helm\/[^/]+\/values\.yaml$|kafka\/[^/]+\/(users|topics)\.yaml$)/.test(p));
  const path = pick(paths, edit.n);
  if (!path) return;
  for (const folder of folders) {
    if (edit.kind === 'deleteGenerated') folder.entries.delete(path);
    else folder.put(path, `${folder.files()[path]}// edited by hand\n`);
  }
}

/** The model's text after one edit (renames work on the text, so every reference follows). */
function edited(text: string, edit: Edit, step: number): string {
  const tag = `Q${step}`;
  const m = load(text) as Yaml;
  if (edit.kind === 'renameCommand' || edit.kind === 'renameEvent' || edit.kind === 'renamePolicy') {
    const names = (edit.kind === 'renameCommand' ? commandsOf(m) : edit.kind === 'renameEvent' ? eventsOf(m) : policiesOf(m)).map((x) => String(x['name']));
    const name = pick(names, edit.n);
    return name ? renamed(text, name, `${name}${tag}`) : text;
  }
  EDITS[edit.kind as keyof typeof EDITS](m, edit.n, tag);
  return dump(m, { lineWidth: -1 });
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...(Object.keys(EDITS) as (keyof typeof EDITS)[]), 'renameCommand', 'renameEvent', 'renamePolicy', ...DAMAGE),
  n: fc.nat(1000),
});

/**
 * The differential: two folders, one scaffolded with the service record, one without, through
 * the same models; after every run they hold the same bytes (files and manifest) and the runs
 * report the same. Answers how many services the cached runs skipped.
 */
async function differential(start: string, edits: readonly Edit[]): Promise<{ skipped: number; valid: number }> {
  const store = new MemoryStore();
  const withRecord = folderOf({}, store);
  const without = folderOf();
  let text = start;
  let skipped = 0;
  let valid = 0;
  // A fresh folder gets no record; a second run of the same model makes it.
  for (const folder of [withRecord, without]) await scaffold(request(folder, start, 'write', folder === withRecord));
  expect(store.text).toBeUndefined();
  for (let step = 0; step <= edits.length; step++) {
    const edit = edits[step - 1];
    if (edit && (DAMAGE as readonly string[]).includes(edit.kind)) damage([withRecord, without], edit);
    else if (edit) text = edited(text, edit, step);
    const keysBefore = store.text;
    const a = await scaffold(request(withRecord, text, 'write', true));
    const b = await scaffold(request(without, text, 'write', false));
    expect(summary(a)).toEqual(summary(b));
    expect(withRecord.files()).toEqual(without.files());
    if (a.status !== 'invalid') valid++;
    if (keysBefore !== undefined && a.status === 'planned') skipped += countSkipped(keysBefore, store.text);
  }
  return { skipped, valid };
}

/** Services whose key is the same in both records (those the second run skipped, if their files were intact). */
function countSkipped(before: string, after: string | undefined): number {
  const a = parseServiceRecord(before, 'memory');
  const b = after === undefined ? undefined : parseServiceRecord(after, 'memory');
  if (!a || !b) return 0;
  return [...b].filter(([context, s]) => a.get(context)?.key === s.key).length;
}

describe('scaffold with the service record', () => {
  it('ends up byte for byte like scaffold without it, through random edits of gov24', async () => {
    let skipped = 0;
    let valid = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 3 }), async (edits) => {
        const found = await differential(gov24, edits);
        skipped += found.skipped;
        valid += found.valid;
        runs += 1 + edits.length;
      }),
      { numRuns: 12, seed: 12_001, endOnFailure: true },
    );
    // Not vacuous: most edited models are valid, and most of their services are skipped.
    expect(valid).toBeGreaterThan(runs / 2);
    expect(skipped).toBeGreaterThan(100);
  }, 300_000);

  it('ends up byte for byte like scaffold without it, through random edits of a bench model and the minimal one', async () => {
    const bench = benchModel(5);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(bench, minimal), fc.array(editArb, { minLength: 1, maxLength: 4 }), async (start, edits) => {
        await differential(start, edits);
      }),
      { numRuns: 10, seed: 12_002, endOnFailure: true },
    );
  }, 300_000);

  it('skips the unchanged services: only the edited context is generated again', async () => {
    const store = new MemoryStore();
    const folder = folderOf({}, store);
    planned(await scaffold(request(folder, minimal, 'write', true)));
    expect(store.saves).toBe(0); // a fresh folder: no keys, no record
    planned(await scaffold(request(folder, minimal, 'write', true)));
    expect(store.saves).toBe(1);
    const model = validateModel({ file: 'model.yaml', input: minimal.replace('title: Permit issuance', 'title: Permit issuance office') }).valid!;
    const run = await generateForRun(
      { model, templates, options: { toolVersion: '0.0.0-test' } },
      { build: BUILD, store, mode: 'write', folderExisted: true },
    );
    // The two other services, and the platform-wide files none of whose input changed.
    expect(run.reuse?.services.map((s) => s.context)).toEqual(['application', 'lookup', 'file:kafka/permits/users.yaml', 'file:kafka/permits/topics.yaml', 'file:helm/permits/values.yaml']);
    expect(run.files.some((f) => f.path.startsWith('services/application/src/generated/'))).toBe(false);
    expect(run.files.some((f) => f.path === 'services/issuance/src/generated/service.ts')).toBe(true);
    // The user-owned files of a skipped service are there, for the merge.
    expect(run.files.map((f) => f.path)).toContain('services/application/src/domain/Application.ts');
    // Another build of the generators reuses nothing.
    const other = await generateForRun({ model, templates, options: { toolVersion: '0.0.0-test' } }, { build: 'other', store, mode: 'write', folderExisted: true });
    expect(other.reuse).toBeUndefined();
  });

  for (const damage of ['edited', 'deleted'] as const) {
    it(`a generated file of a skipped service ${damage} by hand is reported and ${damage === 'edited' ? 'refused' : 'restored'} as without the record`, async () => {
      const store = new MemoryStore();
      const withRecord = folderOf({}, store);
      planned(await scaffold(request(withRecord, minimal, 'write', true)));
      planned(await scaffold(request(withRecord, minimal, 'write', true)));
      expect(store.text).toBeDefined();
      const without = folderOf(withRecord.files());
      const path = 'services/application/src/generated/handlers.ts';
      for (const folder of [withRecord, without]) {
        if (damage === 'edited') folder.put(path, `${folder.files()[path]}// a hand edit\n`);
        else folder.entries.delete(path);
      }
      // Only another context changes: the application service is skipped, its files checked.
      const next = minimal.replace('title: Permit issuance', 'title: Permit issuance office');
      for (const mode of ['dry-run', 'write'] as const) {
        const a = await scaffold(request(withRecord, next, mode, true));
        const b = await scaffold(request(without, next, mode, false));
        expect(summary(a)).toEqual(summary(b));
        const action = planned(a).plan.actions.find((x) => x.path === path)!;
        expect(action.kind).toBe(damage === 'edited' ? 'conflict' : 'create');
        expect(withRecord.files()).toEqual(without.files());
      }
      // --force overwrites the edit, with the record as without.
      const a = await scaffold({ ...request(withRecord, next, 'write', true), force: true });
      const b = await scaffold({ ...request(without, next, 'write', false), force: true });
      expect(summary(a)).toEqual(summary(b));
      expect(withRecord.files()).toEqual(without.files());
    });
  }

  it('--check never reads the record, and --dry-run never writes it', async () => {
    const store = new MemoryStore();
    const folder = folderOf({}, store);
    planned(await scaffold(request(folder, minimal, 'write', true)));
    expect([store.loads, store.saves]).toEqual([0, 0]); // a fresh folder: nothing to load, nothing recorded
    planned(await scaffold(request(folder, minimal, 'write', true)));
    expect([store.loads, store.saves]).toEqual([1, 1]);
    // A record that lies: every key kept, every hash changed. --check does not see it.
    const record = parseServiceRecord(store.text!, 'memory')!;
    const lying = new Map([...record].map(([c, s]) => [c, { key: s.key, files: s.files.map((f) => ({ path: f.path, sha256: 'f'.repeat(64) })) }]));
    store.text = serializeServiceRecord('memory', lying);
    const edited = folder.files()['services/application/src/generated/events.ts']!;
    folder.put('services/application/src/generated/events.ts', `${edited}// edit\n`);
    const check = planned(await scaffold(request(folder, minimal, 'check', true)));
    expect(store.loads).toBe(1); // as before --check
    expect(driftCount(check)).toBe(1);
    const reference = planned(await scaffold(request(folderOf(folder.files()), minimal, 'check', false)));
    expect(summary(check)).toEqual(summary(reference));

    const dryRun = planned(await scaffold(request(folder, minimal, 'dry-run', true)));
    expect([store.loads, store.saves]).toEqual([2, 1]);
    expect(summary(dryRun)).toEqual(summary(planned(await scaffold(request(folderOf(folder.files()), minimal, 'dry-run', false)))));
  });

  it('a fresh folder, or one whose record is damaged, generates every service', async () => {
    const store = new MemoryStore();
    store.text = 'msa-gen service record 1\n"memory"\nnot a hash\n';
    const folder = folderOf({}, store);
    const model = validateModel({ file: 'model.yaml', input: minimal }).valid!;
    const fresh = await generateForRun({ model, templates, options: { toolVersion: '0.0.0-test' } }, { build: BUILD, store, mode: 'write', folderExisted: false });
    expect(fresh.reuse).toBeUndefined();
    expect(store.loads).toBe(0);
    const damaged = await generateForRun({ model, templates, options: { toolVersion: '0.0.0-test' } }, { build: BUILD, store, mode: 'write', folderExisted: true });
    expect(damaged.reuse).toBeUndefined();
    expect(store.loads).toBe(1);
    planned(await scaffold(request(folder, minimal, 'write', true)));
  });

  it('takes the Helm values, KafkaUsers and KafkaTopics from the record like a service while their input is the same', async () => {
    const store = new MemoryStore();
    const folder = folderOf({}, store);
    planned(await scaffold(request(folder, minimal, 'write', true)));
    planned(await scaffold(request(folder, minimal, 'write', true)));
    const platformFiles = ['helm/permits/values.yaml', 'kafka/permits/users.yaml', 'kafka/permits/topics.yaml'];
    const generation = (input: string) =>
      generateForRun({ model: validateModel({ file: 'model.yaml', input }).valid!, templates, options: { toolVersion: '0.0.0-test' } }, { build: BUILD, store, mode: 'write', folderExisted: true });
    // A context's title: in none of the three; they are taken from the record, not generated.
    const retitled = await generation(minimal.replace('title: Permit issuance', 'title: Permit issuance office'));
    expect(retitled.files.filter((f) => platformFiles.includes(f.path))).toEqual([]);
    expect(retitled.reuse?.services.flatMap((s) => s.files.map((f) => f.path))).toEqual(expect.arrayContaining(platformFiles));
    // A command with an actor and a route: the Helm values (its routes) are generated again, the Kafka files are not.
    const next = minimal.replace(
      '          - name: CancelApplication\n',
      '          - name: ReviewApplication\n            actor: Clerk\n            http: POST /applications/{applicationId}/review\n            fields: [applicationId]\n            emits: [ApplicationCancelled]\n          - name: CancelApplication\n',
    );
    expect(next).not.toBe(minimal);
    const routed = await generation(next);
    expect(routed.files.filter((f) => platformFiles.includes(f.path)).map((f) => f.path)).toEqual(['helm/permits/values.yaml']);
    const a = planned(await scaffold(request(folder, next, 'write', true)));
    const reference = folderOf();
    const b = planned(await scaffold(request(reference, next, 'write', false)));
    expect(a.plan.actions.find((x) => x.path === 'helm/permits/values.yaml')?.kind).toBe('update');
    expect(b.plan.actions.find((x) => x.path === 'helm/permits/values.yaml')?.kind).toBe('create');
    expect(folder.files()).toEqual(reference.files());
  });
});

