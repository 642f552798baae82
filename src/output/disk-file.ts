/**
 * A file on disk as the plan sees it: its content, read; or, when the stat record vouches for it
 * (stat-record.ts), only the sha256 of its content, and the content read when the plan needs it
 * (an update or a merge needs what it replaces). Either way the plan asks the same questions.
 */
import { sha256 } from './manifest.js';

/** A file the stat record vouched for changed before the plan read it: nothing written, run again. */
export class DiskChangedError extends Error {
  override readonly name = 'DiskChangedError';
}

export class DiskFile {
  #text: string | undefined;
  #hash: string | undefined;
  readonly #load: (() => Promise<string>) | undefined;
  readonly #path: string;

  private constructor(path: string, text: string | undefined, hash: string | undefined, load?: () => Promise<string>) {
    this.#path = path;
    this.#text = text;
    this.#hash = hash;
    this.#load = load;
  }

  /** A file whose content was read. */
  static read(path: string, content: string): DiskFile {
    return new DiskFile(path, content, undefined);
  }

  /** A file not read: the stat record says its content hashes to `hash`; `load` reads it. */
  static trusted(path: string, hash: string, load: () => Promise<string>): DiskFile {
    return new DiskFile(path, undefined, hash, load);
  }

  /** Whether it holds exactly `content` (whose sha256 `contentHash` gives, asked only when needed). */
  holds(content: string, contentHash: () => string): boolean {
    if (this.#text === undefined) return this.#hash === contentHash();
    if (this.#text !== content) return false;
    this.#hash ??= contentHash();
    return true;
  }

  /** The sha256 of its content. */
  hash(): string {
    return (this.#hash ??= sha256(this.#text!));
  }

  /** Its content; a file only vouched for is read now, and must still hash as vouched. */
  async text(): Promise<string> {
    if (this.#text !== undefined) return this.#text;
    const content = await this.#load!();
    if (sha256(content) !== this.#hash) throw new DiskChangedError(`"${this.#path}" changed while the run read the folder; run scaffold again`);
    return (this.#text = content);
  }
}
