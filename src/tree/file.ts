/** One file of the virtual tree the generators produce, and how it is owned. */
import { headerFor } from './header.js';

/**
 * generated: rewritten on every run, starts with the DO NOT EDIT header where the format has comments;
 * user-owned: written once, then only merged into (new handler stubs), never overwritten.
 */
export type Ownership = 'generated' | 'user-owned';

export interface GeneratedFile {
  /** Path relative to the output folder, with forward slashes (see `checkOutputPath`). */
  readonly path: string;
  readonly content: string;
  readonly ownership: Ownership;
  /** User-owned files only: how to add what the model gained since the file was written. */
  readonly merge?: ObjectMembersMerge;
}

/**
 * How later runs add to a user-owned file without touching what is there: members of an
 * exported object literal (`export const applicationHandlers: ApplicationHandlers = { … }`),
 * one per command. Members missing from the file are added (through its syntax tree); members
 * the model no longer has are reported, never deleted.
 */
export interface ObjectMembersMerge {
  readonly kind: 'object-members';
  /** The exported variable whose object literal holds the members. */
  readonly variable: string;
  /** Every member the model wants, in order, with the stub text used when one is missing. */
  readonly members: ReadonlyArray<{ readonly name: string; readonly text: string }>;
}

/** A generated file with the header put first (after a shebang, if any). */
export function generatedFile(path: string, body: string): GeneratedFile {
  const header = headerFor(path);
  const text = body.endsWith('\n') ? body : `${body}\n`;
  if (!header) return { path, content: text, ownership: 'generated' };
  if (text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    return { path, content: `${text.slice(0, nl + 1)}${header}\n${text.slice(nl + 1)}`, ownership: 'generated' };
  }
  return { path, content: `${header}\n${text}`, ownership: 'generated' };
}

export function userFile(path: string, body: string, merge?: ObjectMembersMerge): GeneratedFile {
  const content = body.endsWith('\n') ? body : `${body}\n`;
  return merge ? { path, content, ownership: 'user-owned', merge } : { path, content, ownership: 'user-owned' };
}
