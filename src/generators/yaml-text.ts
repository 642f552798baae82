/** YAML text as every generator writes it: js-yaml, no line folding, no anchors, 2-space indent. */
import { dump } from 'js-yaml';

export const YAML_DUMP_OPTIONS = { lineWidth: -1, noRefs: true, indent: 2 } as const;

/** One YAML document (no `---`), ending with a newline. Keys keep the order of the object. */
export function toYaml(value: unknown): string {
  return dump(value, YAML_DUMP_OPTIONS);
}
