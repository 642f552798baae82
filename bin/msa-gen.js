#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): Node starts a CommonJS file faster than an ES module, and
// `validate` loads no ES module at all; the other commands import dist/cli/run.js.

// A closed pipe (`msa-gen validate … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };

/** `validate` starts from a V8 code cache (dist/cli/code-cache.cjs); anything amiss there, from the ES modules. */
function cachedValidate() {
  if (argv[0] !== 'validate') return undefined;
  try {
    const { loadCachedRun } = require('../dist/cli/code-cache.cjs');
    return loadCachedRun(require.resolve('../dist/cli/validate.cjs'), process.env, (line) => process.stderr.write(line));
  } catch {
    return undefined;
  }
}

(async () => {
  const cached = cachedValidate();
  const { run } = cached ?? (await import('../dist/cli/run.js'));
  process.exitCode = await run(argv, io);
  cached?.save();
})();
