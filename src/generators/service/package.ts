/**
 * The files of a service around its code: package.json, tsconfig.json, the Dockerfile, and the
 * user-owned src/main.ts that starts it.
 */
import type { Context, Model } from '../../model/valid.js';
import { dockerComment, dockerWord } from '../emit/dockerfile.js';
import { jsonText } from '../emit/json.js';
import { runtimePackage, serviceDir, servicePackage } from '../names/symbols.js';
import { NODE_ENGINE, NODE_IMAGE, WORKSPACE_VERSION } from '../names/versions.js';
import { workspaceDirs } from '../names/workspace.js';
import { renderTemplate } from '../render.js';
import { userFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import type { ServicePlan } from './plan.js';

/** Templates this generator reads (paths relative to templates/). */
export const SERVICE_TEMPLATES = { dockerfile: 'service/Dockerfile.hbs' } as const;

export function mainFile(s: ServicePlan): GeneratedFile {
  const body = `/**
 * Starts the ${s.context.name} service. With no environment it runs on its own: PGlite (embedded
 * PostgreSQL) in memory and the in-memory bus, on its port (service.defaultPort, or PORT).
 * DATABASE_URL switches to a PostgreSQL server, KAFKA_BROKERS to Kafka; see the platform's README
 * for every variable.
 * Yours: msa-gen wrote this file once and never overwrites it.
 */
import { startService } from '${s.runtime}';
import { service } from './generated/service.ts';

const running = await startService(service, { env: process.env });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  running.runtime.logger.info('stopping', { signal });
  await running.stop();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
`;
  return userFile(`${serviceDir(s.context)}/src/main.ts`, body);
}

export function packageJson(model: Model, context: Context): string {
  const pkg = {
    name: servicePackage(model, context),
    version: WORKSPACE_VERSION,
    description: `${context.title}: context ${context.name} of the ${model.platform.name} platform`,
    private: true,
    type: 'module',
    exports: { '.': './src/generated/service.ts' },
    engines: { node: NODE_ENGINE },
    scripts: {
      start: 'node src/main.ts',
      test: `vitest run --config ../../vitest.config.ts ${serviceDir(context)}/`,
    },
    dependencies: { [runtimePackage(model)]: '*' },
  };
  return jsonText(pkg);
}

/**
 * The service's Dockerfile. Model text (the title, the image registry and tag) lands in comments
 * only; the context's name and the workspace folders land in instructions, as plain words.
 */
export function dockerfile(request: GenerateRequest, context: Context): string {
  const { model, templates } = request;
  return renderTemplate(templates, SERVICE_TEMPLATES.dockerfile, {
    platform: dockerComment(model.platform.name),
    context: dockerWord(context.name),
    title: dockerComment(context.title),
    image: dockerWord(NODE_IMAGE),
    port: context.port,
    registry: dockerComment(model.platform.deploy.image.registry),
    tag: dockerComment(model.platform.deploy.image.tag),
    workspaces: workspaceDirs(model).map(dockerWord),
  });
}
