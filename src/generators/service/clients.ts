/**
 * src/generated/clients.ts of a service: the services it calls over HTTP (CallTarget) and the
 * typed clients its handlers get as ctx.clients.
 */
import { clientMember, clientMethod, commandTypeName } from '../names/symbols.js';
import { commandFields } from '../plan/service.js';
import { docComment, wrap } from '../ts/code.js';
import { declare, join, runtimeType, ts, TsModule, type Part } from '../ts/module.js';
import { objectType } from './parts.js';
import type { ServicePlan } from './plan.js';

export function clientsModule(s: ServicePlan): string {
  const called = s.calledTargets;
  const targets = s.targets.map((t) => ({
    service: t.service.name,
    urlEnv: t.urlEnv,
    defaultUrl: t.defaultUrl,
    timeoutMs: t.timeoutMs,
    retry: { maxAttempts: t.retry.maxAttempts, backoffMs: t.retry.backoffMs, maxBackoffMs: t.retry.maxBackoffMs },
    circuitBreaker: { consecutiveFailures: t.circuitBreaker.consecutiveFailures, halfOpenAfterMs: t.circuitBreaker.halfOpenAfterMs },
    client: t.commands.length > 0 ? clientMember(t.service) : undefined,
    commands:
      t.commands.length > 0
        ? Object.fromEntries(t.commands.map((c) => [clientMethod(c), { method: c.http!.method, path: c.http!.path }]))
        : undefined,
  }));
  const types: Part[] = [];
  if (called.length > 0) {
    const members: Part[] = [];
    for (const t of called) {
      const methods: Part[] = [];
      for (const c of t.commands) {
        const route = c.http!;
        types.push(objectType(commandTypeName(c), commandFields(c), wrap(`Input of ${c.name}, a command of ${t.service.name} (${route.method} ${route.path}).`)));
        methods.push(ts`${docComment(`${c.name}: ${route.method} ${route.path}`, 4)}\n    ${clientMethod(c)}(input: ${commandTypeName(c)}): Promise<${runtimeType('CommandReply')}>;`);
      }
      members.push(ts`${docComment(`The ${t.service.name} service (${t.urlEnv}, default ${t.defaultUrl}).`, 2)}\n  readonly ${clientMember(t.service)}: {\n${join(methods, '\n')}\n  };`);
    }
    types.push(
      ts`${docComment("ctx.clients of the command handlers: the commands this service calls (the model's `calls`).")}\nexport type Clients = {\n${join(members, '\n')}\n};`,
    );
  }
  return new TsModule(
    s.runtime,
    wrap(
      `The services ${s.context.name} calls over HTTP${called.length > 0 ? '' : ' (the steps of the sagas it orchestrates)'}: how to reach them (CallTarget)${called.length > 0 ? ', and the typed clients its handlers get as ctx.clients' : ''}.`,
    ),
  )
    .add(...types)
    .add(
      ts`${docComment('Each: its URL variable (else the Kubernetes Service), timeout, retries, circuit breaker.')}\n${declare(ts`export const callTargets: readonly ${runtimeType('CallTarget')}[] = `, targets, ';')}`,
    )
    .toString();
}
