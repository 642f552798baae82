/**
 * The trimmed outputs in docs/export.md and the README are real: each YAML snippet, its `# …`
 * elisions aside, is a subsequence of the lines the command prints for the model it names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';
import { ROOT } from './support.js';

/** The ```yaml blocks of a Markdown file. */
function yamlBlocks(file: string): string[][] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!.split('\n').filter((l) => l !== ''));
}

/** The lines of `snippet` that `output` lacks in that order (elision comments skipped). */
function missing(snippet: readonly string[], output: readonly string[]): string[] {
  const lost: string[] = [];
  let at = 0;
  for (const line of snippet) {
    if (/^\s*# …/.test(line)) continue;
    const found = output.indexOf(line, at);
    if (found === -1) lost.push(line);
    else at = found + 1;
  }
  return lost;
}

async function output(args: string[]): Promise<string[]> {
  const io = memoryIO(ROOT);
  expect(await run(args, io)).toBe(0);
  return io.out().split('\n');
}

describe('docs/export.md and the README show real output', () => {
  it('docs/export.md: the AsyncAPI of gov24\u2019s result service and the OpenAPI of its application service', async () => {
    const [asyncapi, openapi, ...rest] = yamlBlocks('docs/export.md');
    expect(rest).toEqual([]);
    expect(asyncapi![0]).toBe('asyncapi: 3.0.0');
    expect(missing(asyncapi!, await output(['export', 'asyncapi', 'models/gov24.yaml', '--context', 'result']))).toEqual([]);
    expect(openapi![0]).toBe('openapi: 3.1.0');
    expect(missing(openapi!, await output(['export', 'openapi', 'models/gov24.yaml', '--context', 'application']))).toEqual([]);
  });

  it('README: the channel of gov24\u2019s whole-platform AsyncAPI', async () => {
    const blocks = yamlBlocks('README.md').filter((b) => b[0] === 'channels:');
    expect(blocks).toHaveLength(1);
    expect(missing(blocks[0]!, await output(['export', 'asyncapi', 'models/gov24.yaml']))).toEqual([]);
  });
});
