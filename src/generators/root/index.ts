/**
 * The output root: the npm workspace (package.json, tsconfig files), the test configurations,
 * .gitignore and .dockerignore, docker-compose.yml (Kafka and PostgreSQL for local runs), the
 * README.
 */
import type { Model } from '../../model/valid.js';
import { jsonText } from '../emit/json.js';
import { mdCode, mdCodeBlock, mdCodeBlockLine, mdInline, mdParagraph, type Markdown } from '../emit/markdown.js';
import { yamlComment, yamlDocument, yamlDoubleQuoted, yamlFlowSequence } from '../emit/yaml.js';
import { databaseSecretName, isolatedNamespaces, releaseName } from '../names/kubernetes.js';
import { serviceDir } from '../names/symbols.js';
import { DEV_BASE_PORT } from '../names/workspace.js';
import { callTargets, commandRoute, contextCommands, urlEnv } from '../plan/service.js';
import { fixedFile, renderTemplate, type TemplateData } from '../render.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import { INSTALL_NODE_ENGINE, NODE_ENGINE, NODE_MIN, ROOT_DEV_DEPENDENCIES } from '../names/versions.js';

/** Templates this generator reads (paths relative to templates/). */
export const ROOT_TEMPLATES = {
  readme: 'root/README.md.hbs',
  vitestConfig: 'root/vitest.config.ts',
  vitestKafkaConfig: 'root/vitest.kafka.config.ts',
} as const;

/** Images of docker-compose.yml. */
export const COMPOSE_IMAGES = { kafka: 'apache/kafka:3.9.1', postgres: 'postgres:17' } as const;

