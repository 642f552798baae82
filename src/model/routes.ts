/** HTTP routes in the model's style, for hints. */
import { kebabCase } from './case.js';
import type { Command } from './ir.js';

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** A route in the model's style for a command that lacks one: `POST /applications/{applicationId}/record-issuance-result`. */
export function suggestRoute(command: Command): string {
  const collection = `/${plural(kebabCase(command.aggregate.name))}`;
  const key = command.aggregate.key;
  return key ? `POST ${collection}/{${key.name}}/${kebabCase(command.name)}` : `POST ${collection}`;
}

