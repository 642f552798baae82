#!/usr/bin/env node
// npm run bench: whole-process timings of the CLI at four model sizes, with hyperfine (Debian
// package `hyperfine`) when it is installed, else a plain median of repeated runs, and
// /usr/bin/time -v (Debian package `time`) for the peak RSS when it is there.
//
//   S  = models/gov24.yaml (15 contexts); M, L, XL = bench/models.mjs at 50, 200, 1,000 contexts.
//
// Per size: validate; scaffold into an empty folder; `scaffold --check` on an up-to-date folder;
// incremental (the model plus one command, scaffolded onto an up-to-date folder this machine
// scaffolded before: a user-owned domain file gets a new handler stub, so this one does load
// TypeScript); peak RSS of the fresh
// scaffold; the number of files; `node -e 0` and the hash floor (reading and hashing every file
// of the output, bench/hash-tree.mjs) as the yardsticks.
//
// Environment: BENCH_SIZES=S,M,L,XL (default all), BENCH_RUNS (runs per case; default 10 for S
// and M, 3 for L and XL).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, dump } from 'js-yaml';
import { benchModel } from './models.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'msa-gen.js');
const node = process.execPath;
const gov24 = join(root, 'models', 'gov24.yaml');
const work = mkdtempSync(join(tmpdir(), 'msa-gen-bench-'));
const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;
const hasTime = existsSync('/usr/bin/time');
const wanted = (process.env.BENCH_SIZES ?? 'S,M,L,XL').split(',');

const quote = (a) => (/^[\w./=-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall time (ms) of a command; `prepare` runs before each run, untimed. */
function time(name, argv, { runs, prepare, exit = 0 }) {
  if (hasHyperfine) {
    const json = join(work, 'hyperfine.json');
    const args = ['--warmup', '1', '--runs', String(runs), '--export-json', json, '--style', 'none', '--command-name', name];
    if (exit !== 0) args.push('--ignore-failure');
    if (prepare) args.push('--prepare', prepare);
    args.push(argv.map(quote).join(' '));
    execFileSync('hyperfine', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(json, 'utf8')).results[0].median * 1000;
  }
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    if (prepare) execFileSync('sh', ['-c', prepare]);
    const t = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== exit) throw new Error(`${name} exited ${r.status}`);
    if (i >= 1) times.push(ms);
  }
  return median(times);
}

/** Peak RSS (MiB) of one run, from /usr/bin/time -v. */
function peakRss(argv, prepare) {
  if (!hasTime) return NaN;
  if (prepare) execFileSync('sh', ['-c', prepare]);
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8' });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

function countFiles(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(join(dir, e.name)) : 1;
  return n;
}

/** The model plus one command, in the first aggregate that has commands. */
function plusOneCommand(text) {
  const model = load(text);
  for (const context of model.contexts) {
    const aggregate = (context.aggregates ?? []).find((a) => (a.commands ?? []).length > 0);
    if (!aggregate) continue;
    const first = aggregate.commands[0];
    aggregate.commands.push({ name: 'ReviewBenchRequest', fields: first.fields ?? [], emits: first.emits, http: `POST /bench-reviews` });
    // noRefs: the new command shares its lists with the first one in memory; without it js-yaml
    // writes them as an anchor and aliases (`&ref_0`, `*ref_0`), which no one editing a model
    // writes by hand.
    return dump(model, { lineWidth: -1, noRefs: true });
  }
  throw new Error('no aggregate with commands');
}

const sizes = [
  { name: 'S', contexts: 15, text: () => readFileSync(gov24, 'utf8'), runs: 10 },
  { name: 'M', contexts: 50, text: () => benchModel(50), runs: 10 },
  { name: 'L', contexts: 200, text: () => benchModel(200), runs: 3 },
  { name: 'XL', contexts: 1000, text: () => benchModel(1000), runs: 3 },
].filter((s) => wanted.includes(s.name));

console.log(`msa-gen bench, ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB${hasHyperfine ? ', hyperfine' : ''}`);
const floor = time('node -e 0', [node, '-e', '0'], { runs: 20 });
const rows = [];
for (const size of sizes) {
  const runs = Number(process.env.BENCH_RUNS ?? size.runs);
  const model = join(work, `${size.name}.yaml`);
  const plusOne = join(work, `${size.name}-plus-one.yaml`);
  const text = size.text();
  writeFileSync(model, text);
  writeFileSync(plusOne, plusOneCommand(text));
  const fresh = join(work, `${size.name}-fresh`);
  const checked = join(work, `${size.name}-checked`);
  const incremental = join(work, `${size.name}-incremental`);
  execFileSync(node, [cli, 'scaffold', model, '-o', checked], { stdio: 'ignore' });
  const row = { size: size.name, contexts: size.contexts, files: countFiles(checked) };
  row.validate = time(`validate ${size.name}`, [node, cli, 'validate', model], { runs });
  // The previous run's output is moved aside, not deleted, before each run: on ext4 a folder of
  // thousands of files deleted just before makes each new inode cost more (the kernel, not
  // msa-gen: the system time of one and the same scaffold then varies tenfold). The moved
  // folders are deleted after the size is done.
  const aside = join(work, `${size.name}-aside`);
  const moveAside = (dir) => `mkdir -p ${quote(aside)} && if [ -e ${quote(dir)} ]; then mv ${quote(dir)} "$(mktemp -d -p ${quote(aside)})/"; fi`;
  row.scaffold = time(`scaffold ${size.name}`, [node, cli, 'scaffold', model, '-o', fresh], { runs, prepare: moveAside(fresh) });
  row.check = time(`check ${size.name}`, [node, cli, 'scaffold', model, '-o', checked, '--check'], { runs });
  row.hash = time(`hash ${size.name}`, [node, join(root, 'bench', 'hash-tree.mjs'), checked], { runs });
  row.incremental = time(`incremental ${size.name}`, [node, cli, 'scaffold', plusOne, '-o', incremental], {
    runs,
    // The copy is scaffolded once, untimed, so that it is what a developer's folder is: one this
    // machine scaffolded before, with its stat record (a copy's inodes match no record).
    prepare: `${moveAside(incremental)} && cp -a ${quote(checked)} ${quote(incremental)} && ${[node, cli, 'scaffold', model, '-o', incremental].map(quote).join(' ')} > /dev/null`,
  });
  row.rss = peakRss([node, cli, 'scaffold', model, '-o', fresh], moveAside(fresh));
  rows.push(row);
  for (const dir of [fresh, incremental, aside]) rmSync(dir, { recursive: true, force: true });
  console.log(`  ${size.name} done`);
}

const ms = (v) => `${v >= 1000 ? (v / 1000).toFixed(2) + ' s' : v.toFixed(0) + ' ms'}`;
console.log(`\nmedian wall time; node -e 0 = ${ms(floor)}\n`);
console.log('| size | contexts | files | validate | scaffold, fresh | --check (× hash floor) | + one command | peak RSS, scaffold |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size} | ${r.contexts} | ${r.files} | ${ms(r.validate)} (${(r.validate / floor).toFixed(2)}× node) | ${ms(r.scaffold)} | ${ms(r.check)} (${(r.check / r.hash).toFixed(1)}×) | ${ms(r.incremental)} | ${r.rss.toFixed(0)} MiB |`,
  );
}
const l = rows.find((r) => r.size === 'L');
const xl = rows.find((r) => r.size === 'XL');
if (l && xl) {
  const g = (k) => (xl[k] / l[k]).toFixed(1);
  console.log(`\nL → XL (5× the contexts): validate ${g('validate')}×, scaffold ${g('scaffold')}×, --check ${g('check')}×, + one command ${g('incremental')}× (target: each ≤ 6×)`);
}

