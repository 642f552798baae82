/**
 * What `scaffold` prints after it wrote a platform: the files by artifact family (services,
 * Kafka topics, the Helm chart…) and the commands to run next, instead of a bare count.
 */
import type { ValidModel } from '../model/valid.js';
import type { Plan } from '../output/plan.js';

/** A family of generated files, by where they lie in the output folder. */
interface Family {
  readonly label: string;
  readonly matches: (path: string) => boolean;
  /** What the family holds, from the model and its files. */
  readonly what: (files: readonly string[], model: ValidModel) => string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const under = (prefix: string) => (path: string) => path.startsWith(prefix);
const folders = (files: readonly string[], depth: number) => new Set(files.map((f) => f.split('/').slice(0, depth).join('/'))).size;

/** In the order they are printed; each file belongs to the first family (in `CLAIM_ORDER`) that matches it. */
const FAMILIES: readonly Family[] = [
  {
    label: 'services',
    matches: under('services/'),
    what: (files) => `${plural(folders(files, 2), 'service')}, one per context (services/<context>/)`,
  },
  {
    label: 'topics',
    matches: under('kafka/'),
    what: (_, model) => {
      const topics = new Set(model.events.flatMap((e) => [e.topic.name, e.dlq.name]));
      return `${plural(topics.size, 'Strimzi KafkaTopic')}, events and their DLQs (kafka/<namespace>/)`;
    },
  },
  {
    label: 'chart',
    matches: under('helm/'),
    what: (files) => `the Helm chart with its values schema (${[...new Set(files.map((f) => f.split('/').slice(0, 2).join('/')))].join(', ')}/)`,
  },
  {
    label: 'runtime',
    matches: under('packages/'),
    what: (files) => `${plural(folders(files, 2), 'package')}: the services' runtime and the in-process platform (packages/)`,
  },
  {
    label: 'tests',
    matches: (path) => path.startsWith('tests/') || /^services\/[^/]+\/test\//.test(path),
    what: () => "the platform's scenarios (tests/) and each service's starter tests",
  },
  {
    label: 'workspace',
    matches: () => true,
    what: () => 'the npm workspace, TypeScript and Vitest configuration, docker-compose.yml, README.md',
  },
];

/** Tests are claimed before services: a service's starter tests count as tests. */
const CLAIM_ORDER = ['tests', 'services', 'topics', 'chart', 'runtime', 'workspace'];

/** The lines of the summary: one per family that has files, `  services   14 services, … : 196 files`. */
export function familyLines(plan: Plan, model: ValidModel): string[] {
  const paths = plan.actions.filter((a) => a.kind !== 'delete' && a.kind !== 'orphan' && a.kind !== 'foreign').map((a) => a.path);
  const byLabel = new Map<string, string[]>(FAMILIES.map((f) => [f.label, []]));
  for (const path of paths) {
    const family = CLAIM_ORDER.map((label) => FAMILIES.find((f) => f.label === label)!).find((f) => f.matches(path))!;
    byLabel.get(family.label)!.push(path);
  }
  const width = Math.max(...FAMILIES.map((f) => f.label.length));
  return FAMILIES.flatMap((family) => {
    const files = byLabel.get(family.label)!;
    return files.length === 0 ? [] : [`  ${family.label.padEnd(width)}  ${family.what(files, model)}: ${plural(files.length, 'file')}`];
  });
}

/** A folder name as a POSIX shell word. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The commands to run after a scaffold: install, type-check and test the platform, then run it. */
export function nextCommands(outShown: string): string[] {
  const cd = `cd ${shellWord(outShown)}`;
  return [
    'Next:',
    `  ${cd} && npm install && npm run typecheck && npm test   # install, type-check, run the starter tests (Node 22)`,
    `  ${cd} && npm run dev                                    # every service in one process, on an in-memory bus`,
  ];
}
