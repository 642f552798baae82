/**
 * The versions the generated platform pins (src/generators/versions.ts) agree with what msa-gen
 * itself pins and installs: the type-check of generated code (typecheck.test.ts) then runs
 * against the same libraries a generated platform installs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generators/index.js';
import {
  NODE_ENGINE,
  NODE_MIN,
  ROOT_DEV_DEPENDENCIES,
  RUNTIME_DEPENDENCIES,
  RUNTIME_DEV_DEPENDENCIES,
} from '../../src/generators/names/versions.js';
import { MINIMAL, modelOf, REPO, request } from './scaffold-support.js';

type Version = [number, number, number];

function parse(version: string): Version {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim());
  if (!m) throw new Error(`not a version: ${version}`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** npm's semantics for the range forms versions.ts uses: ^x[.y[.z]], ~x.y.z, x.y.z and >=x.y. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  const r = range.trim();
  if (r.startsWith('>=')) return compare(v, parse(r.slice(2))) >= 0;
  if (r.startsWith('^')) {
    const min = parse(r.slice(1));
    if (compare(v, min) < 0) return false;
    if (min[0] > 0) return v[0] === min[0];
    if (min[1] > 0) return v[0] === 0 && v[1] === min[1];
    return v[0] === 0 && v[1] === 0 && v[2] === min[2];
  }
  if (r.startsWith('~')) {
    const min = parse(r.slice(1));
    return compare(v, min) >= 0 && v[0] === min[0] && v[1] === min[1];
  }
  return compare(v, parse(r)) === 0;
}

const own = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const ownRanges: Record<string, string> = { ...own.dependencies, ...own.devDependencies };

function installed(name: string): string {
  return (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Libraries whose generated range msa-gen must satisfy. Not `node` nor `@types/node`: msa-gen
 * itself runs on Node 20 (and its types), the generated platform on Node 22.
 */
const CHECKED: Record<string, string> = {
  ...RUNTIME_DEPENDENCIES,
  ...RUNTIME_DEV_DEPENDENCIES,
  typescript: ROOT_DEV_DEPENDENCIES.typescript,
  vitest: ROOT_DEV_DEPENDENCIES.vitest,
};

describe('versions of the generated platform', () => {
  it('knows the range forms it uses', () => {
    expect(satisfies('5.12.8', '^5.12.8')).toBe(true);
    expect(satisfies('5.13.0', '^5.12.8')).toBe(true);
    expect(satisfies('6.0.0', '^5.12.8')).toBe(false);
    expect(satisfies('5.12.7', '^5.12.8')).toBe(false);
    expect(satisfies('0.5.20', '^0.5.16')).toBe(true);
    expect(satisfies('0.6.0', '^0.5.16')).toBe(false);
    expect(satisfies('8.23.1', '^8')).toBe(true);
    expect(satisfies('5.9.9', '~5.9.3')).toBe(true);
    expect(satisfies('5.10.0', '~5.9.3')).toBe(false);
    expect(satisfies('22.18.0', '>=22.18')).toBe(true);
    expect(satisfies('22.17.1', '>=22.18')).toBe(false);
  });

  it.each(Object.entries(CHECKED))('%s %s: msa-gen pins it and installs a version in range', (name, range) => {
    const ownRange = ownRanges[name];
    expect(ownRange, `msa-gen's package.json has no ${name}`).toBeDefined();
    expect(satisfies(parse(ownRange!.replace(/^[\^~]/, '')).join('.'), range), `msa-gen pins ${name} ${ownRange}`).toBe(true);
    expect(satisfies(installed(name), range), `installed ${name} ${installed(name)}`).toBe(true);
  });

  it('writes these ranges into the generated package.json files', () => {
    const files = generate(request(modelOf(MINIMAL)));
    const json = (path: string) => JSON.parse(files.find((f) => f.path === path)!.content) as Record<string, Record<string, string>>;
    expect(json('packages/runtime/package.json')['dependencies']).toEqual(RUNTIME_DEPENDENCIES);
    expect(json('packages/runtime/package.json')['devDependencies']).toEqual(RUNTIME_DEV_DEPENDENCIES);
    expect(json('package.json')['devDependencies']).toEqual(ROOT_DEV_DEPENDENCIES);
    expect(json('package.json')['engines']).toEqual({ node: NODE_ENGINE });
    // The Node the root's `node` devDependency installs runs TypeScript without a flag.
    expect(satisfies(parse(ROOT_DEV_DEPENDENCIES.node.slice(1)).join('.'), NODE_ENGINE)).toBe(true);
  });

  it('declares the services\' Node once, at the root, and the README says the same version', () => {
    const files = generate(request(modelOf(MINIMAL)));
    const packages = files.filter((f) => f.path.endsWith('package.json'));
    expect(packages.length).toBeGreaterThan(3);
    // A workspace with engines makes npm on Node 20 warn once per workspace (5 lines each).
    for (const f of packages) if (f.path !== 'package.json') expect(JSON.parse(f.content), f.path).not.toHaveProperty('engines');
    const root = JSON.parse(files.find((f) => f.path === 'package.json')!.content) as Record<string, Record<string, unknown>>;
    expect(root['engines']).toEqual({ node: `>=${NODE_MIN}` });
    // npm may run on Node 20 (the scripts run on the node dev dependency's Node 22); with devEngines npm no longer checks the root's engines.
    expect(root['devEngines']).toEqual({ runtime: { name: 'node', version: '>=20', onFail: 'warn' } });
    const readme = files.find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain(`**Node.js ${NODE_MIN} or later**`);
    expect(readme.match(/Node\.js (\d+\.\d+) or later/g)).toEqual([`Node.js ${NODE_MIN} or later`]);
  });

  it("msa-gen's README names the Node versions its own engines and the generated engines say", () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const own = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(readme).toContain(`Node.js ≥ ${own.replace('>=', '')} and npm`);
    expect(readme).toContain(`which need Node.js ${NODE_MIN} or later: the \`engines\` of its\nroot package.json`);
  });

  it('says once, when npm runs on Node 20, that its engine warnings do not apply', () => {
    const files = generate(request(modelOf(MINIMAL)));
    const script = (JSON.parse(files.find((f) => f.path === 'package.json')!.content) as { scripts: Record<string, string> }).scripts['preinstall']!;
    const code = /^node -e "(.*)"$/.exec(script)![1]!;
    const said = (agent: string) => {
      const lines: string[] = [];
      new Function('process', 'console', code)({ env: { npm_config_user_agent: agent } }, { log: (line: string) => lines.push(line) });
      return lines;
    };
    expect(said('npm/11.19.1 node/v20.20.2 linux x64 workspaces/false')).toEqual([
      `npm runs on Node 20: its engine warnings above, for packages that require Node 22, do not apply; the services run on Node ${NODE_MIN} or later, which the node dev dependency installs into node_modules/.bin`,
    ]);
    expect(said('npm/11.19.1 node/v22.22.0 linux x64 workspaces/false')).toEqual([]);
    expect(said('')).toEqual([]);
  });
});
