/** src/tree: the one definition of a safe output path, and the header written and recognised by the same module. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfinementError, GENERATED_HEADER, HELM_TEMPLATE_HEADER, carriesHeader, checkOutputPath, generatedFile, headerFor, isSafeRelativePath, outputPathProblem, userFile } from '../../src/tree/index.js';

const SAFE = ['a', 'a/b.ts', '.gitignore', 'helm/x/.helmignore', 'services/application/src/main.ts', 'a..b/c', '...', 'a/.../b', '.a/..b'];
const UNSAFE: [string, string][] = [
  ['', 'an empty path'],
  ['/etc/passwd', '"/etc/passwd" is absolute'],
  ['C:/x', '"C:/x" is absolute'],
  ['a\\b', '"a\\b" contains a backslash'],
  ['a\0b', '"a\0b" contains a NUL character'],
  ['../x', '"../x" has a ".." segment and could leave the output folder'],
  ['a/../../b', '"a/../../b" has a ".." segment and could leave the output folder'],
  ['./a', '"./a" has a "." segment and could leave the output folder'],
  ['a//b', '"a//b" has a "//" segment and could leave the output folder'],
  ['a/', '"a/" has a "//" segment and could leave the output folder'],
];

describe('output paths', () => {
  it('a safe path passes both forms of the check unchanged', () => {
    for (const p of SAFE) {
      expect(outputPathProblem(p), p).toBeUndefined();
      expect(isSafeRelativePath(p), p).toBe(true);
      expect(checkOutputPath(p)).toBe(p);
    }
  });

  it('an unsafe one fails both, with the same reason', () => {
    for (const [p, why] of UNSAFE) {
      expect(outputPathProblem(p), p).toBe(why);
      expect(isSafeRelativePath(p), p).toBe(false);
      expect(() => checkOutputPath(p), p).toThrow(new ConfinementError(why));
    }
  });

  it('finds the first empty, "." or ".." segment as splitting the path on "/" does', () => {
    const bySplit = (path: string): string | undefined => {
      for (const s of path.split('/')) {
        if (s === '' || s === '.' || s === '..') return `"${path}" has a "${s || '//'}" segment and could leave the output folder`;
      }
      return undefined;
    };
    const piece = fc.constantFrom('a', 'b.ts', '.', '..', '...', '/', '//', '.a', 'a.', '..b');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const path = pieces.join('');
        if (path.startsWith('/')) return;
        expect(outputPathProblem(path)).toBe(bySplit(path));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the generated-file header', () => {
  it('every header generatedFile writes is one carriesHeader recognises, after a shebang too', () => {
    const paths = ['a.ts', 'b.mjs', 'c.yaml', 'd.yml', 'e.tpl', 'f.sh', 'Dockerfile', 'x/.gitignore', 'g.md', 'h.sql'];
    for (const p of paths) {
      expect(headerFor(p), p).toContain(GENERATED_HEADER);
      expect(carriesHeader(generatedFile(p, 'body').content), p).toBe(true);
    }
    expect(carriesHeader(generatedFile('run.sh', '#!/bin/sh\necho hi').content)).toBe(true);
    expect(carriesHeader(`${HELM_TEMPLATE_HEADER}\napiVersion: v1\n`)).toBe(true);
  });

  it('JSON and user-owned files carry none; a header further down does not count', () => {
    expect(headerFor('package.json')).toBeUndefined();
    expect(carriesHeader(generatedFile('package.json', '{}').content)).toBe(false);
    expect(carriesHeader(userFile('services/a/src/main.ts', 'export {};').content)).toBe(false);
    expect(carriesHeader(`line\n// ${GENERATED_HEADER}\n`)).toBe(false);
  });
});
