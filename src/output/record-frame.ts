/**
 * The frame of a machine-local record's text (stat-record.ts, service-record.ts): a first line
 * naming its kind and version, a second naming the folder it is about (JSON), a third with the
 * sha256 of the body, then the body. A record of another kind or version, of another folder,
 * or whose body no longer has its hash (cut short, edited) is not a record at all.
 */
import { sha256 } from './manifest.js';

export function framedRecord(magic: string, folder: string, body: string): string {
  return `${magic}\n${JSON.stringify(folder)}\n${sha256(body)}\n${body}`;
}

/** The body of `text` if it is an intact record of kind `magic` about `folder`; otherwise undefined. */
export function recordBody(text: string, magic: string, folder: string): string | undefined {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  const third = text.indexOf('\n', second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  if (text.slice(0, first) !== magic || text.slice(first + 1, second) !== JSON.stringify(folder)) return undefined;
  const body = text.slice(third + 1);
  return sha256(body) === text.slice(second + 1, third) ? body : undefined;
}
