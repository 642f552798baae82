/**
 * The services' Dockerfiles name no other service: their first stage picks every package.json and
 * the lockfile out of the build context. No Docker daemon runs here, so the test runs that stage's
 * RUN instruction with sh on the committed example and compares what it picked with the
 * workspace's manifests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generators/index.js';
import { MODELS_DIR, REPO, modelOf, request } from './scaffold-support.js';

const files = generate(request(modelOf(join(MODELS_DIR, 'gov24.yaml'))));
const dockerfiles = files.filter((f) => /^services\/[^/]+\/Dockerfile$/.test(f.path));
const out = mkdtempSync(join(tmpdir(), 'msa-gen-manifests-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function listed(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(relative(dir, full));
    }
  };
  walk(dir);
  return found.sort();
}

describe('service Dockerfiles', () => {
  it('every service has one, and none names another service', () => {
    expect(dockerfiles.length).toBe(files.filter((f) => /^services\/[^/]+\/package\.json$/.test(f.path)).length);
    for (const d of dockerfiles) {
      const own = d.path.split('/')[1]!;
      const named = [...d.content.matchAll(/services\/([a-z0-9-]+)/g)].map((m) => m[1]);
      expect(new Set(named), d.path).toEqual(new Set([own]));
    }
  });

  it('the manifests stage is the same text in every Dockerfile', () => {
    const stage = (text: string) => text.slice(text.indexOf('FROM '), text.indexOf('\nFROM ', text.indexOf('FROM ') + 1));
    const stages = new Set(dockerfiles.map((d) => stage(d.content)));
    expect(stages.size).toBe(1);
    expect([...stages][0]).toMatch(/AS manifests/);
  });

  it("the manifests stage picks exactly the workspace's package.json files and the lockfile", () => {
    const run = /^RUN (mkdir \/manifests .*)$/m.exec(dockerfiles[0]!.content)?.[1];
    expect(run).toBeDefined();
    const script = run!.split('/manifests').join(out);
    execFileSync('sh', ['-c', script.replace(`mkdir ${out}`, `mkdir -p ${out}`)], { cwd: join(REPO, 'examples', 'gov24') });
    const manifests = files.map((f) => f.path).filter((p) => p === 'package.json' || p.endsWith('/package.json'));
    expect(listed(out)).toEqual([...manifests, 'package-lock.json'].sort());
  });
});
