#!/usr/bin/env node
// npm run build: compile the schema validator, compile TypeScript to dist/, copy the JS assets.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (file, args) => execFileSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });

run(`${root}scripts/compile-schema.mjs`, []);
rmSync(`${root}dist`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
run(tsc, ['-p', 'tsconfig.build.json']);
mkdirSync(`${root}dist/model/schema`, { recursive: true });
copyFileSync(`${root}src/model/schema/validate-model.js`, `${root}dist/model/schema/validate-model.js`);
