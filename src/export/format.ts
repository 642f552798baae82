/**
 * An exported document as text: YAML (the default) or JSON, through the generators' escapers
 * (src/generators/emit), the only way model text reaches an output format. Keys keep the order
 * the builders give them, so the same model gives the same bytes.
 */
import { jsonText } from '../generators/emit/json.js';
import { yamlDocument } from '../generators/emit/yaml.js';

export type DocumentFormat = 'yaml' | 'json';

export function documentText(document: unknown, format: DocumentFormat): string {
  return format === 'json' ? jsonText(document) : yamlDocument(document);
}
