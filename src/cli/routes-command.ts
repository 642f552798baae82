/**
 * `msa-gen routes <model>`: every HTTP route of every service of a valid model, and where it
 * comes from (written in the model, by convention, internal, a read model's default lookup).
 * A model with errors gets its findings on stderr and exit 1, like `validate`.
 */
import { validate } from '../core/validate.js';
import { routeTable, type RouteRow } from '../model/route-table.js';
import { SERVICE_OWN_ROUTES } from '../model/routes.js';
import { escapeUnsafe } from '../model/text.js';
import { displayPath, readModelFile } from './files.js';
import { EXIT, colorLevel, type CliIO } from './io.js';
import { printText, summaryLine, terminalPath } from './printers/text.js';

export interface RoutesOptions {
  readonly format: 'text' | 'json';
  /** Largest model file read, in bytes (--max-size). */
  readonly maxSize?: number | undefined;
}

const ORIGIN_WORDS: Record<RouteRow['origin'], string> = {
  model: 'written',
  convention: 'convention',
  internal: 'internal',
  default: 'default',
};

function count(rows: readonly RouteRow[], origin: RouteRow['origin']): number {
  return rows.filter((r) => r.origin === origin).length;
}

/** The table as text: a heading line, then each service's routes in aligned columns. */
export function routesText(file: string, rows: readonly RouteRow[]): string {
  const services = [...new Set(rows.map((r) => r.context))];
  const cell = (text: string) => escapeUnsafe(text);
  const width = (pick: (r: RouteRow) => string) => Math.max(0, ...rows.map((r) => cell(pick(r)).length));
  const methodWidth = width((r) => r.method);
  const pathWidth = width((r) => r.path);
  const ownerWidth = width((r) => `${r.kind} ${r.name}`);
  const originWidth = Math.max(...Object.values(ORIGIN_WORDS).map((w) => w.length));
  const out = [
    `${terminalPath(file)}: ${rows.length} routes in ${services.length} services (${count(rows, 'model')} written, ${count(rows, 'convention')} by convention, ${count(rows, 'internal')} internal, ${count(rows, 'default')} default lookups)`,
  ];
  for (const service of services) {
    out.push('', cell(service));
    for (const r of rows.filter((row) => row.context === service)) {
      const line = [
        cell(r.method).padEnd(methodWidth),
        cell(r.path).padEnd(pathWidth),
        cell(`${r.kind} ${r.name}`).padEnd(ownerWidth),
        ORIGIN_WORDS[r.origin].padEnd(originWidth),
        cell(r.why),
      ].join('  ');
      out.push(`  ${line.trimEnd()}`);
    }
  }
  const own = SERVICE_OWN_ROUTES.map((r) => `${r.method} ${r.path}`).join(', ');
  out.push('', `Every service also serves ${own}.`);
  out.push('Routes by convention: POST /<aggregates>/{<key>}/<command>, or POST /<aggregates>/<command> when the input lacks the key; write `http:` to override one.');
  return `${out.join('\n')}\n`;
}

/** The table as JSON: `{ model, routes: [...], serviceRoutes: [...] }`. */
export function routesJson(file: string, rows: readonly RouteRow[]): string {
  const serviceRoutes = SERVICE_OWN_ROUTES.map((r) => ({ method: r.method, path: r.path, what: r.what }));
  return `${JSON.stringify({ model: file, routes: rows, serviceRoutes }, null, 2)}\n`;
}

export async function routesCommand(model: string, opts: RoutesOptions, io: CliIO): Promise<number> {
  const input = await readModelFile(io.cwd, model, opts.maxSize);
  const file = displayPath(io.cwd, model);
  const findings = validate({ models: [{ file, input }] });
  const result = findings.models[0]!;
  if (findings.errors > 0 || !result.valid) {
    const color = colorLevel(io, io.stderr);
    io.stderr.write(printText(findings.diagnostics, { color, sources: findings.sources }));
    io.stderr.write(summaryLine(findings.diagnostics, 1, color));
    return EXIT.findings;
  }
  const rows = routeTable(result.model!);
  io.stdout.write(opts.format === 'json' ? routesJson(file, rows) : routesText(file, rows));
  return EXIT.ok;
}
