/**
 * The outbox relay: publishes events committed to the outbox table, in commit order, and marks
 * them published. Commands write their events to the outbox in the same transaction as the
 * state change (subscribe → transaction → publish as one atomic unit); the relay publishes after
 * commit. A crash between commit and publish loses nothing: the relay finds the rows on start.
 * A crash between publish and marking publishes a row twice; consumers' inboxes drop the copy.
 */
import type { Bus } from './bus.ts';
import { ident, type Db } from './db.ts';
import type { BusRecord } from './envelope.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export interface RelayOptions {
  readonly db: Db;
  readonly schema: string;
  readonly bus: Bus;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly batchSize?: number;
  /** Polling interval for rows left by a crash or a failed publish. Default 500 ms. */
  readonly intervalMs?: number;
}

interface Row {
  id: string;
  topic: string;
  aggregateid: string;
  payload: unknown;
  headers: Record<string, string>;
}

export class OutboxRelay {
  private readonly options: RelayOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = true;

  constructor(options: RelayOptions) {
    this.options = options;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(tick, this.options.intervalMs ?? 500);
      this.timer.unref?.();
    };
    tick();
  }

  /** Publish now (called after every commit that wrote to the outbox). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.flush()
      .catch((error: unknown) => {
        this.options.logger.error('outbox relay failed; will retry', { error: error instanceof Error ? error.message : String(error) });
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Publishes every unpublished row; returns how many. */
  async flush(): Promise<number> {
    const { db, schema, bus, metrics } = this.options;
    const s = ident(schema);
    let total = 0;
    for (;;) {
      const published = await db.transaction(async (tx) => {
        const rows = await tx.query<Row>(
          `SELECT id, topic, aggregateid, payload, headers FROM ${s}.outbox
           WHERE published_at IS NULL ORDER BY seq LIMIT ${this.options.batchSize ?? 100} FOR UPDATE SKIP LOCKED`,
        );
        if (rows.rows.length === 0) return 0;
        const records: BusRecord[] = rows.rows.map((r) => ({
          topic: r.topic,
          key: r.aggregateid,
          value: JSON.stringify(r.payload),
          headers: r.headers,
        }));
        await bus.publish(records);
        await tx.query(`UPDATE ${s}.outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [rows.rows.map((r) => r.id)]);
        return rows.rows.length;
      });
      if (published === 0) return total;
      total += published;
      metrics.inc('msa_outbox_published_total', {}, published);
    }
  }

  /**
   * Publishes everything committed so far, waiting for a publish already in flight (which may
   * hold rows this call would skip); returns how many rows went out.
   */
  async settle(): Promise<number> {
    let total = 0;
    if (this.running) total += await this.running;
    total += await this.flush();
    if (this.running) total += await this.running;
    return total;
  }

  /** Waits for a running publish, then stops polling. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Is a publish under way? */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Rows committed but not yet published. */
  async pending(): Promise<number> {
    const r = await this.options.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${ident(this.options.schema)}.outbox WHERE published_at IS NULL`,
    );
    return r.rows[0]?.n ?? 0;
  }
}