// Does --check load the TypeScript compiler? Look at what the CommonJS loader holds afterwards.
const checkedS = join(work, 'S-checked');
if (existsSync(checkedS)) {
  const probeScript = `
    import { createRequire } from 'node:module';
    const { run } = await import(${JSON.stringify(join(root, 'dist', 'cli', 'run.js'))});
    const io = { cwd: ${JSON.stringify(root)}, env: {}, stdout: { write() {} }, stderr: { write() {} } };
    await run(['scaffold', ${JSON.stringify(join(work, 'S.yaml'))}, '-o', ${JSON.stringify(checkedS)}, '--check'], io);
    console.log(Object.keys(createRequire(import.meta.url).cache).some((k) => /ts-morph|[\\\\/]typescript[\\\\/]/.test(k)));
  `;
  const probe = spawnSync(node, ['--input-type=module', '-e', probeScript], { encoding: 'utf8' });
  console.log(`\n--check loads ts-morph/TypeScript: ${probe.stdout.trim() === 'true' ? 'yes' : probe.stdout.trim() === 'false' ? 'no' : `unknown (${probe.stderr.trim()})`}`);
}

// The other commands on gov24: the contract exports and the board.
if (wanted.includes('S')) {
  console.log('\nother commands on gov24:');
  const others = [
    ['export asyncapi (whole platform)', [node, cli, 'export', 'asyncapi', gov24, '-o', join(work, 'gov24.asyncapi.yaml')]],
    ['export openapi --context application', [node, cli, 'export', 'openapi', gov24, '--context', 'application', '-o', join(work, 'application.openapi.yaml')]],
    ['board --format svg', [node, cli, 'board', gov24, '--format', 'svg', '-o', join(work, 'gov24.svg')]],
  ];
  for (const [name, argv] of others) console.log(`  ${name.padEnd(40)} ${ms(time(name, argv, { runs: 5 }))}`);
}

// Bounds: hostile input costs bounded work (gov24 with a 6 MB reference or DLQ suffix, /dev/zero).
if (wanted.includes('S')) {
  const text = readFileSync(gov24, 'utf8');
  const bigReference = join(work, 'gov24-6mb-reference.yaml');
  writeFileSync(bigReference, text.replace(/^(\s+on: )\w+$/m, (_, head) => `${head}${'Application'.repeat(572_000)}`));
  const bigSuffix = join(work, 'gov24-6mb-dlq-suffix.yaml');
  writeFileSync(bigSuffix, text.replace('suffix: .DLQ,', `suffix: .${'X'.repeat(6_000_000)},`));
  console.log('\nbounds (findings, exit 1):');
  const bounds = [
    ['validate gov24, one 6 MB reference', bigReference],
    ['validate gov24, a 6 MB DLQ suffix', bigSuffix],
    ...(existsSync('/dev/zero') ? [['validate /dev/zero', '/dev/zero']] : []),
  ];
  for (const [name, file] of bounds) console.log(`  ${name.padEnd(40)} ${ms(time(name, [node, cli, 'validate', file], { runs: 3, exit: 1 }))}`);
}
rmSync(work, { recursive: true, force: true });
