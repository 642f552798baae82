import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MergeError, createMerger, dedent } from '../../src/output/merge.js';

const spec = (names: string[]) => ({
  kind: 'object-members' as const,
  variable: 'applicationHandlers',
  members: names.map((n) => ({ name: n, text: `  /** ${n}. */\n  async ${n}(command, ctx) {\n    return defaults.${n}(command, ctx);\n  }` })),
});

describe('ts-morph merge of user-owned files', () => {
  const user = `import { applicationDefaults as defaults, type ApplicationHandlers } from '../generated/handlers.ts';

// My notes stay here.
export const applicationHandlers: ApplicationHandlers = {
  async submit(command, ctx) {
    // business rule the user wrote
    if (command.citizenId === 'blocked') throw new Error('blocked');
    return defaults.submit(command, ctx);
  }
};

export function helper() { return 42 }
`;

  it('finds exactly the missing members', () => {
    expect(createMerger().missingMembers('a.ts', user, spec(['submit', 'cancel']))).toEqual(['cancel']);
  });

  it('appends the stub and keeps every byte the user wrote', () => {
    const merged = createMerger().addMembers('a.ts', user, spec(['submit', 'cancel']), ['cancel']);
    const head = user.slice(0, user.indexOf('  }\n};'));
    expect(merged.startsWith(head)).toBe(true);
    expect(merged).toContain('  },\n  /** cancel. */\n  async cancel(command, ctx) {\n    return defaults.cancel(command, ctx);\n  },\n};');
    expect(merged.endsWith('\nexport function helper() { return 42 }\n')).toBe(true);
    expect(createMerger().missingMembers('a.ts', merged, spec(['submit', 'cancel']))).toEqual([]);
  });

  it('works through `satisfies` and with property-style members', () => {
    const text = 'export const applicationHandlers = {\n  submit: async (c, x) => defaults.submit(c, x),\n} satisfies ApplicationHandlers;\n';
    const merged = createMerger().addMembers('b.ts', text, spec(['submit', 'cancel']), ['cancel']);
    expect(merged).toContain('  submit: async (c, x) => defaults.submit(c, x),\n  /** cancel. */');
    expect(merged).toMatch(/\n\} satisfies ApplicationHandlers;\n$/);
  });

  it('explains when the variable is gone instead of guessing', () => {
    expect(() => createMerger().missingMembers('c.ts', 'export const other = {};\n', spec(['submit']))).toThrow(/"applicationHandlers" is gone/);
  });

  it('dedents a stub', () => {
    expect(dedent('\n    a() {\n      b;\n    },\n')).toBe('a() {\n  b;\n}');
  });
});

/** Whether `inner` is a subsequence of `outer`: every byte of it kept, in order. */
function keepsEveryByte(inner: string, outer: string): boolean {
  let i = 0;
  for (let j = 0; j < outer.length && i < inner.length; j++) if (outer[j] === inner[i]) i++;
  return i === inner.length;
}

/** Syntax errors as the TypeScript compiler of the project (not the merger's copy) reports them. */
function syntaxErrors(text: string): string[] {
  const out = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

/** How many members of the object literal `applicationHandlers` are named `name`. */
function memberCount(text: string, name: string): number {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  let count = 0;
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralElementLike(node) && node.name && ts.isIdentifier(node.name) && node.name.text === name) count++;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return count;
}

