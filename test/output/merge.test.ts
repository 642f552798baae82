import { describe, expect, it } from 'vitest';
import { createMerger, dedent } from '../../src/output/merge.js';

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
