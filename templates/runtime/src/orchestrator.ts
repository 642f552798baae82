/**
 * Orchestration sagas: a state machine persisted in the orchestrating service's database. Each
 * step's success event moves the saga on and sends the next step's command; a failure event, a
 * failed call or a step with no outcome by its deadline runs the compensations of the completed
 * steps in reverse order. External systems are never steps (the validator refuses them).
 *
 * Nothing is lost to a crash, and nothing runs twice:
 * - the decision to send step n+1 is committed with the saga's state (`send_pending`, and the
 *   step's deadline `due_at`); the command goes out after the commit, and a sweeper re-sends a
 *   step still pending at start-up and periodically;
 * - every step and compensation carries an idempotency key (saga, instance, step, attempt; or
 *   saga, instance, step, "compensate"), which the target claims in the command's transaction:
 *   however often a step is sent, it executes once;
 * - the sweeper fails a step whose deadline passed (a persisted due time, not a timer in memory)
 *   and compensates; a compensation a crash interrupted runs again, its steps already done
 *   suppressed by their keys.
 */
import type { ConsumerSpec, Effects } from './consumer.ts';
import { ident, type Sql } from './db.ts';
import type { OrchestrationDef, OrchestrationStep } from './definitions.ts';
import type { CloudEvent } from './envelope.ts';
import { ServiceUnavailableError, type ServiceClient } from './http-client.ts';
import type { ServiceRuntime } from './service.ts';

export type SagaStatus = 'running' | 'completed' | 'compensating' | 'compensated' | 'failed';

/** A step's deadline when neither the model nor SAGA_STEP_TIMEOUT_MS sets one: 5 minutes. */
export const DEFAULT_STEP_TIMEOUT_MS = 300_000;

export interface OrchestratorOptions {
  /** Overrides every saga's step timeout (SAGA_STEP_TIMEOUT_MS). */
  readonly stepTimeoutMs?: number | undefined;
  /** How often the sweeper looks for due steps and unsent commands. Default 1 s. */
  readonly sweepIntervalMs?: number | undefined;
  /** A step still unsent this long after its decision is sent again. Default 5 s. */
  readonly resendAfterMs?: number | undefined;
}

/** `/renewals/{renewalId}/pay` with data → `/renewals/42/pay`. */
export function fillPath(path: string, data: Readonly<Record<string, unknown>>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(data[name] ?? '')));
}

/** The idempotency key of a step's command: saga, instance, step and attempt. */
export function stepKey(saga: string, id: string, step: number, attempt: number): string {
  return `${saga}/${id}/${step}/${attempt}`;
}

/** The idempotency key of a step's compensation: it runs once per saga instance and step. */
export function compensationKey(saga: string, id: string, step: number): string {
  return `${saga}/${id}/${step}/compensate`;
}

/**
 * Test-only fault injection, off unless set: MSA_FAULT=exit-after-saga-commit kills the process
 * (SIGKILL: no cleanup, no graceful stop) right after the decision to send a step is committed and
 * before the step is sent; `exit-after-saga-commit:<Command>` only before that step. The crash the
 * start-up resumer must survive (examples/dmv, scenario 4).
 */
function crashIfInjected(command: string): void {
  const fault = process.env['MSA_FAULT'];
  if (fault === 'exit-after-saga-commit' || fault === `exit-after-saga-commit:${command}`) process.kill(process.pid, 'SIGKILL');
}

interface SagaRow {
  id: string;
  step: number;
  status: SagaStatus;
  attempt: number;
  data: Record<string, unknown>;
  history: History;
}

export class Orchestrator {
  private readonly runtime: ServiceRuntime;
  private readonly clients: Readonly<Record<string, ServiceClient>>;
  private readonly defs: readonly OrchestrationDef[];
  private readonly options: OrchestratorOptions;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private running = false;

  constructor(
    runtime: ServiceRuntime,
    clients: Readonly<Record<string, ServiceClient>>,
    defs: readonly OrchestrationDef[] = runtime.definition.orchestrations,
    options: OrchestratorOptions = {},
  ) {
    this.runtime = runtime;
    this.clients = clients;
    this.defs = defs;
    this.options = options;
  }

  private get table(): string {
    return `${ident(this.runtime.definition.schema)}.saga_instances`;
  }

