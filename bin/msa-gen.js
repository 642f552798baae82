#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): Node starts a CommonJS file faster than an ES module. A command
// runs from a CommonJS bundle compiled with a V8 code cache (dist/cli/code-cache.cjs): `validate`
// from dist/cli/validate.cjs, the others from dist/cli/cli.cjs; with nothing cached or the cache
// unusable, the bundle compiles from source. Anything amiss before the command starts (no
// dist/cli/*.cjs), and it runs from the ES modules (dist/cli/run.js) instead.

const argv = process.argv.slice(2);
const COMMANDS = new Set(['validate', 'scaffold', 'export', 'diff', 'init', 'routes', 'board', 'explain']);

/** A closed pipe (`msa-gen validate … | head`) is not an error worth a stack trace. */
const brokenPipe = () => process.exit(process.exitCode ?? 0);

function stream(name) {
  const s = process[name];
  s.on('error', (error) => {
    if (error.code === 'EPIPE') brokenPipe();
    throw error;
  });
  return s;
}

/**
 * V8 optimises a function once it has run a budget of bytecode (66 KB by default). `validate` is
 * short: on a small model most of what it optimised would be thrown away at exit, and on a
 * large one V8 spent more compiling than the optimised code saved. A larger budget leaves the
 * short-lived code in the baseline tiers and still optimises what runs long (the YAML scanner).
 * Set before the bundle compiles; the code cache is keyed by V8's flags, so it stays consistent.
 */
const VALIDATE_V8_FLAGS = '--interrupt-budget=1000000';

function cached() {
  const command = argv[0];
  if (!COMMANDS.has(command)) return undefined;
  try {
    if (command === 'validate') require('node:v8').setFlagsFromString(VALIDATE_V8_FLAGS);
    const { openCodeCache, fdOutput } = require('../dist/cli/code-cache.cjs');
    const isatty = (fd) => require('node:tty').isatty(fd);
    const stdout = fdOutput(1, { fallback: () => stream('stdout'), brokenPipe, isatty });
    const stderr = fdOutput(2, { fallback: () => stream('stderr'), brokenPipe, isatty });
    const cache = openCodeCache(process.env, module.constructor, (line) => stderr.write(line));
    const bundle = require.resolve(command === 'validate' ? '../dist/cli/validate.cjs' : '../dist/cli/cli.cjs');
    const run = cache.loadRun(bundle, command);
    cache.cacheModules();
    return { run, cache, io: { stdout, stderr, env: process.env, cwd: process.cwd() } };
  } catch {
    return undefined;
  }
}

(async () => {
  const start = cached();
  if (start) {
    const code = await start.run(argv, start.io);
    process.exitCode = code;
    start.cache.save();
    // Everything was written synchronously: nothing is left to wait for.
    if (start.io.stdout.synchronous && start.io.stderr.synchronous) process.exit(code);
    return;
  }
  const io = { stdout: stream('stdout'), stderr: stream('stderr'), env: process.env, cwd: process.cwd() };
  const { run } = await import('../dist/cli/run.js');
  process.exitCode = await run(argv, io);
})();
