/**
 * An output folder in memory, for calling the core without a disk: an OutputFs with the
 * semantics the output stage relies on (exclusive create, link fails on an existing name, rename
 * replaces the entry, remove never follows a symlink, Node's error codes), a host, and the
 * folder's exists/make hooks. Every change is counted, so a test can tell that nothing was written.
 */
import type { OutputFolder } from '../../src/core/scaffold.js';
import type { EntryKind, HostInfo, OutputFs } from '../../src/output/fs-port.js';

type Entry = { readonly kind: 'file'; readonly content: string } | { readonly kind: 'dir' } | { readonly kind: 'symlink'; readonly target: string };

const fail = (code: string, path: string): Error => Object.assign(new Error(`${code}: ${path}`), { code });
const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

export class MemoryFolder implements OutputFolder {
  readonly entries = new Map<string, Entry>();
  /** Operations that changed something, in order: `createFile a/b.ts`. */
  readonly changes: string[] = [];
  /** Processes that run on this host besides this one (a lock they hold is not stale). */
  readonly alive = new Set<number>();
  readonly host: HostInfo = { pid: 4242, hostname: 'memory', isAlive: (pid) => this.alive.has(pid), now: () => new Date(0) };
  /** Calls of exists() and make(), and undos run. */
  readonly calls: string[] = [];
  present: boolean;

  constructor(files: Readonly<Record<string, string>> = {}, present = Object.keys(files).length > 0) {
    this.present = present;
    for (const [path, content] of Object.entries(files)) this.put(path, content);
  }

  /** Writes a file directly (a user's edit), making its folders. */
  put(path: string, content: string): void {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) this.entries.set(segments.slice(0, i).join('/'), { kind: 'dir' });
    this.entries.set(path, { kind: 'file', content });
  }

  /** Every regular file and its content, sorted by path. */
  files(): Record<string, string> {
    const out: [string, string][] = [];
    for (const [path, e] of this.entries) if (e.kind === 'file') out.push([path, e.content]);
    return Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  async exists(): Promise<boolean> {
    this.calls.push('exists');
    return this.present;
  }

  async make(): Promise<() => Promise<void>> {
    this.calls.push('make');
    if (this.present) return async () => void this.calls.push('undo (nothing made)');
    this.present = true;
    return async () => {
      this.calls.push('undo');
      if (this.entries.size === 0) this.present = false;
    };
  }

  private need(path: string): Entry {
    const e = path === '' ? { kind: 'dir' as const } : this.entries.get(path);
    if (!e) throw fail('ENOENT', path);
    return e;
  }

  private parentIsDir(path: string): void {
    const parent = parentOf(path);
    if (parent !== '' && this.need(parent).kind !== 'dir') throw fail('ENOTDIR', path);
  }

  private change(what: string, path: string): void {
    if (!this.present) throw fail('ENOENT', '');
    this.changes.push(`${what} ${path}`);
  }

  readonly fs: OutputFs = {
    kind: async (path): Promise<EntryKind | undefined> => (path === '' ? (this.present ? 'dir' : undefined) : this.entries.get(path)?.kind),
    read: async (path) => {
      const e = this.need(path);
      if (e.kind === 'symlink') throw fail('ELOOP', path);
      if (e.kind === 'dir') throw fail('EISDIR', path);
      return e.content;
    },
    list: async (path) => {
      if (path !== '' && this.entries.get(path)?.kind !== 'dir') return [];
      const prefix = path === '' ? '' : `${path}/`;
      return [...this.entries.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
    },
    makeDir: async (path) => {
      if (this.entries.has(path)) return false;
      this.parentIsDir(path);
      this.change('makeDir', path);
      this.entries.set(path, { kind: 'dir' });
      return true;
    },
    removeDir: async (path) => {
      if (this.entries.get(path)?.kind !== 'dir' || (await this.fs.list(path)).length > 0) return false;
      this.change('removeDir', path);
      this.entries.delete(path);
      return true;
    },
    createFile: async (path, content) => {
      if (this.entries.has(path)) throw fail('EEXIST', path);
      this.parentIsDir(path);
      this.change('createFile', path);
      this.entries.set(path, { kind: 'file', content });
    },
    link: async (existing, path) => {
      const e = this.need(existing);
      if (this.entries.has(path)) throw fail('EEXIST', path);
      this.parentIsDir(path);
      this.change('link', path);
      this.entries.set(path, e);
    },
    rename: async (from, to) => {
      const e = this.need(from);
      if (e.kind === 'dir') throw fail('EISDIR', from);
      if (this.entries.get(to)?.kind === 'dir') throw fail('EISDIR', to);
      this.parentIsDir(to);
      this.change('rename', to);
      this.entries.set(to, e);
      this.entries.delete(from);
    },
    remove: async (path) => {
      if (this.need(path).kind === 'dir') throw fail('EISDIR', path);
      this.change('remove', path);
      this.entries.delete(path);
    },
    syncDir: async () => {},
  };
}
