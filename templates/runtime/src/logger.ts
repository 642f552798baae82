/** A small structured logger: one JSON object a line; personal data fields are masked. */
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  readonly level?: Level;
  /** Field names holding personal data (model fields marked `pii: true`): logged as "***". */
  readonly pii?: readonly string[];
  readonly write?: (line: string) => void;
}

function mask(value: unknown, pii: ReadonlySet<string>, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => mask(v, pii, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = pii.has(k) ? '***' : mask(v, pii, depth + 1);
  return out;
}

export function createLogger(options: LoggerOptions = {}, bindings: Record<string, unknown> = {}): Logger {
  const min = RANK[options.level ?? 'info'];
  const pii = new Set(options.pii ?? []);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log = (level: Level, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[level] < min) return;
    write(JSON.stringify({ level, time: new Date().toISOString(), msg, ...bindings, ...(mask(fields ?? {}, pii) as object) }));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (b) => createLogger(options, { ...bindings, ...b }),
  };
}
