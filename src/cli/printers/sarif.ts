/** SARIF 2.1.0, as GitHub code scanning accepts it (relative URIs, rules with default levels). */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { RuleInfo } from '../../model/rules/rule.js';

export interface SarifOptions {
  readonly version: string;
  readonly rules: readonly RuleInfo[];
}

const toUri = (file: string) => file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');

export function printSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const index = new Map(options.rules.map((r, i) => [r.code, i]));
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
              fullDescription: { text: r.docs },
              help: { text: `${r.summary}\n\n${r.hint}` },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
          level: d.severity,
          message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
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