  private timeoutOf(def: OrchestrationDef): number {
    return this.options.stepTimeoutMs ?? def.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
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

  /** Resumes what a crash left (unsent steps, interrupted compensations), then sweeps periodically. */
  async start(): Promise<void> {
    this.running = true;
    await this.sweep(true);
    const tick = () => {
      this.timer = setTimeout(() => {
        this.sweeping = this.sweep(false).finally(() => {
          if (this.running) tick();
        });
      }, this.options.sweepIntervalMs ?? 1000);
      this.timer.unref?.();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.sweeping;
  }

  /** One pass of the sweeper over every saga: deadlines, unsent steps, interrupted compensations. */
  async sweep(startUp = false): Promise<void> {
    for (const def of this.defs) {
      try {
        await this.timeOut(def);
        await this.resend(def, startUp);
        await this.resumeCompensations(def, startUp);
      } catch (error) {
        this.runtime.logger.error('saga sweep failed', { saga: def.saga, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /** Moves the state machine in the transaction; commands and compensations go out after commit. */
  private async onEvent(def: OrchestrationDef, name: string, event: CloudEvent, tx: Sql, effects: Effects): Promise<void> {
    const id = event.correlationid;
    const data = (event.data ?? {}) as Record<string, unknown>;
    const stepIndex = def.steps.findIndex((s) => s.succeededOn.includes(name) || s.failedOn.includes(name));
    if (stepIndex < 0) return;
    const failed = def.steps[stepIndex]!.failedOn.includes(name);
    const found = await tx.query<SagaRow>(
      `SELECT id, step, status, attempt, data, history FROM ${this.table} WHERE saga = $1 AND id = $2 FOR UPDATE`,
      [def.saga, id],
    );
    let row = found.rows[0];
    if (!row) {
      if (stepIndex !== 0 || failed) return; // not started by this saga's first step
      row = { id, step: 0, status: 'running', attempt: 1, data: {}, history: [] };
      await tx.query(`INSERT INTO ${this.table} (id, saga, step, status, data) VALUES ($1, $2, 0, 'running', '{}'::jsonb)`, [id, def.saga]);
    }
    if (row.status !== 'running' || stepIndex !== row.step) return; // a late or repeated event
    const merged = { ...row.data, ...data };
    const history: History = [...row.history, { step: stepIndex, what: name }];
    if (failed) {
      await this.save(tx, def.saga, id, { step: stepIndex, status: 'compensating', data: merged, history });
      effects.afterCommit(() => this.compensate(def, stepIndex - 1, id, merged, history, `${name} at step ${stepIndex + 1}`));
      return;
    }
    const next = stepIndex + 1;
    if (next >= def.steps.length) {
      await this.save(tx, def.saga, id, { step: stepIndex, status: 'completed', data: merged, history });
      return;
    }
    const sent: History = [...history, { step: next, what: `sent ${def.steps[next]!.command}` }];
    const dueAt = new Date(Date.now() + this.timeoutOf(def));
    await this.save(tx, def.saga, id, { step: next, status: 'running', data: merged, history: sent, attempt: 1, sendPending: true, dueAt });
    effects.afterCommit(() => {
      crashIfInjected(def.steps[next]!.command);
      return this.sendStep(def, { id, step: next, status: 'running', attempt: 1, data: merged, history: sent });
    });
  }

  /** Sends a step's command; marks it sent, or on a refusal compensates the completed steps. */
  private async sendStep(def: OrchestrationDef, row: SagaRow): Promise<void> {
    const step = def.steps[row.step]!;
    try {
      await this.send(step, row.data, row.id, stepKey(def.saga, row.id, row.step, row.attempt));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (error instanceof ServiceUnavailableError) {
        // Down or unreachable (an outage, a restart, a resume before the target is up) is not a
        // refusal: the step stays pending, the sweeper sends it again, its deadline bounds the wait.
        this.runtime.logger.warn('saga step not sent: its service is unavailable; sending it again later', { saga: def.saga, id: row.id, step: row.step + 1, error: why });
        return;
      }
      const history: History = [...row.history, { step: row.step, what: `failed: ${why}` }];
      const claimed = await this.runtime.db.transaction((tx) =>
        tx.query(
          `UPDATE ${this.table} SET status = 'compensating', send_pending = false, due_at = NULL, history = $3::jsonb, updated_at = now()
           WHERE saga = $1 AND id = $2 AND status = 'running' AND step = $4 RETURNING id`,
          [def.saga, row.id, JSON.stringify(history), row.step],
        ),
      );
      if (claimed.rows.length === 1) await this.compensate(def, row.step - 1, row.id, row.data, history, why);
      return;
    }
    await this.runtime.db.query(
      `UPDATE ${this.table} SET send_pending = false WHERE saga = $1 AND id = $2 AND step = $3 AND attempt = $4 AND status = 'running'`,
      [def.saga, row.id, row.step, row.attempt],
    );
  }

  /** Steps with no outcome by their deadline: the saga fails and compensates the completed steps. */
  private async timeOut(def: OrchestrationDef): Promise<void> {
    const due = await this.runtime.db.query<SagaRow>(
      `UPDATE ${this.table} SET status = 'compensating', send_pending = false, due_at = NULL, updated_at = now(),
         history = history || jsonb_build_array(jsonb_build_object('step', step, 'what', 'timed out'))
       WHERE saga = $1 AND status = 'running' AND due_at IS NOT NULL AND due_at <= now()
       RETURNING id, step, status, attempt, data, history`,
      [def.saga],
    );
    for (const row of due.rows) {
      const command = def.steps[row.step]?.command ?? '?';
      this.runtime.logger.warn('saga step timed out; compensating', { saga: def.saga, id: row.id, step: row.step + 1, command });
      this.runtime.metrics.inc('msa_saga_timeouts_total', { saga: def.saga, command });
      await this.compensate(def, row.step - 1, row.id, row.data, row.history, `${command} had no outcome within ${this.timeoutOf(def)} ms`);
    }
  }

  /** Steps decided but not (known to be) sent: at start-up all of them, later those pending a while. */
  private async resend(def: OrchestrationDef, startUp: boolean): Promise<void> {
    const pending = await this.runtime.db.query<SagaRow>(
      `UPDATE ${this.table} SET updated_at = now()
       WHERE saga = $1 AND status = 'running' AND send_pending AND ($2 OR updated_at <= now() - make_interval(secs => $3 / 1000.0))
       RETURNING id, step, status, attempt, data, history`,
      [def.saga, startUp, this.options.resendAfterMs ?? 5000],
    );
    for (const row of pending.rows) {
      this.runtime.logger.info('saga resumed: sending a step again', { saga: def.saga, id: row.id, step: row.step + 1 });
      this.runtime.metrics.inc('msa_saga_resends_total', { saga: def.saga });
      await this.sendStep(def, row);
    }
  }

  /** Compensations a crash interrupted run again; those already done are suppressed by their keys. */
  private async resumeCompensations(def: OrchestrationDef, startUp: boolean): Promise<void> {
    const stuck = await this.runtime.db.query<SagaRow>(
      `UPDATE ${this.table} SET updated_at = now()
       WHERE saga = $1 AND status = 'compensating' AND ($2 OR updated_at <= now() - make_interval(secs => $3 / 1000.0))
       RETURNING id, step, status, attempt, data, history`,
      [def.saga, startUp, Math.max(30_000, (this.options.resendAfterMs ?? 5000) * 6)],
    );
    for (const row of stuck.rows) {
      this.runtime.logger.info('saga resumed: compensating again', { saga: def.saga, id: row.id, step: row.step + 1 });
      await this.compensate(def, row.step - 1, row.id, row.data, row.history, 'resumed');
    }
  }

  /** A step's command (or compensation): in this service directly, elsewhere over HTTP. */
  private async send(target: Target, data: Record<string, unknown>, correlationId: string, idempotencyKey: string): Promise<void> {
    const input = target.toCommand ? target.toCommand(data, correlationId) : data;
    if (target.service === this.runtime.definition.name) {
      await this.runtime.execute(target.command, input, { correlationId, idempotencyKey });
      return;
    }
    const client = this.clients[target.service];
    if (!client) throw new Error(`no client for service ${target.service} (set its URL)`);
    await client.call(target.method, fillPath(target.path, { ...data, ...input }), input, {
      'x-correlation-id': correlationId,
      'idempotency-key': idempotencyKey,
    });
  }

  /**
   * Runs the compensations of steps `from` … 0 in reverse order; the saga ends compensated, or
   * failed when a compensation was refused. A compensation whose service is unavailable (down,
   * too slow, its breaker open) was refused by no one: the saga stays compensating, and the
   * sweeper runs the compensations again later (those already done are suppressed by their keys).
   */
  private async compensate(def: OrchestrationDef, from: number, id: string, data: Record<string, unknown>, history: History, reason: string): Promise<void> {
    this.runtime.logger.warn('saga failed; compensating', { saga: def.saga, id, reason });
    const log = [...history];
    const record = (step: number, what: string) => {
      if (!log.some((h) => h.step === step && h.what === what)) log.push({ step, what });
    };
    let status: SagaStatus = 'compensated';
    for (let i = from; i >= 0; i--) {
      const c = def.steps[i]!.compensation;
      if (!c) continue;
      try {
        await this.send(c, data, id, compensationKey(def.saga, id, i));
        record(i, `compensated by ${c.command}`);
        this.runtime.metrics.inc('msa_compensations_total', { saga: def.saga, command: c.command });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ServiceUnavailableError) {
          status = 'compensating';
          record(i, `compensation ${c.command} waits for ${c.service}: ${message}`);
          this.runtime.metrics.inc('msa_compensations_deferred_total', { saga: def.saga, command: c.command });
          this.runtime.logger.warn('saga compensation deferred: its service is unavailable', { saga: def.saga, id, command: c.command, reason: message });
          break;
        }
        status = 'failed';
        record(i, `compensation ${c.command} failed: ${message}`);
      }
    }
    await this.runtime.db.query(
      `UPDATE ${this.table} SET status = $3, history = $4::jsonb, updated_at = now() WHERE saga = $1 AND id = $2 AND status = 'compensating'`,
      [def.saga, id, status, JSON.stringify(log)],
    );
  }

  private async save(
    tx: Sql,
    saga: string,
    id: string,
    s: { step: number; status: SagaStatus; data: Record<string, unknown>; history: History; attempt?: number; sendPending?: boolean; dueAt?: Date },
  ): Promise<void> {
    await tx.query(
      `UPDATE ${this.table} SET step = $3, status = $4, data = $5::jsonb, history = $6::jsonb, attempt = $7, send_pending = $8,
         due_at = $9, updated_at = now() WHERE saga = $1 AND id = $2`,
      [saga, id, s.step, s.status, JSON.stringify(s.data), JSON.stringify(s.history), s.attempt ?? 1, s.sendPending ?? false, s.dueAt?.toISOString() ?? null],
    );
  }

  /** A saga instance with its history (GET /admin/sagas/{saga}/{id}). */
  async instance(saga: string, id: string): Promise<Record<string, unknown> | undefined> {
    const r = await this.runtime.db.query<SagaRow & { send_pending: boolean; due_at: string | Date | null; updated_at: string | Date }>(
      `SELECT id, step, status, attempt, data, history, send_pending, due_at, updated_at FROM ${this.table} WHERE saga = $1 AND id = $2`,
      [saga, id],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    const def = this.defs.find((d) => d.saga === saga);
    const iso = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v));
    return {
      saga,
      id: row.id,
      status: row.status,
      step: row.step + 1,
      command: def?.steps[row.step]?.command,
      attempt: row.attempt,
      sendPending: row.send_pending,
      dueAt: iso(row.due_at),
      updatedAt: iso(row.updated_at),
      data: row.data,
      history: row.history,
    };
  }

  /** Saga instances by status, and the age of the oldest running one, for /metrics. */
  async statistics(): Promise<Array<{ saga: string; status: string; count: number; oldestRunningSeconds: number | undefined }>> {
    const r = await this.runtime.db.query<{ saga: string; status: string; count: string | number; oldest: string | number | null }>(
      `SELECT saga, status, count(*) AS count, extract(epoch FROM now() - min(created_at)) AS oldest
       FROM ${this.table} GROUP BY saga, status ORDER BY saga, status`,
    );
    return r.rows.map((row) => ({
      saga: row.saga,
      status: row.status,
      count: Number(row.count),
      oldestRunningSeconds: row.status === 'running' && row.oldest !== null ? Number(row.oldest) : undefined,
    }));
  }
}

type History = Array<{ step: number; what: string }>;
type Target = OrchestrationStep | NonNullable<OrchestrationStep['compensation']>;
