/**
 * Orchestration sagas: a state machine persisted in the orchestrating service's database. Each
 * step's success event moves the saga on and sends the next step's command; a failure event or
 * a failed call runs the compensations of the completed steps in reverse order. External
 * systems are never steps (the validator refuses them).
 */
import type { ConsumerSpec, Effects } from './consumer.ts';
import { ident, type Sql } from './db.ts';
import type { OrchestrationDef, OrchestrationStep } from './definitions.ts';
import type { CloudEvent } from './envelope.ts';
import type { ServiceClient } from './http-client.ts';
import type { ServiceRuntime } from './service.ts';

export type SagaStatus = 'running' | 'completed' | 'compensating' | 'compensated' | 'failed';

/** `/renewals/{renewalId}/pay` with data → `/renewals/42/pay`. */
export function fillPath(path: string, data: Readonly<Record<string, unknown>>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(data[name] ?? '')));
}

export class Orchestrator {
  private readonly runtime: ServiceRuntime;
  private readonly clients: Readonly<Record<string, ServiceClient>>;

  constructor(runtime: ServiceRuntime, clients: Readonly<Record<string, ServiceClient>>) {
    this.runtime = runtime;
    this.clients = clients;
  }

  private get table(): string {
    return `${ident(this.runtime.definition.schema)}.saga_instances`;
  }

  consumer(def: OrchestrationDef): ConsumerSpec {
    const byType = new Map(def.events.map((e) => [e.type, e]));
    return {
      group: def.group,
      topics: [...new Set(def.events.map((e) => e.topic))].sort(),
      retry: def.retry,
      dlq: true,
      handle: async (event, unit) => {
        const ev = byType.get(event.type);
        if (!ev) return 'skipped';
        await unit.commit((tx) => this.onEvent(def, ev.name, event, tx, unit));
        return 'done';
      },
    };
  }

  /** Moves the state machine in the transaction; commands and compensations go out after commit. */
  private async onEvent(def: OrchestrationDef, name: string, event: CloudEvent, tx: Sql, effects: Effects): Promise<void> {
    const id = event.correlationid;
    const data = (event.data ?? {}) as Record<string, unknown>;
    const stepIndex = def.steps.findIndex((s) => s.succeededOn.includes(name) || s.failedOn.includes(name));
    if (stepIndex < 0) return;
    const step = def.steps[stepIndex]!;
    const failed = step.failedOn.includes(name);
    const found = await tx.query<{ step: number; status: SagaStatus; data: Record<string, unknown>; history: History }>(
      `SELECT step, status, data, history FROM ${this.table} WHERE saga = $1 AND id = $2 FOR UPDATE`,
      [def.saga, id],
    );
    let row = found.rows[0];
    if (!row) {
      if (stepIndex !== 0 || failed) return; // not started by this saga's first step
      row = { step: 0, status: 'running', data: {}, history: [] };
      await tx.query(`INSERT INTO ${this.table} (id, saga, step, status, data) VALUES ($1, $2, 0, 'running', '{}'::jsonb)`, [id, def.saga]);
    }
    if (row.status !== 'running' || stepIndex !== row.step) return; // a late or repeated event
    const merged = { ...row.data, ...data };
    const history: History = [...row.history, { step: stepIndex, what: name }];
    if (failed) {
      await this.save(tx, def.saga, id, stepIndex, 'compensating', merged, history);
      effects.afterCommit(() => this.compensate(def, stepIndex - 1, id, merged, history, `${name} at step ${stepIndex + 1}`));
      return;
    }
    const next = stepIndex + 1;
    if (next >= def.steps.length) {
      await this.save(tx, def.saga, id, stepIndex, 'completed', merged, history);
      return;
    }
    const sent: History = [...history, { step: next, what: `sent ${def.steps[next]!.command}` }];
    await this.save(tx, def.saga, id, next, 'running', merged, sent);
    effects.afterCommit(async () => {
      try {
        await this.send(def.steps[next]!, merged, id);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        await this.runtime.db.transaction((t) =>
          this.save(t, def.saga, id, next, 'compensating', merged, [...sent, { step: next, what: `failed: ${why}` }]),
        );
        await this.compensate(def, stepIndex, id, merged, [...sent, { step: next, what: `failed: ${why}` }], why);
      }
    });
  }

  /** A step's command (or compensation): in this service directly, elsewhere over HTTP. */
  private async send(target: Target, data: Record<string, unknown>, correlationId: string): Promise<void> {
    const input = target.toCommand ? target.toCommand(data, correlationId) : data;
    if (target.service === this.runtime.definition.name) {
      await this.runtime.execute(target.command, input, { correlationId });
      return;
    }
    const client = this.clients[target.service];
    if (!client) throw new Error(`no client for service ${target.service} (set its URL)`);
    await client.call(target.method, fillPath(target.path, { ...data, ...input }), input, { 'x-correlation-id': correlationId });
  }

  /** Runs the compensations of steps `from` … 0 in reverse order; the saga ends compensated or failed. */
  private async compensate(def: OrchestrationDef, from: number, id: string, data: Record<string, unknown>, history: History, reason: string): Promise<void> {
    this.runtime.logger.warn('saga failed; compensating', { saga: def.saga, id, reason });
    const log = [...history];
    let status: SagaStatus = 'compensated';
    for (let i = from; i >= 0; i--) {
      const c = def.steps[i]!.compensation;
      if (!c) continue;
      try {
        await this.send(c, data, id);
        log.push({ step: i, what: `compensated by ${c.command}` });
        this.runtime.metrics.inc('msa_compensations_total', { saga: def.saga, command: c.command });
      } catch (error) {
        status = 'failed';
        log.push({ step: i, what: `compensation ${c.command} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    await this.runtime.db.transaction((tx) => this.save(tx, def.saga, id, Math.max(from, 0), status, data, log));
  }

  private async save(tx: Sql, saga: string, id: string, step: number, status: SagaStatus, data: Record<string, unknown>, history: History): Promise<void> {
    await tx.query(
      `UPDATE ${this.table} SET step = $3, status = $4, data = $5::jsonb, history = $6::jsonb, updated_at = now() WHERE saga = $1 AND id = $2`,
      [saga, id, step, status, JSON.stringify(data), JSON.stringify(history)],
    );
  }
}

type History = Array<{ step: number; what: string }>;
type Target = OrchestrationStep | NonNullable<OrchestrationStep['compensation']>;
