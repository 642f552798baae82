/**
 * Adds handler stubs for new commands to a user-owned file without touching what the user wrote:
 * the exported object literal is found through the syntax tree (never a text search), the new
 * members go after its last member and the comments that follow it, in the file's own line
 * endings, and every other byte stays as it was. The result is parsed again before it is
 * accepted. Loaded only when a file must be parsed: it brings in the TypeScript compiler (the
 * copy ts-morph ships; the bare compiler API is enough here).
 */
import { ts } from 'ts-morph';
import type { ObjectMembersMerge } from '../tree/index.js';
import { MergeError, type Merger } from './plan.js';

export { MergeError };

function parse(path: string, content: string): ts.SourceFile {
  return ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Syntax errors of a parsed file (the compiler's own, through a one-file program). */
function syntaxErrors(file: ts.SourceFile): readonly ts.Diagnostic[] {
  const host = ts.createCompilerHost({ noLib: true, noResolve: true });
  host.getSourceFile = (name) => (name === file.fileName ? file : undefined);
  host.fileExists = (name) => name === file.fileName;
  host.readFile = (name) => (name === file.fileName ? file.text : undefined);
  const program = ts.createProgram({ rootNames: [file.fileName], options: { noLib: true, noResolve: true, types: [] }, host });
  return program.getSyntacticDiagnostics(file);
}

function describe(path: string, file: ts.SourceFile, diagnostic: ts.Diagnostic): string {
  const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return `${path}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
}

function objectLiteral(path: string, file: ts.SourceFile, spec: ObjectMembersMerge): ts.ObjectLiteralExpression {
  let declaration: ts.VariableDeclaration | undefined;
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    declaration ??= statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === spec.variable);
  }
  if (!declaration) {
    throw new MergeError(`${path}: cannot add handler stubs: the variable "${spec.variable}" is gone (rename it back, or add the stubs yourself)`, 'structure');
  }
  let init = declaration.initializer;
  while (
    init &&
    (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isTypeAssertionExpression(init) || ts.isNonNullExpression(init))
  ) {
    init = init.expression;
  }
  if (!init || !ts.isObjectLiteralExpression(init)) {
    throw new MergeError(`${path}: cannot add handler stubs: "${spec.variable}" is no longer an object literal`, 'structure');
  }
  return init;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}

function names(literal: ts.ObjectLiteralExpression): Set<string> {
  const out = new Set<string>();
  for (const p of literal.properties) {
    if (ts.isSpreadAssignment(p)) continue; // what a spread brings is not known here
    const name = p.name ? propertyName(p.name) : undefined;
    if (name !== undefined) out.add(name);
  }
  return out;
}

/** The text without its blank edges, its common indentation and a trailing comma. */
export function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').replace(/,$/, '').split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

/** The file's line ending: CRLF when most of its lines end so. */
function lineEnding(text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** The whitespace a line starts with, and whether `pos` is its first non-blank character. */
function lineIndent(text: string, pos: number): { indent: string; first: boolean } {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(start, pos))![0];
  return { indent, first: start + indent.length === pos };
}

/**
 * Where the new members go: after the last member, its comma and every comment before the
 * closing brace (so a trailing `// comment` stays on its line and gets no code into it).
 */
function insertionPoint(text: string, literal: ts.ObjectLiteralExpression, file: ts.SourceFile): { at: number; commaAt?: number; close: number } {
  const close = literal.end - 1;
  const props = literal.properties;
  const last = props[props.length - 1];
  const from = last ? last.end : literal.getStart(file) + 1;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, undefined, from, close - from);
  let at = from;
  let comma = false;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.CommaToken) {
      comma = true;
      at = scanner.getTokenEnd();
    } else if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) {
      at = scanner.getTokenEnd();
    } else if (token !== ts.SyntaxKind.WhitespaceTrivia && token !== ts.SyntaxKind.NewLineTrivia) {
      break;
    }
  }
  return { at, close, ...(last && !comma ? { commaAt: last.end } : {}) };
}

export function createMerger(): Merger {
  return {
    memberNames(path, content, spec) {
      return names(objectLiteral(path, parse(path, content), spec));
    },
    missingMembers(path, content, spec) {
      const present = names(objectLiteral(path, parse(path, content), spec));
      return spec.members.map((m) => m.name).filter((n) => !present.has(n));
    },
    addMembers(path, content, spec, wanted) {
      const file = parse(path, content);
      const literal = objectLiteral(path, file, spec);
      const stubs = spec.members.filter((m) => wanted.includes(m.name)).map((m) => dedent(m.text));
      if (stubs.length === 0) return content;
      const errors = syntaxErrors(file);
      if (errors.length > 0) {
        throw new MergeError(`${describe(path, file, errors[0]!)}: the file does not parse; fix it so msa-gen can add the handler stubs for ${wanted.join(', ')}`, 'syntax');
      }
      const eol = lineEnding(content);
      const { at, commaAt, close } = insertionPoint(content, literal, file);
      const props = literal.properties;
      const last = props[props.length - 1];
      const closing = lineIndent(content, close);
      const outer = closing.first ? closing.indent : lineIndent(content, literal.getStart(file)).indent;
      const lastLine = last ? lineIndent(content, last.getStart(file)) : undefined;
      const indent = lastLine?.first ? lastLine.indent : `${outer}  `;
      const body = stubs.map((s) => s.split('\n').map((line) => (line ? indent + line : line)).join(eol)).join(`,${eol}`);
      const gap = content.slice(at, close);
      const text =
        (commaAt === undefined ? content.slice(0, at) : `${content.slice(0, commaAt)},${content.slice(commaAt, at)}`) +
        `${eol}${body},` +
        (gap.includes('\n') ? gap : `${eol}${outer}`) +
        content.slice(close);

      // The result must parse and hold each new member exactly once, or nothing is written.
      const merged = parse(path, text);
      const broken = syntaxErrors(merged);
      if (broken.length > 0) {
        throw new MergeError(`${describe(path, merged, broken[0]!)}: adding the handler stubs for ${wanted.join(', ')} would break the file; nothing written (add them yourself)`, 'syntax');
      }
      const after = objectLiteral(path, merged, spec).properties.filter((p) => !ts.isSpreadAssignment(p) && p.name && wanted.includes(propertyName(p.name) ?? ''));
      if (after.length !== wanted.length) {
        throw new MergeError(`${path}: adding the handler stubs for ${wanted.join(', ')} did not give one member each; nothing written (add them yourself)`, 'syntax');
      }
      return text;
    },
  };
}
