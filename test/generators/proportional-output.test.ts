/**
 * Output proportional to the model: adding a context changes no file of any other service, and
 * adding a command changes only its own context's files and the platform's shared indexes. So a
 * model change shows up in review (and in `scaffold --check`) where it was made, and nowhere else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generators/index.js';
import { validateModelText } from '../../src/model/validate.js';
import { MODELS_DIR, request } from './scaffold-support.js';

const GOV24 = readFileSync(join(MODELS_DIR, 'gov24.yaml'), 'utf8');

type RawModel = { contexts: { name: string; aggregates?: { name: string; commands: Record<string, unknown>[] }[] }[] };

function files(text: string): Map<string, string> {
  const result = validateModelText('models/gov24.yaml', text);
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return new Map(generate(request(result.valid!)).map((f) => [f.path, f.content]));
}

/** Paths created, changed or deleted between two outputs. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

function edited(change: (model: RawModel) => void): string {
  const model = load(GOV24) as RawModel;
  change(model);
  return dump(model, { lineWidth: -1 });
}

/** Files that list something of every service, which a new command may change. */
const SHARED_INDEXES = ['README.md', 'helm/gov24/values.yaml'];

/** The service folder a path belongs to, if any. */
const serviceOf = (path: string) => /^services\/([^/]+)\//.exec(path)?.[1];

describe('output proportional to the model (gov24)', () => {
  // The baseline goes through the same YAML round trip as the edited models.
  const base = files(edited(() => {}));

  it('adding a context changes no file of any other service', () => {
    const after = files(
      edited((m) => {
        m.contexts.push({
          name: 'archive',
          aggregates: [
            {
              name: 'ArchivedDocument',
              fields: { archivedDocumentId: { type: 'uuid', key: true }, documentId: 'uuid', archivedAt: 'datetime' },
              commands: [{ name: 'ArchiveDocument', fields: ['documentId'], emits: ['DocumentArchived'] }],
              events: [{ name: 'DocumentArchived', fields: ['archivedDocumentId', 'documentId', 'archivedAt'] }],
            },
          ],
          policies: [{ name: 'ArchiveDocumentWhenIssued', on: 'GeneralDocumentIssued', then: 'ArchiveDocument' }],
        } as never);
      }),
    );
    const paths = changed(base, after);
    expect(paths.some((p) => serviceOf(p) === 'archive')).toBe(true);
    const otherServices = paths.filter((p) => serviceOf(p) !== undefined && serviceOf(p) !== 'archive');
    expect(otherServices).toEqual([]);
  });

  it('adding a command changes only its context and the shared indexes', () => {
    const after = files(
      edited((m) => {
        const citizen = m.contexts.find((c) => c.name === 'citizen')!;
        citizen.aggregates![0]!.commands.push({ name: 'ResendNotification', actor: 'Citizen', fields: ['applicationId', 'documentId', 'citizenId', 'documentUrl'], emits: ['CitizenNotified'] });
      }),
    );
    const paths = changed(base, after);
    expect(paths.filter((p) => serviceOf(p) === 'citizen').length).toBeGreaterThan(0);
    const outside = paths.filter((p) => serviceOf(p) !== 'citizen');
    // The shared indexes: the platform README's route table and the chart's values (the front
    // door's route list), both listing every service's routes.
    expect(outside.filter((p) => !SHARED_INDEXES.includes(p))).toEqual([]);
  });
});