describe('merges that keep comments and line endings', () => {
  const head = "import { applicationDefaults as defaults, type ApplicationHandlers } from '../generated/handlers.ts';\n\n";
  const merger = createMerger();

  it('puts the comma after the last member, not inside its trailing line comment', () => {
    const user = `${head}export const applicationHandlers: ApplicationHandlers = {\n  async submit(command, ctx) {\n    return defaults.submit(command, ctx);\n  } // the one we started with\n};\n`;
    const merged = merger.addMembers('a.ts', user, spec(['submit', 'cancel']), ['cancel']);
    expect(syntaxErrors(merged)).toEqual([]);
    expect(merged).toContain('  }, // the one we started with\n  /** cancel. */\n  async cancel(command, ctx) {');
    expect(memberCount(merged, 'cancel')).toBe(1);
    expect(keepsEveryByte(user, merged)).toBe(true);
    expect(merger.missingMembers('a.ts', merged, spec(['submit', 'cancel']))).toEqual([]);
  });

  it('goes after comments that follow a trailing comma, block comments included', () => {
    const user = `${head}export const applicationHandlers = {\n  submit: (c, x) => defaults.submit(c, x), /* first */ // done\n  // later: more handlers\n};\n`;
    const merged = merger.addMembers('a.ts', user, spec(['submit', 'cancel']), ['cancel']);
    expect(syntaxErrors(merged)).toEqual([]);
    expect(merged).toContain('  // later: more handlers\n  /** cancel. */\n');
    expect(merged).toBe(
      `${head}export const applicationHandlers = {\n  submit: (c, x) => defaults.submit(c, x), /* first */ // done\n  // later: more handlers\n` +
        '  /** cancel. */\n  async cancel(command, ctx) {\n    return defaults.cancel(command, ctx);\n  },\n};\n',
    );
    expect(keepsEveryByte(user, merged)).toBe(true);
  });

  it('keeps CRLF line endings: every line of the result ends in CRLF, no \\r dropped', () => {
    const lf = `${head}export const applicationHandlers: ApplicationHandlers = {\n  async submit(command, ctx) {\n    return defaults.submit(command, ctx);\n  }\n};\n`;
    const user = lf.replace(/\n/g, '\r\n');
    const merged = merger.addMembers('a.ts', user, spec(['submit', 'cancel']), ['cancel']);
    expect(syntaxErrors(merged)).toEqual([]);
    expect(merged.split('\r\n').length).toBe(merged.split('\n').length);
    expect(merged.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(keepsEveryByte(user, merged)).toBe(true);
    expect(memberCount(merged, 'cancel')).toBe(1);
  });

  it('finds members through the syntax tree: a name in a comment or a string is not a member', () => {
    const user = `${head}export const applicationHandlers = {\n  // TODO cancel: later\n  async submit(command, ctx) {\n    const note = 'cancel(';\n    return defaults.submit(command, ctx);\n  },\n};\n`;
    expect(merger.missingMembers('a.ts', user, spec(['submit', 'cancel']))).toEqual(['cancel']);
    const merged = merger.addMembers('a.ts', user, spec(['submit', 'cancel']), ['cancel']);
    expect(memberCount(merged, 'cancel')).toBe(1);
    expect(syntaxErrors(merged)).toEqual([]);
    expect(keepsEveryByte(user, merged)).toBe(true);
  });

  it('recognises quoted and computed member names, and property-style members', () => {
    const user = `export const applicationHandlers = {\n  'submit': (c, x) => x,\n  ['cancel']: (c, x) => x,\n  renew,\n};\n`;
    expect(merger.missingMembers('a.ts', user, spec(['submit', 'cancel', 'renew', 'close']))).toEqual(['close']);
  });

  it('adds to a one-line literal and to an empty one', () => {
    const one = 'export const applicationHandlers = { submit: (c, x) => x };\n';
    const merged = merger.addMembers('a.ts', one, spec(['submit', 'cancel']), ['cancel']);
    expect(syntaxErrors(merged)).toEqual([]);
    expect(memberCount(merged, 'cancel')).toBe(1);
    expect(keepsEveryByte(one, merged)).toBe(true);
    const empty = 'export const applicationHandlers = {};\n';
    const filled = merger.addMembers('a.ts', empty, spec(['submit']), ['submit']);
    expect(filled).toBe('export const applicationHandlers = {\n  /** submit. */\n  async submit(command, ctx) {\n    return defaults.submit(command, ctx);\n  },\n};\n');
  });

  it('keeps tab indentation', () => {
    const user = 'export const applicationHandlers = {\n\tsubmit: (c, x) => x,\n};\n';
    const merged = merger.addMembers('a.ts', user, spec(['submit', 'cancel']), ['cancel']);
    expect(merged).toContain('\n\t/** cancel. */\n\tasync cancel(command, ctx) {\n\t  return');
  });

  it('refuses to merge into a file that does not parse, naming the file and the line', () => {
    const user = `${head}export const applicationHandlers = {\n  async submit(command, ctx) {\n    return defaults.submit(command, ctx;\n  },\n};\n`;
    expect(() => merger.addMembers('services/a/src/domain/A.ts', user, spec(['submit', 'cancel']), ['cancel'])).toThrow(MergeError);
    expect(() => merger.addMembers('services/a/src/domain/A.ts', user, spec(['submit', 'cancel']), ['cancel'])).toThrow(/^services\/a\/src\/domain\/A\.ts:5:\d+: .*does not parse/);
  });

  it('refuses a merge whose result would not parse, naming the file and the line', () => {
    const broken = { kind: 'object-members' as const, variable: 'applicationHandlers', members: [{ name: 'cancel', text: 'async cancel(command, ctx) {\n  return (;\n}' }] };
    const user = 'export const applicationHandlers = {\n  submit: (c, x) => x,\n};\n';
    let error: unknown;
    try {
      merger.addMembers('services/a/src/domain/A.ts', user, broken, ['cancel']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).reason).toBe('syntax');
    expect((error as Error).message).toMatch(/^services\/a\/src\/domain\/A\.ts:4:\d+: .*would break the file; nothing written/);
  });
});
