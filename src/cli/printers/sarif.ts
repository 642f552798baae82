/**
 * SARIF 2.1.0, as GitHub code scanning accepts it (relative URIs, rules with default levels).
 * Each rule lists its messages as `messageStrings`, and each result names its message by `id`
 * with the `arguments` for its placeholders (§3.11.7), besides the plain `text`.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { ruleDocs } from '../../model/rules/markdown.js';
import { holes, messageTemplate, sarifMessageString } from '../../model/rules/message.js';
import type { RuleInfo } from '../../model/rules/rule.js';

export interface SarifOptions {
  readonly version: string;
  readonly rules: readonly RuleInfo[];
}

const toUri = (file: string) => file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');

export function printSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const index = new Map(options.rules.map((r, i) => [r.code, i]));
  const byCode = new Map(options.rules.map((r) => [r.code, r]));
  /** The plain text (message and hint), and the message's id with the values for its placeholders, in their order. */
  const message = (d: Diagnostic) => {
    const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
    const spec = byCode.get(d.code)?.messages[d.messageId];
    if (spec === undefined) return { text };
    return { text, id: d.messageId, arguments: holes(messageTemplate(spec)).map((hole) => d.data[hole] ?? '') };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'msa-gen',
            version: options.version,
            rules: options.rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              fullDescription: { text: ruleDocs(r) },
              help: { text: `${r.summary}\n\n${r.hint}` },
              messageStrings: Object.fromEntries(
                Object.entries(r.messages).map(([id, spec]) => [id, { text: sarifMessageString(messageTemplate(spec)) }]),
              ),
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
          level: d.severity,
          message: message(d),
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column },
              },
              logicalLocations: d.pointer ? [{ fullyQualifiedName: d.pointer, kind: 'element' }] : undefined,
            },
          ],
          partialFingerprints: { primaryLocationLineHash: `${d.code}:${d.pointer}` },
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
