/**
 * The output root: the npm workspace (package.json, tsconfig files), the test configurations,
 * .gitignore and .dockerignore, docker-compose.yml (Kafka and PostgreSQL for local runs), the
 * README, and the user-owned end-to-end starter test tests/platform.test.ts.
 */
import { renderTemplate } from './render.js';
import type { Model } from '../model/ir.js';
import { releaseName, isolatedNamespaces } from './helm.js';
import { serviceDir } from './names.js';
import { DEV_BASE_PORT } from './platform-package.js';
import { callTargets, commandRoute, contextCommands, urlEnv } from './service-plan.js';
import { platformTestFile } from './starter-tests.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from './types.js';
import { NODE_ENGINE, ROOT_DEV_DEPENDENCIES } from './versions.js';

/** Templates this generator reads (paths relative to templates/). */
export const ROOT_TEMPLATES = {
  readme: 'root/README.md.hbs',
  compose: 'root/docker-compose.yml.hbs',
} as const;

/** Images of docker-compose.yml. */
export const COMPOSE_IMAGES = { kafka: 'apache/kafka:3.9.1', postgres: 'postgres:17' } as const;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function packageJson(request: GenerateRequest): string {
  const { model, options } = request;
  const scripts: Record<string, string> = {
    typecheck: 'tsc -p tsconfig.json --noEmit',
    build: 'tsc -p tsconfig.build.json',
    test: 'vitest run',
    'test:kafka': 'vitest run --config vitest.kafka.config.ts',
    dev: 'node packages/platform/src/main.ts',
  };
  for (const c of model.contexts) scripts[`start:${c.name}`] = `npm run start -w ${serviceDir(c)}`;
  const pkg = {
    name: `${model.platform.name}-platform`,
    version: '0.1.0',
    description: model.platform.title,
    private: true,
    type: 'module',
    workspaces: ['packages/*', 'services/*'],
    engines: { node: NODE_ENGINE },
    scripts,
    devDependencies: { ...ROOT_DEV_DEPENDENCIES },
    // npm 12 runs a dependency's install script only when allowed here: `node` needs its
    // preinstall to put the Node 22 binary into node_modules/.bin.
    allowScripts: { node: true },
    'msa-gen': { version: options.toolVersion },
  };
  return json(pkg);
}

