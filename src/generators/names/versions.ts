/**
 * Every version the generated platform pins, in one place: the npm ranges of its package.json
 * files, the Node.js it runs on and the base image of its containers. msa-gen's own
 * devDependencies pin the same libraries, so its type-check of generated code runs against
 * them (test/generators/versions.test.ts keeps the two in step).
 */

/** Dependencies of `packages/runtime`: what every service runs on. */
export const RUNTIME_DEPENDENCIES = {
  '@electric-sql/pglite': '^0.5.16',
  '@platformatic/kafka': '^2.12.1',
  ajv: '^8.20.0',
  cockatiel: '^3.2.1',
  jose: '^6.2.18',
  fastify: '^5.12.8',
  pg: '^8.23.1',
} as const;

/** devDependencies of `packages/runtime`. */
export const RUNTIME_DEV_DEPENDENCIES = {
  '@types/pg': '^8',
} as const;

/**
 * devDependencies of the platform root. `node` is the npm package of that name: it installs a
 * Node.js 22 binary into node_modules/.bin, so npm scripts run on Node 22 (type stripping) even
 * on a machine whose own Node is older.
 */
export const ROOT_DEV_DEPENDENCIES = {
  '@types/node': '^22',
  node: '^22.23.3',
  typescript: '~5.9.3',
  vitest: '^4.1.12',
} as const;

/**
 * The Node.js the generated services need: 22.18 runs TypeScript by type stripping without a
 * flag, and @platformatic/kafka requires 22.22. The root package.json's `engines` says it (the
 * workspaces declare none: npm would warn once per workspace), and its README.
 */
export const NODE_MIN = '22.22';
export const NODE_ENGINE = `>=${NODE_MIN}`;

/**
 * The Node.js npm may run on to install the platform (root `devEngines`): the scripts run on the
 * Node 22 the `node` dev dependency installs, whatever Node runs npm. With `devEngines`, npm
 * checks the root's `engines` against it no more.
 */
export const INSTALL_NODE_ENGINE = '>=20';

/** Base image of every service container (a Node 22 that is at least 22.18). */
export const NODE_IMAGE = 'node:22-slim';

/** Version of every workspace package of a generated platform. */
export const WORKSPACE_VERSION = '0.1.0';
