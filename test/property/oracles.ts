/**
 * What must hold for every model, judged from one sandbox run (support/sandbox.ts):
 *
 *  - `validate` and `scaffold` never exit 2 (usage or internal error) for any model file;
 *  - a model `validate` finds no error in scaffolds (exit 0), and `--check` then says up to date;
 *  - a model with errors makes `scaffold` exit 1 and write nothing;
 *  - scaffold changes nothing outside `-o`, and leaves no symlink in it;
 *  - printers keep model text from controlling the terminal or starting a workflow command;
 *  - the generated platform is well-formed: JSON and YAML parse, TypeScript parses, no model
 *    text became code or config (the canary of text.ts), workspace package names are unique,
 *    and every HTTP route is served by Fastify at the URL the generated clients call.
 *
 * A violation has a code, a message about this case, and a cause: the message without what
 * varies from case to case (names, numbers, paths of one service), so that `signature` groups
 * violations by cause.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { loadAll } from 'js-yaml';
import ts from 'typescript';
import type { CliResult, Outcome } from '../support/sandbox.js';
import { CANARY } from './arbitraries/text.js';

export type ViolationCode =
  | 'validate-exit-2'
  | 'scaffold-exit-2'
  | 'validate-json-unreadable'
  | 'clean-model-not-scaffolded'
  | 'scaffold-despite-errors'
  | 'wrote-despite-errors'
  | 'wrote-outside-output'
  | 'symlink-in-output'
  | 'check-after-write'
  | 'printer-control-character'
  | 'printer-line-injection'
  | 'generated-json-invalid'
  | 'generated-yaml-invalid'
  | 'generated-yaml-line-break'
  | 'generated-ts-syntax'
  | 'model-text-in-code'
  | 'package-name-clash'
  | 'route-unservable'
  /** The test harness itself failed on a case: a bug of these tests, not of msa-gen. */
  | 'harness-error';

export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  /** What the violations of one cause have in common. */
  readonly cause: string;
}

/** What an oracle is about: the scaffold contract, the printers, or the generated platform. */
export type Concern = 'scaffold' | 'printers' | 'platform';

export const CONCERNS: readonly Concern[] = ['scaffold', 'platform', 'printers'];

export function concern(code: ViolationCode): Concern {
  if (code.startsWith('printer-')) return 'printers';
  if (code.startsWith('generated-') || code === 'model-text-in-code' || code === 'package-name-clash' || code === 'route-unservable') return 'platform';
  return 'scaffold';
}

/** Violations grouped by cause. */
export function signature(v: Violation): string {
  return `${v.code}: ${v.cause}`;
}

/** The first line of an output, for messages. */
const firstLine = (s: string) => s.split('\n').find((l) => l.trim() !== '') ?? '';

/** A path with the names a model gave it replaced: `services/*\/src/domain/*.ts`. */
export function pathPattern(path: string): string {
  const parts = path.split('/');
  const named = parts[0] === 'services' || parts[0] === 'helm' || parts[0] === 'kafka' ? parts[1] : undefined;
  return parts
    .map((p, i) => {
      if (i === 0) return p;
      if (named !== undefined && i === 1) return '*';
      const stem = named !== undefined ? p.split(named).join('*') : p;
      return /^[A-Z]/.test(stem) && stem.includes('.') ? `*${stem.slice(stem.indexOf('.'))}` : stem;
    })
    .join('/');
}

/** A message without what varies between cases: quoted text, names, routes, numbers. */
export function normalize(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\b(?:GET|POST|PUT|PATCH|DELETE) \/\S*/g, 'METHOD /…')
    .replace(/\b(?:services|helm|kafka|packages)\/[\w./-]+/g, (p) => pathPattern(p))
    .replace(/\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g, 'Name')
    .replace(/\d+/g, 'N')
    .slice(0, 200);
}

