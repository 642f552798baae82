/** What the output stage needs from a file system, rooted at the output folder (paths relative). */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

export interface OutputFs {
  /** Kind of the entry at `path`, without following a symlink; undefined when absent. */
  kind(path: string): Promise<EntryKind | undefined>;
  /** UTF-8 content of a regular file. */
  read(path: string): Promise<string>;
  /** Writes via a temporary file in the same folder and a rename; creates missing folders. */
  writeAtomic(path: string, content: string): Promise<void>;
  remove(path: string): Promise<void>;
}
