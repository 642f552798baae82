/**
 * Merges stubs for new commands into a user-owned file with ts-morph, touching nothing the user
 * wrote: the members are appended to the exported object literal, the rest of the text stays
 * byte for byte. Loaded only when a merge is needed (it brings in the TypeScript compiler).
 */
import { Node, Project, SyntaxKind, type ObjectLiteralExpression } from 'ts-morph';
import type { ObjectMembersMerge } from '../generators/types.js';
import type { Merger } from './plan.js';

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

function objectLiteral(path: string, content: string, spec: ObjectMembersMerge): { literal: ObjectLiteralExpression; text: () => string } {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true });
  const file = project.createSourceFile(path, content, { overwrite: true });
  const declaration = file.getVariableDeclaration(spec.variable);
  if (!declaration) {
    throw new MergeError(`${path}: cannot add handler stubs: the variable "${spec.variable}" is gone (rename it back, or add the stubs yourself)`);
  }
  let init = declaration.getInitializer();
  while (init && (Node.isSatisfiesExpression(init) || Node.isAsExpression(init) || Node.isParenthesizedExpression(init))) {
    init = init.getExpression();
  }
  if (!init || !Node.isObjectLiteralExpression(init)) {
    throw new MergeError(`${path}: cannot add handler stubs: "${spec.variable}" is no longer an object literal`);
  }
  return { literal: init, text: () => file.getFullText() };
}

function memberNames(literal: ObjectLiteralExpression): Set<string> {
  const names = new Set<string>();
  for (const p of literal.getProperties()) {
    if (Node.isPropertyAssignment(p) || Node.isMethodDeclaration(p) || Node.isShorthandPropertyAssignment(p) || Node.isGetAccessorDeclaration(p)) {
      names.add(p.getName().replace(/^['"]|['"]$/g, ''));
    } else if (Node.isSpreadAssignment(p)) {
      names.add(`...${p.getExpression().getText()}`);
    }
  }
  return names;
}

/** The text without its blank edges, its common indentation and a trailing comma. */
export function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').replace(/,$/, '').split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

export function createMerger(): Merger {
  return {
    missingMembers(path, content, spec) {
      const names = memberNames(objectLiteral(path, content, spec).literal);
      return spec.members.map((m) => m.name).filter((n) => !names.has(n));
    },
    addMembers(path, content, spec, names) {
      const { literal } = objectLiteral(path, content, spec);
      const stubs = spec.members.filter((m) => names.includes(m.name)).map((m) => dedent(m.text));
      if (stubs.length === 0) return content;
      // Insert the text by hand before the closing brace: ts-morph's own printer would
      // re-indent the literal, and the user's formatting must stay as it is.
      const close = literal.getLastChildByKindOrThrow(SyntaxKind.CloseBraceToken);
      const properties = literal.getProperties();
      const last = properties[properties.length - 1];
      const indent = last ? ' '.repeat(last.getStartLinePos() === last.getStart() ? 0 : last.getStart() - last.getStartLinePos()) : '  ';
      const before = content.slice(0, close.getStart());
      const after = content.slice(close.getStart());
      const trimmed = before.replace(/\s*$/, '');
      const needsComma = last !== undefined && !trimmed.endsWith(',') && !trimmed.endsWith('{');
      const body = stubs.map((s) => s.split('\n').map((line) => (line ? indent + line : line)).join('\n')).join(',\n');
      const closingIndent = /\n([ \t]*)$/.exec(before)?.[1] ?? '';
      return `${trimmed}${needsComma ? ',' : ''}\n${body},\n${closingIndent}${after}`;
    },
  };
}
