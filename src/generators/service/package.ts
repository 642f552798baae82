/**
 * The files of a service around its code: package.json, tsconfig.json, the Dockerfile, and the
 * user-owned src/main.ts that starts it; the fixed text is in templates/service/.
 */
import { dockerComment, dockerWord } from '../emit/dockerfile.js';
import { escapedAs } from '../emit/escaped.js';
import { tsCommentLines } from '../emit/typescript.js';
import { jsonText } from '../emit/json.js';
import { NODE_IMAGE, WORKSPACE_VERSION } from '../names/versions.js';
import { renderTemplate } from '../render.js';
import { quote } from '../ts/code.js';
import { RUNTIME } from '../ts/module.js';
import { userFile, type GeneratedFile, type Templates } from '../types.js';
import type { ServicePlan } from './plan.js';

/** Templates this generator reads (paths relative to templates/). */
export const SERVICE_TEMPLATES = { dockerfile: 'service/Dockerfile.hbs', main: 'service/main.ts' } as const;

/**
 * src/main.ts, from templates/service/main.ts: a TypeScript file importing the runtime as
 * RUNTIME (`@platform/runtime`), which becomes the platform's runtime package; the context's name
 * goes into its doc comment only.
 */
export function mainFile(templates: Templates, s: ServicePlan): GeneratedFile {
  const text = renderTemplate(templates, SERVICE_TEMPLATES.main, {
    context: escapedAs<'ts-comment'>(tsCommentLines(s.context.name).join(' ')),
  });
  const body = text.split(quote(RUNTIME)).join(quote(s.runtime));
  return userFile(`${s.context.dir}/src/main.ts`, body);
}

export function packageJson(s: ServicePlan): string {
  const { context } = s;
  const pkg = {
    name: context.package,
    version: WORKSPACE_VERSION,
    description: `${context.title}: context ${context.name} of the ${s.platform.name} platform`,
    private: true,
    type: 'module',
    exports: { '.': './src/generated/service.ts' },
    scripts: {
      start: 'node src/main.ts',
      test: `vitest run --config ../../vitest.config.ts ${context.dir}/`,
    },
    dependencies: { [s.runtime]: '*' },
  };
  return jsonText(pkg);
}

/**
 * The service's Dockerfile. Model text (the title, the image registry and tag) lands in comments
 * only; the context's name lands in instructions, as a plain word. The file names no other
 * service: its first stage picks the workspace's manifests out of the build context.
 */
export function dockerfile(templates: Templates, s: ServicePlan): string {
  const { context, platform } = s;
  return renderTemplate(templates, SERVICE_TEMPLATES.dockerfile, {
    platform: dockerComment(platform.name),
    context: dockerWord(context.name),
    title: dockerComment(context.title),
    image: dockerWord(NODE_IMAGE),
    port: context.port,
    registry: dockerComment(platform.image.registry),
    tag: dockerComment(platform.image.tag),
  });
}
