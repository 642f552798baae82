/**
 * An in-process bus with Kafka's delivery semantics where they matter: topics split into
 * partitions by key, per-group committed offsets that survive a consumer's restart, ordered
 * delivery within a partition, a new group starting from the earliest record. It is the
 * default when KAFKA_BROKERS is not set, and what the tests run on.
 */
import type { Bus, RecordHandler, Subscription } from './bus.ts';
import type { BusRecord, DeliveredRecord } from './envelope.ts';

export interface MemoryBusOptions {
  /** Partitions of every topic. Default 3. */
  readonly partitions?: number;
  /** Deliver every record this many times (a test of idempotent consumers). Default 1. */
  readonly deliveries?: number;
}

interface Member {
  readonly handler: RecordHandler;
  readonly topics: readonly string[];
  active: boolean;
}

function partitionOf(key: string, partitions: number): number {
  // Kafka's default partitioner hashes the key with murmur2; any stable hash keeps per-key order.
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(h) % partitions;
}

export class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  private readonly partitions: number;
  private readonly deliveries: number;
  private readonly logs = new Map<string, DeliveredRecord[][]>();
  /** group → `topic#partition` → next offset to deliver. */
  private readonly offsets = new Map<string, Map<string, number>>();
  private readonly members = new Map<string, Member>();
  private readonly running = new Set<string>();
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(options: MemoryBusOptions = {}) {
    this.partitions = options.partitions ?? 3;
    this.deliveries = options.deliveries ?? 1;
  }

  private log(topic: string): DeliveredRecord[][] {
    let log = this.logs.get(topic);
    if (!log) {
      log = Array.from({ length: this.partitions }, () => []);
      this.logs.set(topic, log);
    }
    return log;
  }

  async publish(records: readonly BusRecord[]): Promise<void> {
    if (this.closed) throw new Error('bus is closed');
    for (const r of records) {
      const log = this.log(r.topic);
      const partition = partitionOf(r.key, this.partitions);
      const p = log[partition]!;
      p.push({ ...r, headers: { ...r.headers }, partition, offset: String(p.length) });
    }
    for (const [group, member] of this.members) {
      if (member.active && records.some((r) => member.topics.includes(r.topic))) this.pump(group);
    }
  }

  async subscribe(group: string, topics: readonly string[], handler: RecordHandler): Promise<Subscription> {
    if (this.members.get(group)?.active) throw new Error(`consumer group ${group} already has a member on this bus`);
    const member: Member = { handler, topics: [...topics], active: true };
    this.members.set(group, member);
    if (!this.offsets.has(group)) this.offsets.set(group, new Map());
    this.pump(group);
    return {
      group,
      topics,
      close: async () => {
        member.active = false;
        if (this.members.get(group) === member) this.members.delete(group);
        await this.waitFor(() => !this.running.has(group));
      },
    };
  }

  /** Delivers pending records of a group, one partition at a time, in offset order. */
  private pump(group: string): void {
    if (this.running.has(group)) {
      this.running.add(`${group}\0again`);
      return;
    }
    this.running.add(group);
    void (async () => {
      try {
        for (;;) {
          this.running.delete(`${group}\0again`);
          const delivered = await this.deliverPending(group);
          if (!delivered && !this.running.has(`${group}\0again`)) break;
        }
      } finally {
        this.running.delete(group);
        this.running.delete(`${group}\0again`);
        this.notifyIdle();
      }
    })();
  }

  private async deliverPending(group: string): Promise<boolean> {
    const member = this.members.get(group);
    const offsets = this.offsets.get(group);
    if (!member || !member.active || !offsets) return false;
    let any = false;
    for (const topic of member.topics) {
      const log = this.log(topic);
      for (let partition = 0; partition < log.length; partition++) {
        const slot = `${topic}#${partition}`;
        for (;;) {
          if (!member.active) return any;
          const next = offsets.get(slot) ?? 0;
          const record = log[partition]![next];
          if (!record) break;
          for (let i = 0; i < this.deliveries; i++) await member.handler(record);
          offsets.set(slot, next + 1); // commit after the handler settled: at-least-once
          any = true;
        }
      }
    }
    return any;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async waitFor(done: () => boolean): Promise<void> {
    while (!done()) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves when every active group has consumed every record (including ones published meanwhile). */
  async drain(): Promise<void> {
    for (;;) {
      await this.waitFor(() => this.running.size === 0);
      const pending = [...this.members].filter(([group, m]) => m.active && this.lag(group) > 0);
      if (pending.length === 0) return;
      for (const [group] of pending) this.pump(group);
    }
  }

  /** Records the group has not consumed yet, over its topics. */
  lag(group: string): number {
    const member = this.members.get(group);
    const offsets = this.offsets.get(group);
    if (!member || !offsets) return 0;
    let lag = 0;
    for (const topic of member.topics) {
      this.log(topic).forEach((p, partition) => (lag += p.length - (offsets.get(`${topic}#${partition}`) ?? 0)));
    }
    return lag;
  }

  /** Records not yet delivered to the active groups, and deliveries under way. */
  backlog(): number {
    let total = this.running.size;
    for (const [group, member] of this.members) if (member.active) total += this.lag(group);
    return total;
  }

  /** Every record of a topic, partition by partition (for tests and the DLQ browser). */
  records(topic: string): DeliveredRecord[] {
    return (this.logs.get(topic) ?? []).flat();
  }

  topics(): string[] {
    return [...this.logs.keys()].sort();
  }

  async close(): Promise<void> {
    for (const m of this.members.values()) m.active = false;
    this.members.clear();
    await this.waitFor(() => this.running.size === 0);
    this.closed = true;
  }
}