/** `internal error: <message>` and the innermost frame in src/ of the stack printed with MSA_GEN_DEBUG. */
function internalError(r: CliResult): { message: string; cause: string } {
  const message = /internal error: (.*)/.exec(r.stderr)?.[1] ?? firstLine(r.stderr);
  // The innermost frame in msa-gen's own src/ (not in a dependency's, such as js-yaml/src/).
  const line = r.stderr.split('\n').find((l) => /^\s+at /.test(l) && /\bsrc\/[\w/.-]+\.ts:\d+/.test(l) && !l.includes('node_modules'));
  const frame = line === undefined ? null : /at (?:(?:async )?([\w$.<>[\] ]+) \()?[^()\n]*?\bsrc\/([\w/.-]+\.ts):(\d+)/.exec(line);
  const at = frame ? ` [at src/${frame[2]}${frame[1] ? ` ${frame[1]}` : ''}]` : '';
  return { message: `${message}${at}`, cause: `${normalize(message)}${at}` };
}

// ---------------------------------------------------------------------------------------------
// Printers

/** C0 and C1 controls but tab and newline, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/gu;

function controlClass(c: string): string {
  const n = c.codePointAt(0)!;
  if (n === 0x1b) return 'ESC';
  if (n === 0x0d) return 'CR';
  if (n === 0) return 'NUL';
  if (n === 0x2028 || n === 0x2029) return 'U+2028/U+2029';
  if (n >= 0x80) return 'a C1 control';
  return 'a C0 control';
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;

function printerViolations(outcome: Outcome): Violation[] {
  // The text printer writes findings to stdout (validate) or stderr (scaffold): the same code.
  const texts: [string, string][] = [
    ['validate', outcome.validateText.stdout + outcome.validateText.stderr],
    ['scaffold', outcome.scaffold.stderr + outcome.scaffold.stdout],
  ];
  const found = new Map<string, { where: string[]; example: string }>();
  const note = (cause: string, where: string, example: string) => {
    const known = found.get(cause);
    if (known) known.where.push(where);
    else found.set(cause, { where: [where], example });
  };
  for (const [where, text] of texts) {
    for (const line of text.split('\n')) {
      for (const m of line.matchAll(CONTROL)) {
        // A code frame is the source line under a finding, after its line number.
        const part = /^\s*\d+ /.test(line) ? 'the code frame' : 'a message';
        note(`${controlClass(m[0])} in ${part}`, where, `${codePoint(m[0])} in ${JSON.stringify(line.slice(0, 120))}`);
      }
      if (line.startsWith('::')) note('a model string starts an output line with "::"', where, JSON.stringify(line.slice(0, 120)));
    }
  }
  const out: Violation[] = [];
  for (const [cause, { where, example }] of found) {
    out.push({
      code: cause.includes('"::"') ? 'printer-line-injection' : 'printer-control-character',
      cause,
      message: `${[...new Set(where)].join(' and ')} (text): ${example}`,
    });
  }
  const gh = outcome.validateGithub.stdout.split('\n').filter((l) => l !== '');
  const expected = outcome.validate.errors + outcome.validate.warnings;
  const foreign = gh.find((l) => !/^::(error|warning) file=/.test(l));
  if (foreign !== undefined || (outcome.validate.jsonError === undefined && gh.length !== expected)) {
    out.push({
      code: 'printer-line-injection',
      cause: 'github format: not one workflow command per finding',
      message: `validate --format github printed ${gh.length} lines for ${expected} findings${foreign !== undefined ? `; ${JSON.stringify(foreign.slice(0, 120))}` : ''}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The CLI contract

export interface JudgeChecks {
  /** Check the generated platform (parsing every file, serving the routes): the costly part. */
  readonly platform: boolean;
}

/** Judges one run; file checks need the sandbox still there (before `dispose`). */
export async function judge(outcome: Outcome, checks: JudgeChecks = { platform: true }): Promise<Violation[]> {
  const v: Violation[] = [];
  const { validate, scaffold } = outcome;
  if (validate.exit === 2) v.push({ code: 'validate-exit-2', ...internalError(validate) });
  if (scaffold.exit === 2) v.push({ code: 'scaffold-exit-2', ...internalError(scaffold) });
  if (validate.exit !== 2 && validate.jsonError !== undefined) {
    v.push({ code: 'validate-json-unreadable', message: validate.jsonError, cause: 'validate --format json printed no JSON document' });
  }
  const clean = validate.exit !== 2 && validate.jsonError === undefined && validate.errors === 0;
  if (clean && scaffold.exit === 1) {
    const message = firstLine(scaffold.stderr) || firstLine(scaffold.stdout);
    v.push({ code: 'clean-model-not-scaffolded', message, cause: normalize(message) });
  }
  if (validate.errors > 0 && scaffold.exit === 0) {
    v.push({ code: 'scaffold-despite-errors', message: `validate found ${validate.errors} errors`, cause: 'scaffold exit 0 on a model with errors' });
  }
  if (validate.errors > 0 && outcome.written.length > 0) {
    v.push({ code: 'wrote-despite-errors', message: `${outcome.written.length} files, e.g. ${outcome.written[0]}`, cause: 'files written for a model with errors' });
  }
  if (outcome.outside.length > 0 || outcome.strayInRoot.length > 0) {
    const paths = [...outcome.outside, ...outcome.strayInRoot.map((n) => `../${n}`)];
    v.push({ code: 'wrote-outside-output', message: paths.slice(0, 5).join(', '), cause: 'a path outside -o changed' });
  }
  if (outcome.symlinks.length > 0) v.push({ code: 'symlink-in-output', message: outcome.symlinks.slice(0, 5).join(', '), cause: 'a symlink in -o' });
  if (outcome.check && outcome.check.exit !== 0) {
    const message = firstLine(outcome.check.stderr) || firstLine(outcome.check.stdout);
    v.push({ code: 'check-after-write', message, cause: normalize(message) });
  }
  v.push(...printerViolations(outcome));
  if (checks.platform && scaffold.mode === 'write' && scaffold.exit === 0) v.push(...generatedViolations(outcome), ...(await routeViolations(outcome)));
  return v;
}

