/**
 * SQL storage with PostgreSQL semantics: PGlite (PostgreSQL compiled to WebAssembly) embedded by
 * default, so a service starts with no server; a PostgreSQL server through `pg` when
 * DATABASE_URL is set. Each service keeps its tables in a schema of its own.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface QueryResult<T> {
  readonly rows: T[];
  readonly rowCount: number;
}

/** A connection or a transaction: the same interface, so code runs in either. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Several statements at once (DDL). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

type PGliteLike = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'close'>;

class PGliteDb implements Db {
  readonly kind = 'pglite' as const;
  private readonly pg: PGliteLike;
  constructor(pg: PGliteLike) {
    this.pg = pg;
  }

  async query<T>(text: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const r = await this.pg.query<T>(text, [...params]);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) =>
      work({
        async query<R>(text: string, params: readonly unknown[] = []) {
          const r = await tx.query<R>(text, [...params]);
          return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
        },
      }),
    );
  }

  async exec(text: string): Promise<void> {
    await this.pg.exec(text);
  }

  close(): Promise<void> {
    return this.pg.close();
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  constructor(pool: Pool) {
    this.pool = pool;
  }

  async query<T>(text: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const r = await this.pool.query(text, [...params]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        async query<R>(text: string, params: readonly unknown[] = []) {
          const r = await client.query(text, [...params]);
          return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(text: string): Promise<void> {
    await this.pool.query(text);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export interface DatabaseOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  readonly url?: string | undefined;
  /** Told when the server drops an idle connection (restart, failover); the pool opens a new one. */
  readonly onConnectionError?: ((error: Error) => void) | undefined;
  /** PGlite data directory; in memory when absent. */
  readonly dataDir?: string | undefined;
}

/** Opens PGlite, or a PostgreSQL server when a URL is given. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Db> {
  if (options.url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle client's error (the server restarted, or terminated it) is emitted on the pool; left
    // unhandled it would crash the process. The pool discards that client and connects anew.
    pool.on('error', (error) => options.onConnectionError?.(error));
    await pool.query('select 1');
    return new PostgresDb(pool);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  return new PGliteDb(pglite);
}

/** Wraps an existing PGlite instance (tests share one instance between services). */
export function fromPGlite(pglite: PGliteLike): Db {
  return new PGliteDb(pglite);
}

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** SQLSTATE of a database error (23505 = unique violation), if any. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
