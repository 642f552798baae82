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
 * A violation has a code and a message; `signature` groups violations by cause.
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
}

/** The first line of an output, for messages. */
const firstLine = (s: string) => s.split('\n').find((l) => l.trim() !== '') ?? '';

/** `internal error: <message>` and the innermost frame in src/ of the stack printed with MSA_GEN_DEBUG. */
export function internalError(r: CliResult): string {
  const message = /internal error: (.*)/.exec(r.stderr)?.[1] ?? firstLine(r.stderr);
  const frame = /at (?:(?:async )?([\w$.<>\[\] ]+) \()?[^()\n]*?\bsrc\/([\w/.-]+\.ts):(\d+)/.exec(r.stderr);
  return frame ? `${message} [at ${frame[2]}${frame[1] ? ` ${frame[1]}` : ''}]` : message;
}

/** C0 and C1 controls but tab and newline, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;

function printerViolations(outcome: Outcome): Violation[] {
  const out: Violation[] = [];
  const texts: [string, string][] = [
    ['validate (text) stdout', outcome.validateText.stdout],
    ['validate (text) stderr', outcome.validateText.stderr],
    ['scaffold stderr', outcome.scaffold.stderr],
    ['scaffold stdout', outcome.scaffold.stdout],
  ];
  for (const [where, text] of texts) {
    const m = CONTROL.exec(text);
    if (m) {
      const line = text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index) === -1 ? undefined : text.indexOf('\n', m.index));
      out.push({ code: 'printer-control-character', message: `${where} holds U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')}: ${JSON.stringify(line.slice(0, 120))}` });
    }
    const injected = text.split('\n').find((l) => l.startsWith('::'));
    if (injected !== undefined) out.push({ code: 'printer-line-injection', message: `${where} has a line starting with "::": ${JSON.stringify(injected.slice(0, 120))}` });
  }
  const gh = outcome.validateGithub.stdout.split('\n').filter((l) => l !== '');
  const expected = outcome.validate.errors + outcome.validate.warnings;
  const foreign = gh.find((l) => !/^::(error|warning) file=/.test(l));
  if (foreign !== undefined || (outcome.validate.jsonError === undefined && gh.length !== expected)) {
    out.push({
      code: 'printer-line-injection',
      message: `validate --format github printed ${gh.length} lines for ${expected} findings${foreign !== undefined ? `; ${JSON.stringify(foreign.slice(0, 120))}` : ''}`,
    });
  }
  return out;
}

/** Judges one run; file checks need the sandbox still there (before `dispose`). */
export async function judge(outcome: Outcome): Promise<Violation[]> {
  const v: Violation[] = [];
  const { validate, scaffold } = outcome;
  if (validate.exit === 2) v.push({ code: 'validate-exit-2', message: internalError(validate) });
  if (scaffold.exit === 2) v.push({ code: 'scaffold-exit-2', message: internalError(scaffold) });
  if (validate.exit !== 2 && validate.jsonError !== undefined) v.push({ code: 'validate-json-unreadable', message: validate.jsonError });
  const clean = validate.exit !== 2 && validate.jsonError === undefined && validate.errors === 0;
  if (clean && scaffold.exit === 1) v.push({ code: 'clean-model-not-scaffolded', message: firstLine(scaffold.stderr) || firstLine(scaffold.stdout) });
  if (!clean && validate.errors > 0 && scaffold.exit === 0) v.push({ code: 'scaffold-despite-errors', message: `validate found ${validate.errors} errors` });
  if (validate.errors > 0 && outcome.written.length > 0) v.push({ code: 'wrote-despite-errors', message: `${outcome.written.length} files, e.g. ${outcome.written[0]}` });
  if (outcome.outside.length > 0 || outcome.strayInRoot.length > 0) {
    v.push({ code: 'wrote-outside-output', message: [...outcome.outside, ...outcome.strayInRoot.map((n) => `../${n}`)].slice(0, 5).join(', ') });
  }
  if (outcome.symlinks.length > 0) v.push({ code: 'symlink-in-output', message: outcome.symlinks.slice(0, 5).join(', ') });
  if (outcome.check && outcome.check.exit !== 0) v.push({ code: 'check-after-write', message: firstLine(outcome.check.stderr) || firstLine(outcome.check.stdout) });
  v.push(...printerViolations(outcome));
  if (scaffold.mode === 'write' && scaffold.exit === 0) v.push(...generatedViolations(outcome), ...(await checkRoutes(outcome)));
  return v;
}

// ---------------------------------------------------------------------------------------------
// The generated platform

const JS_LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const YAML11_LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;

function generatedViolations(outcome: Outcome): Violation[] {
  const v: Violation[] = [];
  const read = (p: string) => readFileSync(join(outcome.outDir, p), 'utf8');
  const packages = new Map<string, string>();
  for (const path of outcome.written) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const text = read(path);
    if (path.endsWith('.json')) {
      try {
        const data = JSON.parse(text) as { name?: unknown };
        if (base === 'package.json' && typeof data.name === 'string') {
          const earlier = packages.get(data.name);
          if (earlier) v.push({ code: 'package-name-clash', message: `${path} and ${earlier} are both "${data.name}"` });
          packages.set(data.name, path);
        }
      } catch (error) {
        v.push({ code: 'generated-json-invalid', message: `${path}: ${(error as Error).message}` });
      }
    } else if (path.endsWith('.ts')) {
      // The runtime package is a template copied with the platform name filled in: no model
      // text reaches it but that name (a DNS label), and parsing it on every case is costly.
      if (!path.startsWith('packages/runtime/')) v.push(...typeScriptViolations(path, text));
    } else if (path.endsWith('.yaml') || path.endsWith('.yml')) {
      const template = /(^|\/)templates\//.test(path);
      if (!template) {
        try {
          loadAll(text);
        } catch (error) {
          v.push({ code: 'generated-yaml-invalid', message: `${path}: ${firstLine((error as Error).message)}` });
        }
      }
      const brk = /[\u0085\u2028\u2029]/u.exec(text);
      if (brk) v.push({ code: 'generated-yaml-line-break', message: `${path} holds a raw U+${brk[0].codePointAt(0)!.toString(16).padStart(4, '0')}, a line break to YAML 1.1 readers (Helm, kubectl)` });
      const line = text.split(YAML11_LINE_BREAK).find((l) => l.startsWith(CANARY));
      if (line !== undefined) v.push({ code: 'model-text-in-code', message: `${path}: a line starts with model text: ${JSON.stringify(line.slice(0, 80))}` });
    } else if (base === 'Dockerfile') {
      const line = text.split(/\r\n|[\n\r]/).find((l) => new RegExp(`^\\s*(?:[A-Za-z]+\\s+)?${CANARY}`).test(l));
      if (line !== undefined) v.push({ code: 'model-text-in-code', message: `${path}: a line starts with model text: ${JSON.stringify(line.slice(0, 80))}` });
    } else if (!path.endsWith('.md') && !path.endsWith('.txt')) {
      const line = text.split(JS_LINE_BREAK).find((l) => l.startsWith(CANARY));
      if (line !== undefined) v.push({ code: 'model-text-in-code', message: `${path}: a line starts with model text: ${JSON.stringify(line.slice(0, 80))}` });
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
    out.push({ code: 'generated-ts-syntax', message: `${path}:${line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}` });
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
    out.push({ code: 'model-text-in-code', message: `${path}:${line + 1}: model text became TypeScript code: ${JSON.stringify(text.split('\n')[line]!.trim().slice(0, 80))}` });
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

/**
 * Registers every route of every service as the runtime does, then calls each one as a
 * generated client would: the route itself must answer, with the parameters the client filled.
 */
async function checkRoutes(outcome: Outcome): Promise<Violation[]> {
  const v: Violation[] = [];
  for (const file of outcome.written.filter((p) => /^services\/[^/]+\/src\/generated\/routes\.ts$/.test(p))) {
    const service = file.split('/')[1]!;
    const routes = parseRoutes(readFileSync(join(outcome.outDir, file), 'utf8'));
    if (!routes) continue;
    const app = Fastify();
    for (const p of ['/healthz', '/readyz', '/metrics', '/admin/dlq']) app.get(p, async () => ({ route: -1 }));
    app.post('/admin/dlq/:recordId/replay', async () => ({ route: -1 }));
    const ok = new Set<number>();
    for (const [i, r] of routes.entries()) {
      try {
        app.route({ method: r.method as 'GET', url: toFastifyPath(r.path), handler: async (req) => ({ route: i, params: req.params }) });
        ok.add(i);
      } catch (error) {
        v.push({ code: 'route-unservable', message: `service ${service}: ${r.method} ${r.path} cannot be registered: ${firstLine((error as Error).message)}` });
      }
    }
    try {
      await app.ready();
      for (const [i, r] of routes.entries()) {
        if (!ok.has(i)) continue;
        const names = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        const data = Object.fromEntries(names.map((n, k) => [n, `v${k}`]));
        const url = new URL(fillPath(r.path, data), 'http://service.local');
        const res = await app.inject({ method: r.method as 'GET', url: `${url.pathname}${url.search}`, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) });
        const body = res.statusCode === 200 ? (JSON.parse(res.body) as { route: number; params: Record<string, string> }) : undefined;
        const expected = JSON.stringify(Object.fromEntries(Object.entries(data).sort()));
        const got = body ? JSON.stringify(Object.fromEntries(Object.entries(body.params ?? {}).sort())) : '';
        if (!body || body.route !== i || got !== expected) {
          const why = !body ? `HTTP ${res.statusCode} for ${r.method} ${url.pathname}` : body.route !== i ? `answered by ${body.route < 0 ? 'a built-in route' : `${routes[body.route]!.method} ${routes[body.route]!.path}`}` : `parameters ${got} instead of ${expected}`;
          v.push({ code: 'route-unservable', message: `service ${service}: ${r.method} ${r.path}: ${why}` });
        }
      }
    } catch (error) {
      v.push({ code: 'route-unservable', message: `service ${service}: ${firstLine((error as Error).message)}` });
    } finally {
      await app.close();
    }
  }
  return v;
}

/** What an oracle is about: the scaffold contract, the printers, or the generated platform. */
export type Concern = 'scaffold' | 'printers' | 'platform';

export function concern(code: ViolationCode): Concern {
  if (code.startsWith('printer-')) return 'printers';
  if (code.startsWith('generated-') || code === 'model-text-in-code' || code === 'package-name-clash' || code === 'route-unservable') return 'platform';
  return 'scaffold';
}

/** Violations grouped by cause: the code and the message without names, numbers and quoted text. */
export function signature(v: Violation): string {
  const msg = v.message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/services\/[^/\s:]+/g, 'services/…')
    .replace(/service [\w.-]+/g, 'service …')
    .replace(/\d+/g, 'N')
    .slice(0, 200);
  return `${v.code}: ${msg}`;
}
