/**
 * `packages/runtime/`: the runtime every generated service runs on (envelope, buses, consumer
 * runner with retries and DLQ, inbox, outbox relay, sagas, HTTP server and client), copied
 * verbatim from templates/runtime/{src,test,integration}, with its package.json and tsconfig.
 */
import { jsonText } from '../emit/json.js';
import { compareCodeUnits } from '../names/order.js';
import { runtimePackage } from '../names/symbols.js';
import { workspaceTsconfig } from '../names/workspace.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import { RUNTIME_DEPENDENCIES, RUNTIME_DEV_DEPENDENCIES, WORKSPACE_VERSION } from '../names/versions.js';

/** Where the runtime's sources live in request.templates. */
export const RUNTIME_TEMPLATE_DIR = 'runtime/';

/** The folders of the runtime that are copied. */
export const RUNTIME_FOLDERS = ['src/', 'test/', 'integration/'] as const;

export const RUNTIME_DIR = 'packages/runtime';

function packageJson(request: GenerateRequest): string {
  const { model } = request;
  const pkg = {
    name: runtimePackage(model),
    version: WORKSPACE_VERSION,
    description: `The runtime every service of the ${model.platform.name} platform runs on: CloudEvents envelope, in-memory and Kafka buses, consumer runner (inbox, retries, DLQ), transactional outbox, sagas, HTTP server and client.`,
    private: true,
    type: 'module',
    exports: { '.': './src/index.ts' },
    dependencies: { ...RUNTIME_DEPENDENCIES },
    devDependencies: { ...RUNTIME_DEV_DEPENDENCIES },
  };
  return jsonText(pkg);
}

export function generateRuntimePackage(request: GenerateRequest): GeneratedFile[] {
  const { templates } = request;
  if (!templates.has(`${RUNTIME_TEMPLATE_DIR}src/index.ts`)) throw new Error(`the runtime templates are missing (${RUNTIME_TEMPLATE_DIR}src/index.ts)`);
  const keys = [...templates.keys()]
    .filter((k) => RUNTIME_FOLDERS.some((folder) => k.startsWith(`${RUNTIME_TEMPLATE_DIR}${folder}`)))
    .sort(compareCodeUnits);
  const files = keys.map((key) => generatedFile(`${RUNTIME_DIR}/${key.slice(RUNTIME_TEMPLATE_DIR.length)}`, templates.get(key)!));
  files.push(generatedFile(`${RUNTIME_DIR}/package.json`, packageJson(request)));
  files.push(generatedFile(`${RUNTIME_DIR}/tsconfig.json`, workspaceTsconfig(['src', 'test', 'integration'])));
  return files;
}
