#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL cluster: initdb in a
// temporary folder, a free port on 127.0.0.1, trust authentication; stopped and removed after.
// Needs the server binaries (Debian: apt-get install postgresql). As root, the cluster runs as
// the `postgres` user, as PostgreSQL refuses to run as root.
//   node scripts/with-postgres.mjs -- <command> [args…]       exit 3 when no server is installed
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function main() {
  const sep = process.argv.indexOf('--');
  const command = sep >= 0 ? process.argv.slice(sep + 1) : [];
  if (command.length === 0) {
    console.error('usage: node scripts/with-postgres.mjs -- <command> [args…]');
    process.exit(2);
  }
  const bin = findPostgresBin();
  if (!bin) {
    console.error('with-postgres: no PostgreSQL server installed (Debian: apt-get install postgresql)');
    process.exit(3);
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'msa-gen-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const runAs = (file, args) => {
    const argv = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    const r = spawnSync(argv[0], argv[1], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed (exit ${r.status})`);
  };
  const port = await freePort();
  let started = false;
  let status = 1;
  try {
    runAs(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-instructions']);
    runAs(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    started = true;
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    console.log(`with-postgres: PostgreSQL (${bin.split('/').at(-2)}) on 127.0.0.1:${port}`);
    const r = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });
    status = r.status ?? 1;
  } finally {
    if (started) {
      try {
        runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
      } catch (error) {
        console.error(String(error));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(status);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
