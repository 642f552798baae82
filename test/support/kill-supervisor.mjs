// Runs `msa-gen scaffold <model> -o <out>` as a child and SIGKILLs it: after `delay` ms from the
// start (mode "timer"), `delay` ms after its journal appears (mode "journal"), or never ("none").
// A process of its own, so the kill lands on time however busy the test process is. Prints one
// JSON line: { killed, code, signal, elapsed, journalAt } (milliseconds from the start).
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';

const [cli, model, out, mode, delayText] = process.argv.slice(2);
const delay = Number(delayText ?? 0);
const start = performance.now();
const since = () => Math.round((performance.now() - start) * 10) / 10;
const child = spawn(process.execPath, [cli, 'scaffold', model, '-o', out], { stdio: 'ignore' });
let killed = false;
let journalAt;
const kill = () => {
  if (child.exitCode === null && child.signalCode === null) {
    killed = child.kill('SIGKILL');
  }
};
let watcher;
if (mode === 'timer') setTimeout(kill, delay);
if (mode === 'journal' || mode === 'none') {
  const journal = join(out, '.msa-gen', 'journal.json');
  watcher = watch(join(out, '.msa-gen'), (_, name) => {
    if (name !== 'journal.json' || journalAt !== undefined || !existsSync(journal)) return;
    journalAt = since();
    if (mode === 'journal') delay > 0 ? setTimeout(kill, delay) : kill();
  });
}
child.on('exit', (code, signal) => {
  watcher?.close();
  process.stdout.write(`${JSON.stringify({ killed: killed && signal === 'SIGKILL', code, signal, elapsed: since(), journalAt })}\n`);
  process.exit(0);
});
