/**
 * Where things are in the generated npm workspace: the workspace folders, the platform package,
 * the ports of `npm run dev`, and the tsconfig every workspace package extends.
 */
import { jsonText } from '../emit/json.js';

/** The package that runs every service in one process. */
export const PLATFORM_DIR = 'packages/platform';

/** First port of `npm run dev`; the services take consecutive ports in model order. */
export const DEV_BASE_PORT = 8081;

/** The texts of workspaceTsconfig by its folders (every service has the same one): written once. */
const tsconfigs = new Map<string, string>();

/** The tsconfig.json of a workspace package: the shared base, and its own folders. */
export function workspaceTsconfig(include: readonly string[]): string {
  const id = JSON.stringify(include);
  let text = tsconfigs.get(id);
  if (text === undefined) tsconfigs.set(id, (text = jsonText({ extends: '../../tsconfig.base.json', include })));
  return text;
}
