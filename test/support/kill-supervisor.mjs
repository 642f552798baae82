// Runs `msa-gen scaffold <model> -o <out>` as a child and SIGKILLs it, once per request: one JSON
// line on stdin, { cli, model, out, mode, delay }, one JSON line back on stdout, { killed, code,
// signal, elapsed, journalAt } (milliseconds from the start). Modes: "timer" kills `delay` ms after
// the start, "journal" `delay` ms after the run's journal appears, "none" never. A process of its
// own, kept for many requests, so each kill lands on time however busy the test process is.
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

function supervise({ cli, model, out, mode, delay }) {
  return new Promise((resolve) => {
    const start = performance.now();
    const since = () => Math.round((performance.now() - start) * 10) / 10;
    const child = spawn(process.execPath, [cli, 'scaffold', model, '-o', out], { stdio: 'ignore' });
    let killed = false;
    let journalAt;
    let timer;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
    };
    if (mode === 'timer') timer = setTimeout(kill, delay);
    let watcher;
    if (mode === 'journal' || mode === 'none') {
      const journal = join(out, '.msa-gen', 'journal.json');
      watcher = watch(join(out, '.msa-gen'), (_, name) => {
        if (name !== 'journal.json' || journalAt !== undefined || !existsSync(journal)) return;
        journalAt = since();
        if (mode === 'journal') {
          if (delay > 0) timer = setTimeout(kill, delay);
          else kill();
        }
      });
    }
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ killed: killed && signal === 'SIGKILL', code, signal, elapsed: since(), journalAt });
    });
  });
}

const lines = createInterface({ input: process.stdin });
const queue = [];
let busy = false;
const next = async () => {
  if (busy || queue.length === 0) return;
  busy = true;
  const result = await supervise(JSON.parse(queue.shift()));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  busy = false;
  void next();
};
lines.on('line', (line) => {
  queue.push(line);
  void next();
});