// ---------------------------------------------------------------------------------------------
// The generated platform

const JS_LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const YAML11_LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;
const DOCKER_INSTRUCTION_WITH_CANARY = new RegExp(`^\\s*(?:[A-Za-z]+\\s+)?${CANARY}`);

function injected(path: string, line: string): Violation {
  return { code: 'model-text-in-code', message: `${path}: a line starts with model text: ${JSON.stringify(line.slice(0, 80))}`, cause: `a line of ${pathPattern(path)}` };
}

function generatedViolations(outcome: Outcome): Violation[] {
  const v: Violation[] = [];
  const packages = new Map<string, string>();
  for (const path of outcome.written) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const text = readFileSync(join(outcome.outDir, path), 'utf8');
    if (path.endsWith('.json')) {
      try {
        const data = JSON.parse(text) as { name?: unknown };
        if (base === 'package.json' && typeof data.name === 'string') {
          const earlier = packages.get(data.name);
          if (earlier) v.push({ code: 'package-name-clash', message: `${path} and ${earlier} are both "${data.name}"`, cause: `${pathPattern(path)} and ${pathPattern(earlier)}` });
          packages.set(data.name, path);
        }
      } catch (error) {
        v.push({ code: 'generated-json-invalid', message: `${path}: ${(error as Error).message}`, cause: pathPattern(path) });
      }
    } else if (path.endsWith('.ts')) {
      // The runtime package is a template copied with the platform name filled in: no model
      // text reaches it but that name (a DNS label), and parsing it on every case is costly.
      if (!path.startsWith('packages/runtime/')) v.push(...typeScriptViolations(path, text));
    } else if (path.endsWith('.yaml') || path.endsWith('.yml')) {
      if (!/(^|\/)templates\//.test(path)) {
        try {
          loadAll(text);
        } catch (error) {
          v.push({ code: 'generated-yaml-invalid', message: `${path}: ${firstLine((error as Error).message)}`, cause: pathPattern(path) });
        }
      }
      const brk = /[\u0085\u2028\u2029]/u.exec(text);
      if (brk) {
        v.push({
          code: 'generated-yaml-line-break',
          message: `${path} holds a raw ${codePoint(brk[0])}, a line break to YAML 1.1 readers (Helm, kubectl)`,
          cause: pathPattern(path),
        });
      }
      const line = text.split(YAML11_LINE_BREAK).find((l) => l.startsWith(CANARY));
      if (line !== undefined) v.push(injected(path, line));
    } else if (base === 'Dockerfile') {
      const line = text.split(/\r\n|[\n\r]/).find((l) => DOCKER_INSTRUCTION_WITH_CANARY.test(l));
      if (line !== undefined) v.push(injected(path, line));
    } else if (!path.endsWith('.md') && !path.endsWith('.txt')) {
      const line = text.split(JS_LINE_BREAK).find((l) => l.startsWith(CANARY));
      if (line !== undefined) v.push(injected(path, line));
    }
  }
  return v;
}

