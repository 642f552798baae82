/**
 * `packages/platform/`: every service module of the platform, and a launcher that runs them all
 * in one process (`npm run dev`): one bus, one database with a schema per service, each service
 * on its own port.
 */
import { jsonText } from '../emit/json.js';
import type { Model } from '../../model/valid.js';
import { platformPackage, runtimePackage, servicePackage, serviceVariable } from '../names/symbols.js';
import { DEV_BASE_PORT, PLATFORM_DIR, workspaceTsconfig } from '../names/workspace.js';
import { blocks, docComment, Imports, RUNTIME, wrap } from '../ts/code.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import { WORKSPACE_VERSION } from '../names/versions.js';

function packageJson(model: Model): string {
  const dependencies: Record<string, string> = { [runtimePackage(model)]: '*' };
  for (const c of [...model.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    dependencies[servicePackage(model, c)] = '*';
  }
  const pkg = {
    name: platformPackage(model),
    version: WORKSPACE_VERSION,
    description: `Every service of the ${model.platform.name} platform in one process (npm run dev, end-to-end tests).`,
    private: true,
    type: 'module',
    exports: { '.': './src/index.ts' },
    scripts: { start: 'node src/main.ts' },
    dependencies,
  };
  return jsonText(pkg);
}

function indexModule(model: Model): string {
  const runtime = runtimePackage(model);
  const imports = new Imports(runtime)
    .value(RUNTIME, 'devToken', 'startPlatform as startServices')
    .type(RUNTIME, 'ActorDef', 'Platform', 'PlatformOptions', 'PlatformTokenOptions', 'ServiceModule');
  for (const c of model.contexts) imports.value(servicePackage(model, c), `service as ${serviceVariable(c)}`);
  const list = model.contexts.map((c) => `  ${serviceVariable(c)},`).join('\n');
  return blocks(
    docComment(wrap(`The ${model.platform.name} platform (${model.platform.title}): every service module, and startPlatform to run them all in one process.`)),
    imports.toString(),
    `${docComment('Every service of the platform, in model order.')}\nexport const modules: readonly ServiceModule[] = [\n${list}\n];`,
    `${docComment(
      wrap(
        'Starts every service in this process: one bus and one database (a schema per service) unless given, each service on its own port (consecutive from basePort, or free ports), their calls wired to each other.',
      ),
    )}\nexport function startPlatform(options: PlatformOptions = {}): Promise<Platform> {\n  return startServices(modules, options);\n}`,
    `${docComment('The actors of the platform: who may call what (the model\'s `actors:`).')}\nexport const actors: readonly ActorDef[] = modules[0]?.actors ?? [];`,
    `${docComment(
      wrap(
        'A dev token for an actor, e.g. `token({ actor: \'Citizen\', sub: citizenId })`: signed with AUTH_DEV_SECRET (`secret` when given), what services started with that secret accept.',
      ),
    )}\nexport function token(options: PlatformTokenOptions & { readonly secret?: string }): Promise<string> {\n  return devToken({ ...options, actors });\n}`,
  );
}

function mainModule(model: Model): string {
  const width = Math.max(...model.contexts.map((c) => c.name.length));
  return `/**
 * \`npm run dev\`: every service of the ${model.platform.name} platform in this one process, each on its own
 * port from ${DEV_BASE_PORT} (BASE_PORT) in model order. With no environment: the in-memory bus and PGlite
 * in memory; KAFKA_BROKERS and DATABASE_URL switch to Kafka and PostgreSQL (one schema per
 * service). MSA_DEV_PLACEHOLDERS=1 unless set otherwise: a default handler fills a required field
 * nothing provides with a placeholder (logged) instead of refusing the command; the services'
 * images never set it. Callers need a bearer token: \`npm run token -- --actor <Actor> --sub <id>\`
 * mints one with AUTH_DEV_SECRET (default: the runtime's public LOCAL_DEV_SECRET, local only).
 * Stops on SIGINT (Ctrl-C) and SIGTERM.
 */
import { LOCAL_DEV_SECRET } from '${runtimePackage(model)}';
import { startPlatform } from './index.ts';

const env: NodeJS.ProcessEnv = { MSA_DEV_PLACEHOLDERS: '1', AUTH_DEV_SECRET: LOCAL_DEV_SECRET, ...process.env };
const basePort = Number(env['BASE_PORT'] ?? ${DEV_BASE_PORT});
const platform = await startPlatform({ env, basePort, host: env['HOST'] ?? '127.0.0.1' });

console.log(\`${model.platform.name}: \${platform.services.size} services running (bus: \${platform.bus.kind}, database: \${platform.db.kind})\`);
for (const [name, service] of platform.services) console.log(\`  \${name.padEnd(${width})}  \${service.url}\`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(\`\${signal}: stopping\`);
  await platform.stop();
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
`;
}

function tokenModule(model: Model): string {
  return `/**
 * \`npm run token -- --actor <Actor> --sub <id>\`: prints a dev token for an actor of the ${model.platform.name}
 * platform (its usage message lists them), signed with AUTH_DEV_SECRET (default: the runtime's public LOCAL_DEV_SECRET, what
 * \`npm run dev\` verifies with). Also --role <role> (repeatable), --service <name> (a service
 * identity) and --expires <seconds>. Send it as \`Authorization: Bearer <token>\`.
 */
import { parseArgs } from 'node:util';
import { LOCAL_DEV_SECRET } from '${runtimePackage(model)}';
import { actors, token } from './index.ts';

const { values } = parseArgs({
  options: {
    actor: { type: 'string' },
    sub: { type: 'string' },
    role: { type: 'string', multiple: true },
    service: { type: 'string' },
    expires: { type: 'string' },
  },
});
if (values.actor === undefined && values.role === undefined && values.service === undefined) {
  console.error(\`usage: npm run token -- --actor <\${actors.map((a) => a.name).join('|')}> --sub <id> [--role <role>] [--service <name>] [--expires <seconds>]\`);
  process.exit(2);
}
try {
  console.log(
    await token({
      actor: values.actor,
      sub: values.sub,
      roles: values.role,
      service: values.service,
      expiresInSeconds: values.expires === undefined ? undefined : Number(values.expires),
      secret: process.env['AUTH_DEV_SECRET'] ?? LOCAL_DEV_SECRET,
    }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
`;
}

export function generatePlatformPackage(request: GenerateRequest): GeneratedFile[] {
  const { model } = request;
  return [
    generatedFile(`${PLATFORM_DIR}/package.json`, packageJson(model)),
    generatedFile(`${PLATFORM_DIR}/tsconfig.json`, workspaceTsconfig(['src'])),
    generatedFile(`${PLATFORM_DIR}/src/index.ts`, indexModule(model)),
    generatedFile(`${PLATFORM_DIR}/src/main.ts`, mainModule(model)),
    generatedFile(`${PLATFORM_DIR}/src/token.ts`, tokenModule(model)),
  ];
}