export const BASE_COMPILER_OPTIONS = {
  target: 'ES2023',
  lib: ['ES2023'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  allowImportingTsExtensions: true,
  rewriteRelativeImportExtensions: true,
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  types: ['node'],
} as const;

/** What the root tsconfig.json type-checks: one program over every package, service and test. */
export const TYPECHECK_INCLUDE = [
  'packages/*/src',
  'packages/*/test',
  'packages/*/integration',
  'services/*/src',
  'services/*/test',
  'tests',
  'vitest.config.ts',
  'vitest.kafka.config.ts',
] as const;

function vitestConfig(): string {
  return `/**
 * \`npm test\`: the runtime's tests, every service's tests and the end-to-end tests, on PGlite and
 * the in-memory bus. Generous timeouts: a PGlite instance takes a few seconds to start.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
`;
}

function vitestKafkaConfig(): string {
  return `/**
 * \`npm run test:kafka\`: the runtime's tests against a real Kafka broker. Needs KAFKA_BROKERS
 * (docker compose up -d, then KAFKA_BROKERS=localhost:9092 npm run test:kafka).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/runtime/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
`;
}

function readmeData(request: GenerateRequest) {
  const { model } = request;
  const rows: [string, string][] = [
    ['package.json, tsconfig*.json', 'npm workspaces: packages/*, services/*'],
    ['vitest.config.ts', '`npm test`'],
    ['vitest.kafka.config.ts', '`npm run test:kafka` (a Kafka broker)'],
    ['docker-compose.yml', 'Kafka (KRaft) and PostgreSQL for local runs'],
    ['packages/runtime/', 'the runtime every service runs on'],
    ['packages/platform/', 'every service in one process (npm run dev)'],
    ...model.contexts.map((c): [string, string] => [`services/${c.name}/`, c.title]),
    ['tests/platform.test.ts', 'end-to-end starter test'],
    ['kafka/<namespace>/topics.yaml', 'Strimzi KafkaTopics: one per event, and the DLQs'],
    [`helm/${model.platform.name}/`, 'the Helm chart (values per service)'],
  ];
  const width = Math.max(...rows.map(([path]) => path.length)) + 2;
  const layout = rows.map(([path, what]) => `${path.padEnd(width)}${what}`.trimEnd()).join('\n');
  const contexts = model.contexts.map((c, i) => {
    const routes: { method: string; path: string; what: string }[] = [];
    for (const command of contextCommands(c)) {
      const route = commandRoute(command, model);
      if (route) routes.push({ method: route.method, path: route.path, what: route.internal ? `${command.name} (for the saga orchestrator)` : command.name });
    }
    for (const r of c.readModels) routes.push({ method: 'GET', path: r.http.path, what: `${r.name} lookup` });
    return {
      name: c.name,
      title: c.title,
      port: c.port,
      devPort: DEV_BASE_PORT + i,
      routes,
    };
  });
  const callers = new Map<string, { env: string; url: string; service: string; callers: string[] }>();
  for (const c of model.contexts) {
    for (const t of callTargets(model, c)) {
      const entry = callers.get(t.service.name) ?? { env: urlEnv(t.service), url: t.defaultUrl, service: t.service.name, callers: [] };
      entry.callers.push(c.name);
      callers.set(t.service.name, entry);
    }
  }
  const urlEnvs = [...callers.values()]
    .sort((a, b) => (a.env < b.env ? -1 : a.env > b.env ? 1 : 0))
    .map((e) => ({ ...e, callers: e.callers.join(', ') }));
  return {
    platform: model.platform.name,
    title: model.platform.title,
    description: model.platform.description ?? '',
    contextCount: model.contexts.length,
    layout,
    contexts,
    devBasePort: DEV_BASE_PORT,
    urlEnvs,
    dlqSuffix: model.platform.kafka.dlq.suffix,
    retry: model.platform.kafka.retry,
    registry: model.platform.deploy.image.registry,
    tag: model.platform.deploy.image.tag,
    cluster: model.platform.kafka.cluster,
    namespace: model.platform.namespace,
    isolated: isolatedNamespaces(model).map((ns) => ({ namespace: ns, release: releaseName(model, ns) })),
  };
}

function composeData(model: Model) {
  return {
    platform: model.platform.name,
    kafkaImage: COMPOSE_IMAGES.kafka,
    postgresImage: COMPOSE_IMAGES.postgres,
    partitions: model.platform.kafka.defaults.partitions,
  };
}

export function generateRoot(request: GenerateRequest): GeneratedFile[] {
  const { model } = request;
  return [
    generatedFile('package.json', packageJson(request)),
    generatedFile('tsconfig.base.json', json({ compilerOptions: BASE_COMPILER_OPTIONS })),
    generatedFile('tsconfig.json', json({ extends: './tsconfig.base.json', compilerOptions: { noEmit: true }, include: TYPECHECK_INCLUDE })),
    generatedFile(
      'tsconfig.build.json',
      json({ extends: './tsconfig.base.json', compilerOptions: { noEmit: false, rootDir: '.', outDir: 'dist' }, include: ['packages/*/src', 'services/*/src'] }),
    ),
    generatedFile('vitest.config.ts', vitestConfig()),
    generatedFile('vitest.kafka.config.ts', vitestKafkaConfig()),
    generatedFile('.gitignore', 'node_modules/\ndist/\n.pglite/\n*.log\n'),
    generatedFile('.dockerignore', '**/node_modules\ndist/\n.pglite/\n.git/\n**/test/\ntests/\nhelm/\nkafka/\n'),
    generatedFile('README.md', renderTemplate(request.templates, ROOT_TEMPLATES.readme, readmeData(request))),
    generatedFile('docker-compose.yml', renderTemplate(request.templates, ROOT_TEMPLATES.compose, composeData(model))),
    platformTestFile(model),
  ];
}