function typeScriptViolations(path: string, text: string): Violation[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const out: Violation[] = [];
  if (diagnostics.length > 0) {
    const d = diagnostics[0]!;
    const { line } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    out.push({
      code: 'generated-ts-syntax',
      message: `${path}:${line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}: ${JSON.stringify(text.split('\n')[line]!.trim().slice(0, 100))}`,
      cause: `${pathPattern(path)}: TS${d.code}`,
    });
  }
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === CANARY) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  if (found) {
    const { line } = sf.getLineAndCharacterOfPosition(found.getStart(sf));
    out.push({
      code: 'model-text-in-code',
      message: `${path}:${line + 1}: model text became TypeScript code: ${JSON.stringify(text.split('\n')[line]!.trim().slice(0, 80))}`,
      cause: `TypeScript code in ${pathPattern(path)}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Routes: registered on Fastify as the runtime does, called as the generated clients do.

/** The runtime's conversion (templates/runtime/src/server.ts, toFastifyPath). */
const toFastifyPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');
/** The runtime's client-side filling of a route (templates/runtime/src/orchestrator.ts, fillPath). */
const fillPath = (path: string, data: Readonly<Record<string, string>>) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(data[name] ?? '')));

interface RouteDef {
  readonly method: string;
  readonly path: string;
}

/** The routes of a generated services/<name>/src/generated/routes.ts. */
export function parseRoutes(text: string): RouteDef[] | undefined {
  const routes: RouteDef[] = [];
  const kinds = text.match(/\bkind: '(command|lookup)'/g)?.length ?? 0;
  for (const m of text.matchAll(/kind: 'command',\s*method: '([A-Z]+)',\s*path: '([^'\\]*)'/g)) routes.push({ method: m[1]!, path: m[2]! });
  for (const m of text.matchAll(/kind: 'lookup',\s*path: '([^'\\]*)'/g)) routes.push({ method: 'GET', path: m[1]! });
  return routes.length === kinds ? routes : undefined;
}

/** The runtime's own routes (templates/runtime/src/server.ts). */
function builtInRoutes(app: ReturnType<typeof Fastify>): void {
  for (const p of ['/healthz', '/readyz', '/metrics', '/admin/dlq']) app.get(p, async () => ({ route: -1 }));
  app.post('/admin/dlq/:recordId/replay', async () => ({ route: -1 }));
}

/**
 * Registers every route of every service as the runtime does, then calls each one as a
 * generated client would: the route itself must answer, with the parameters the client filled.
 */
async function routeViolations(outcome: Outcome): Promise<Violation[]> {
  const v: Violation[] = [];
  const fail = (service: string, r: RouteDef, why: string, cause: string) =>
    v.push({ code: 'route-unservable', message: `service ${service}: ${r.method} ${r.path}: ${why}`, cause });
  for (const file of outcome.written.filter((p) => /^services\/[^/]+\/src\/generated\/routes\.ts$/.test(p))) {
    const service = file.split('/')[1]!;
    const routes = parseRoutes(readFileSync(join(outcome.outDir, file), 'utf8'));
    if (!routes) {
      v.push({ code: 'harness-error', message: `${file}: routes not in the shape the route check reads`, cause: 'routes.ts unreadable' });
      continue;
    }
    const app = Fastify();
    builtInRoutes(app);
    const registered = new Set<number>();
    for (const [i, r] of routes.entries()) {
      try {
        app.route({ method: r.method as 'GET', url: toFastifyPath(r.path), handler: async (req) => ({ route: i, params: req.params }) });
        registered.add(i);
      } catch (error) {
        const e = error as Error & { code?: string };
        fail(service, r, `Fastify refuses it: ${firstLine(e.message)}`, `Fastify refuses the route (${e.code ?? 'error'})`);
      }
    }
    try {
      await app.ready();
      for (const [i, r] of routes.entries()) {
        if (!registered.has(i)) continue;
        const names = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        const data = Object.fromEntries(names.map((n, k) => [n, `v${k}`]));
        const url = new URL(fillPath(r.path, data), 'http://service.local');
        const hasBody = r.method !== 'GET' && r.method !== 'DELETE';
        const res = await app.inject({ method: r.method as 'GET', url: `${url.pathname}${url.search}`, ...(hasBody ? { payload: {} } : {}) });
        const body = res.statusCode === 200 ? (JSON.parse(res.body) as { route: number; params?: Record<string, string> }) : undefined;
        const sorted = (o: Record<string, string>) => JSON.stringify(Object.fromEntries(Object.entries(o).sort()));
        if (!body) fail(service, r, `HTTP ${res.statusCode} at ${r.method} ${url.pathname}, the URL the clients call`, `not found at the URL the clients call`);
        else if (body.route !== i) {
          const by = body.route < 0 ? 'a built-in route' : `${routes[body.route]!.method} ${routes[body.route]!.path}`;
          fail(service, r, `answered by ${by}`, `answered by ${body.route < 0 ? 'a built-in route' : 'another route'}`);
        } else if (sorted(body.params ?? {}) !== sorted(data)) {
          fail(service, r, `path parameters ${sorted(body.params ?? {})} instead of ${sorted(data)}`, 'path parameters other than the template says');
        }
      }
    } catch (error) {
      v.push({ code: 'route-unservable', message: `service ${service}: ${firstLine((error as Error).message)}`, cause: normalize(firstLine((error as Error).message)) });
    } finally {
      await app.close();
    }
  }
  return v;
}