function packageJson(request: GenerateRequest): string {
  const { model, options } = request;
  const scripts: Record<string, string> = {
    // npm may run on Node 20: its EBADENGINE warnings for dependencies that need Node 22 say so once, here.
    preinstall: PREINSTALL_NOTE,
    typecheck: 'tsc -p tsconfig.json --noEmit',
    build: 'tsc -p tsconfig.build.json',
    test: 'vitest run',
    'test:kafka': 'vitest run --config vitest.kafka.config.ts',
    dev: 'node packages/platform/src/main.ts',
    token: 'node packages/platform/src/token.ts',
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
    devEngines: { runtime: { name: 'node', version: INSTALL_NODE_ENGINE, onFail: 'warn' } },
    scripts,
    devDependencies: { ...ROOT_DEV_DEPENDENCIES },
    // npm 12 runs a dependency's install script only when allowed here: `node` needs its
    // preinstall to put the Node 22 binary into node_modules/.bin.
    allowScripts: { node: true },
    'msa-gen': { version: options.toolVersion },
  };
  return jsonText(pkg);
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

/**
 * The root's preinstall: when npm itself runs on a Node older than the services need, one line
 * saying that npm's EBADENGINE warnings (dependencies that require Node 22) do not apply. It reads
 * npm's Node from npm's user agent: the `node` on the PATH of a script may already be the Node 22
 * of node_modules/.bin.
 */
const PREINSTALL_NOTE =
  `node -e "var v=parseInt(String(process.env.npm_config_user_agent).split('node/v')[1],10);` +
  `if(v<${NODE_MIN.split('.')[0]})console.log('npm runs on Node '+v+': its engine warnings above, for packages that require Node 22, do not apply; ` +
  `the services run on Node ${NODE_MIN} or later, which the node dev dependency installs into node_modules/.bin')"`;

/** What README.md.hbs receives: every string escaped for where the template puts it. */
function readmeData(request: GenerateRequest): TemplateData<'markdown'> {
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
    ['kafka/<namespace>/users.yaml', 'Strimzi KafkaUsers: one per service, its ACLs'],
    ['kubernetes/<namespace>/', 'Namespace, ResourceQuota and LimitRange of each namespace'],
    [`helm/${model.platform.name}/`, 'the Helm chart (values per service)'],
  ];
  const width = Math.max(...rows.map(([path]) => path.length)) + 2;
  const layout = mdCodeBlock(rows.map(([path, what]) => `${path.padEnd(width)}${what}`.trimEnd()));
  const contexts = model.contexts.map((c, i) => {
    const routes: { method: Markdown; path: Markdown; what: Markdown }[] = [];
    const route = (method: string, path: string, what: string) => routes.push({ method: mdCode(method), path: mdCode(path), what: mdInline(what) });
    for (const command of contextCommands(c)) {
      const r = commandRoute(command, model);
      if (r) route(r.method, r.path, r.internal ? `${command.name} (for the saga orchestrator)` : command.name);
    }
    for (const r of c.readModels) route('GET', r.http.path, `${r.name} lookup`);
    return {
      name: mdInline(c.name),
      command: mdCode(`npm run start:${c.name}`),
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
    .map((e) => ({ env: mdCode(e.env), url: mdCode(e.url), service: mdInline(e.service), callers: mdInline(e.callers.join(', ')) }));
  const p = model.platform;
  const databaseUrl = `postgres://${p.name}:${p.name}@localhost:5432/${p.name}`;
  const chart = `helm/${p.name}`;
  return {
    platform: mdCode(p.name),
    nodeVersion: mdInline(NODE_MIN),
    title: mdInline(p.title),
    description: p.description ? mdParagraph(p.description) : mdInline(''),
    contextCount: model.contexts.length,
    layout,
    contexts,
    devBasePort: DEV_BASE_PORT,
    urlEnvs,
    databaseUrl: mdCode(databaseUrl),
    devCommand: mdCodeBlockLine(`KAFKA_BROKERS=localhost:9092 DATABASE_URL=${databaseUrl} npm run dev`),
    dlqSuffix: mdCode(p.kafka.dlq.suffix),
    retry: { maxAttempts: p.kafka.retry.maxAttempts, backoffMs: p.kafka.retry.backoffMs },
    imageBuild: mdCode(`docker build -f services/<service>/Dockerfile -t ${p.deploy.image.registry}/<service>:${p.deploy.image.tag} .`),
    cluster: mdCode(p.kafka.cluster),
    helmInstall: mdCode(`helm install ${p.name} ${chart} -n ${p.namespace}`),
    isolated: isolatedNamespaces(model).map((ns) =>
      mdCode(`helm install ${releaseName(model, ns)} ${chart} -n ${ns} -f ${chart}/values-${ns}.yaml`),
    ),
    databaseSecret: mdCode(databaseSecretName(model)),
  };
}

/** A string docker-compose.yml writes double-quoted whatever it holds (a port mapping: YAML 1.1 reads 9092:9092 as a number). */
const quoted = yamlDoubleQuoted;

/** docker-compose.yml: Kafka in KRaft mode and PostgreSQL, for local runs. */
function composeFile(model: Model): string {
  const p = model.platform.name;
  const comment = yamlComment([
    `Local infrastructure for the ${p} platform: Kafka (KRaft mode, no ZooKeeper) and`,
    `PostgreSQL. Nothing needs it to develop or test: the services default to the in-memory bus and`,
    `PGlite (embedded PostgreSQL). Start it to run against the real thing:`,
    `  docker compose up -d`,
    `  KAFKA_BROKERS=localhost:9092 DATABASE_URL=postgres://${p}:${p}@localhost:5432/${p} npm run dev`,
    `  KAFKA_BROKERS=localhost:9092 npm run test:kafka`,
    `msa-gen's own CI runs no broker; this file is for you.`,
    `Topics are created on first use here (auto-create); in Kubernetes they come from`,
    `kafka/<namespace>/topics.yaml (Strimzi), with their partitions, retention and DLQs.`,
  ]);
  const compose = {
    name: p,
    services: {
      kafka: {
        image: COMPOSE_IMAGES.kafka,
        ports: [quoted('9092:9092')],
        environment: {
          KAFKA_NODE_ID: 1,
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
          KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://localhost:9092',
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1,
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1,
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1,
          KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0,
          KAFKA_AUTO_CREATE_TOPICS_ENABLE: quoted('true'),
          KAFKA_NUM_PARTITIONS: model.platform.kafka.defaults.partitions,
        },
        healthcheck: {
          test: yamlFlowSequence(['CMD-SHELL', '/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null 2>&1']),
          interval: '10s',
          timeout: '10s',
          retries: 10,
        },
      },
      postgres: {
        image: COMPOSE_IMAGES.postgres,
        ports: [quoted('5432:5432')],
        environment: { POSTGRES_USER: p, POSTGRES_PASSWORD: p, POSTGRES_DB: p },
        volumes: ['postgres-data:/var/lib/postgresql/data'],
        healthcheck: {
          test: yamlFlowSequence(['CMD-SHELL', `pg_isready -U ${p}`]),
          interval: '5s',
          timeout: '5s',
          retries: 10,
        },
      },
    },
    volumes: { 'postgres-data': {} },
  };
  return `${comment}\n${yamlDocument(compose)}`;
}

export function generateRoot(request: GenerateRequest): GeneratedFile[] {
  const { model } = request;
  return [
    generatedFile('package.json', packageJson(request)),
    generatedFile('tsconfig.base.json', jsonText({ compilerOptions: BASE_COMPILER_OPTIONS })),
    generatedFile('tsconfig.json', jsonText({ extends: './tsconfig.base.json', compilerOptions: { noEmit: true }, include: TYPECHECK_INCLUDE })),
    generatedFile(
      'tsconfig.build.json',
      jsonText({ extends: './tsconfig.base.json', compilerOptions: { noEmit: false, rootDir: '.', outDir: 'dist' }, include: ['packages/*/src', 'services/*/src'] }),
    ),
    generatedFile('vitest.config.ts', fixedFile(request.templates, ROOT_TEMPLATES.vitestConfig)),
    generatedFile('vitest.kafka.config.ts', fixedFile(request.templates, ROOT_TEMPLATES.vitestKafkaConfig)),
    generatedFile('.gitignore', 'node_modules/\ndist/\n.pglite/\n*.log\n'),
    generatedFile('.dockerignore', '**/node_modules\ndist/\n.pglite/\n.git/\n**/test/\ntests/\nhelm/\nkafka/\n'),
    generatedFile('README.md', renderTemplate(request.templates, ROOT_TEMPLATES.readme, readmeData(request))),
    generatedFile('docker-compose.yml', composeFile(model)),
  ];
}
