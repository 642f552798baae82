/**
 * Renders a generated chart as `helm template` would, with helm-render/main.go: Go's
 * text/template and Sprig, the engine and functions Helm uses (Helm itself cannot run on the
 * machines these tests run on). Needs Debian's golang-go, golang-github-masterminds-sprig-dev and
 * golang-gopkg-yaml.v2-dev (.ci/run installs them). The binary is built once per source hash.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const source = join(import.meta.dirname, 'helm-render', 'main.go');

export const GO_PACKAGES = 'golang-go golang-github-masterminds-sprig-dev golang-gopkg-yaml.v2-dev';

let built: string | undefined;

/** The path of the renderer, built on first use. */
export function helmRenderer(): string {
  if (built) return built;
  const text = readFileSync(source);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const binary = join(tmpdir(), 'msa-gen-test-helm-render', hash, 'helm-render');
  if (!existsSync(binary)) {
    const go = spawnSync('go', ['version'], { encoding: 'utf8' });
    if (go.status !== 0) throw new Error(`the chart render tests need Go and Sprig: apt-get install ${GO_PACKAGES}`);
    mkdirSync(dirname(binary), { recursive: true });
    const scratch = `${binary}.${process.pid}`;
    execFileSync('go', ['build', '-o', scratch, source], {
      env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    renameSync(scratch, binary);
  }
  built = binary;
  return binary;
}

/** Helm's coalescing of a values file over another (values.yaml first): maps merge, anything else replaces. */
export function coalesceValues(base: unknown, overlay: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(base) || !isMap(overlay)) return overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overlay)) out[k] = k in base ? coalesceValues(base[k], v) : v;
  return out;
}

export interface Rendered {
  /** templates/<file> → the rendered text of the files that render anything. */
  readonly manifests: Record<string, string>;
  readonly notes: string;
}

export type RenderOutcome = { readonly ok: true; readonly rendered: Rendered } | { readonly ok: false; readonly error: string };

/** Renders the chart (its files by path inside the chart) with already merged values. */
export function renderChart(files: ReadonlyMap<string, string>, values: unknown, release: string, namespace: string): RenderOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'msa-gen-chart-'));
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, 'chart', path)), { recursive: true });
      writeFileSync(join(dir, 'chart', path), content);
    }
    writeFileSync(join(dir, 'values.json'), JSON.stringify(values));
    const result = spawnSync(helmRenderer(), [join(dir, 'chart'), join(dir, 'values.json'), release, namespace], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) return { ok: false, error: (result.stderr || String(result.error)).trim() };
    return { ok: true, rendered: JSON.parse(result.stdout) as Rendered };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
