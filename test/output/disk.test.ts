import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeOutputFs } from '../../src/cli/node-fs.js';
import { writeDurable } from '../../src/output/apply.js';
import { readDisk } from '../../src/output/disk.js';
import { ConfinementError, checkOutputPath } from '../../src/tree/index.js';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'msa-gen-disk-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('output confinement', () => {
  it.each(['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\b', 'a//b', './a', 'a/./b', ''])('refuses %j', (p) => {
    expect(() => checkOutputPath(p)).toThrow(ConfinementError);
  });
  it('accepts ordinary relative paths', () => {
    expect(checkOutputPath('services/application/src/main.ts')).toBe('services/application/src/main.ts');
  });

  it('refuses a symlink on the way to a file, and a symlinked file', async () => {
    const out = temp();
    const outside = temp();
    symlinkSync(outside, join(out, 'services'));
    await expect(readDisk(nodeOutputFs(out), ['services/a/x.ts'])).rejects.toThrow(/"services" is a symbolic link/);
    const out2 = temp();
    mkdirSync(join(out2, 'kafka'));
    writeFileSync(join(outside, 'target.yaml'), 'secret');
    symlinkSync(join(outside, 'target.yaml'), join(out2, 'kafka', 'topics.yaml'));
    await expect(readDisk(nodeOutputFs(out2), ['kafka/topics.yaml'])).rejects.toThrow(/is a symbolic link/);
  });

  it('reads existing files and skips absent ones', async () => {
    const out = temp();
    mkdirSync(join(out, 'a'));
    writeFileSync(join(out, 'a', 'b.txt'), 'hello');
    const disk = await readDisk(nodeOutputFs(out), ['a/b.txt', 'a/c.txt', 'z/y/x.txt']);
    expect([...disk]).toEqual([['a/b.txt', 'hello']]);
  });
});

describe('durable writes', () => {
  it('writes through a temporary file and leaves none behind', async () => {
    const out = temp();
    const fs = nodeOutputFs(out);
    mkdirSync(join(out, 'deep', 'er'), { recursive: true });
    await writeDurable(fs, 'deep/er/file.ts', 'one');
    await writeDurable(fs, 'deep/er/file.ts', 'two');
    expect(readFileSync(join(out, 'deep/er/file.ts'), 'utf8')).toBe('two');
    expect(readdirSync(join(out, 'deep/er'))).toEqual(['file.ts']);
  });
});
