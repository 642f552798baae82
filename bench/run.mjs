#!/usr/bin/env node
// npm run bench: whole-process timings of the CLI on models/gov24.yaml, with hyperfine
// (Debian package `hyperfine`) when it is installed, else a plain median of repeated runs.
// Targets (from the issues): `validate` within 2x of a bare `node -e 0`; `scaffold` of gov24
// into an empty folder well under a second; `--check` without loading ts-morph; validating gov24
// with one 6 MB reference (a policy's `on:`) under 2 s; `validate /dev/zero` stops at --max-size.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'msa-gen.js');
const model = join(root, 'models', 'gov24.yaml');
const node = process.execPath;
const runs = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(join(tmpdir(), 'msa-gen-bench-'));
const out = join(work, 'gov24');
const checked = join(work, 'checked');
execFileSync(node, [cli, 'scaffold', model, '-o', checked], { stdio: 'ignore' });
// gov24 with the first policy's `on:` replaced by a 6 MB name: a finding (exit 1), no suggestion.
const bigReference = join(work, 'gov24-6mb-reference.yaml');
writeFileSync(bigReference, readFileSync(model, 'utf8').replace(/^(\s+on: )\w+$/m, (_, head) => `${head}${'Application'.repeat(572_000)}`));
// gov24 with a 6 MB DLQ suffix: one MSA501 finding; no rule copies the name once per event.
const bigSuffix = join(work, 'gov24-6mb-dlq-suffix.yaml');
writeFileSync(bigSuffix, readFileSync(model, 'utf8').replace('suffix: .DLQ,', `suffix: .${'X'.repeat(6_000_000)},`));

const cases = [
  { name: 'node -e 0 (baseline)', argv: [node, '-e', '0'] },
  { name: 'msa-gen validate models/gov24.yaml', argv: [node, cli, 'validate', model] },
  { name: 'msa-gen scaffold gov24 into an empty folder', argv: [node, cli, 'scaffold', model, '-o', out], prepare: `rm -rf ${out}` },
  { name: 'msa-gen scaffold --check (up to date)', argv: [node, cli, 'scaffold', model, '-o', checked, '--check'] },
  { name: 'msa-gen export asyncapi gov24 (whole platform)', argv: [node, cli, 'export', 'asyncapi', model, '-o', join(work, 'gov24.asyncapi.yaml')] },
  { name: 'msa-gen export openapi gov24 --context application', argv: [node, cli, 'export', 'openapi', model, '--context', 'application', '-o', join(work, 'application.openapi.yaml')] },
  { name: 'msa-gen validate gov24, one 6 MB reference', argv: [node, cli, 'validate', bigReference], exit: 1 },
  { name: 'msa-gen validate gov24, a 6 MB DLQ suffix', argv: [node, cli, 'validate', bigSuffix], exit: 1 },
  ...(existsSync('/dev/zero') ? [{ name: 'msa-gen validate /dev/zero', argv: [node, cli, 'validate', '/dev/zero'], exit: 1 }] : []),
];

const quote = (a) => (/^[\w./=-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const results = [];
if (hasHyperfine) {
  const json = join(work, 'hyperfine.json');
  const args = ['--warmup', '2', '--runs', String(runs), '--export-json', json, '--style', 'basic'];
  if (cases.some((c) => c.exit)) args.push('--ignore-failure'); // findings exit 1 on purpose
  for (const c of cases) {
    if (c.prepare) args.push('--prepare', c.prepare);
    else args.push('--prepare', 'true');
    args.push('--command-name', c.name, c.argv.map(quote).join(' '));
  }
  execFileSync('hyperfine', args, { stdio: 'inherit' });
  const { results: r } = JSON.parse((await import('node:fs')).readFileSync(json, 'utf8'));
  for (const x of r) results.push({ name: x.command, median: x.median * 1000 });
} else {
  console.log('hyperfine not found (Debian: apt-get install hyperfine); timing with a plain loop');
  for (const c of cases) {
    const times = [];
    for (let i = 0; i < runs + 2; i++) {
      if (c.prepare) rmSync(out, { recursive: true, force: true });
      const t = process.hrtime.bigint();
      const r = spawnSync(c.argv[0], c.argv.slice(1), { stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (r.status !== (c.exit ?? 0)) throw new Error(`${c.name} exited ${r.status}`);
      if (i >= 2) times.push(ms);
    }
    results.push({ name: c.name, median: median(times) });
  }
}

const base = results[0].median;
console.log('\nmedian wall time (ms), and ratio to the node -e 0 baseline:');
for (const r of results) console.log(`  ${r.name.padEnd(48)} ${r.median.toFixed(1).padStart(8)}  ${(r.median / base).toFixed(2)}x`);

// Does --check load the TypeScript compiler? Look at what the CommonJS loader holds afterwards.
const probeScript = `
  import { createRequire } from 'node:module';
  const { run } = await import(${JSON.stringify(join(root, 'dist', 'cli', 'run.js'))});
  const io = { cwd: ${JSON.stringify(root)}, env: {}, stdout: { write() {} }, stderr: { write() {} } };
  await run(['scaffold', ${JSON.stringify(model)}, '-o', ${JSON.stringify(checked)}, '--check'], io);
  console.log(Object.keys(createRequire(import.meta.url).cache).some((k) => /ts-morph|[\\\\/]typescript[\\\\/]/.test(k)));
`;
const probe = spawnSync(node, ['--input-type=module', '-e', probeScript], { encoding: 'utf8' });
console.log(`\n--check loads ts-morph/TypeScript: ${probe.stdout.trim() === 'true' ? 'yes' : probe.stdout.trim() === 'false' ? 'no' : `unknown (${probe.stderr.trim()})`}`);
rmSync(work, { recursive: true, force: true });
