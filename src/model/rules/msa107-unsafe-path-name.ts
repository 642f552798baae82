import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA107',
  name: 'unsafe-path-name',
  severity: 'error',
  summary: 'Names that become file or folder names are safe on every file system.',
  hint: "Avoid path separators, '..', device names such as CON or NUL, and names that differ from another only in letter case.",
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
