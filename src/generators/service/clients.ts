/**
 * src/generated/clients.ts of a service: the services it calls over HTTP (CallTarget), the typed
 * clients its handlers get as ctx.clients, and the model's calls of each command (CallDef), which
 * the runtime makes around the handler: the replies of `before` calls are ctx.calls, the inputs of
 * `after` calls come with the decision.
 */
import {
  callInputFunction,
  callInputsType,
  callRepliesType,
  clientMember,
  clientMethod,
  commandTypeName,
} from '../names/symbols.js';
import { docComment, quote, wrap } from '../ts/code.js';
import type { PlaceholderScope } from '../ts/field-types.js';
import { declare, join, runtimeType, ts, TsModule, type Fragment, type Part } from '../ts/module.js';
import { objectType, pickFields, retryLiteral, urnOf } from './parts.js';
import { calledTargets, commandFields, type CommandCall, type CommandData, type OwnCommandData, type ServicePlan } from './plan.js';

type Command = CommandData;

/** The commands of the service that make calls, with their calls. */
function callingCommands(s: ServicePlan): Array<{ readonly command: OwnCommandData; readonly calls: readonly CommandCall[] }> {
  return s.context.aggregates.flatMap((a) => a.commands).flatMap((command) => {
    const calls = command.calls;
    return calls.length > 0 ? [{ command, calls }] : [];
  });
}

/** `to<Called>For<Calling>(source, ctx)`: a before call's input from the command over the state, fields by name. */
function inputFunction(s: ServicePlan, calling: Command, c: CommandCall): Fragment {
  const scope: PlaceholderScope = {
    deriveParts: [quote(calling.name), 'ctx.key'],
    now: 'ctx.now.toISOString()',
    urn: urnOf(s.platform.name, calling.aggregate, 'ctx.key'),
    guard: 'ctx.placeholder',
  };
  return ts`${docComment(wrap(`The input of ${c.command.name} when ${calling.name} calls it: from the command over ${calling.aggregate.name}'s state, by name.`))}
function ${callInputFunction(c.command, calling)}(source: ${runtimeType('Source')}, ctx: ${runtimeType('CallInputContext')}): ${commandTypeName(c.command)} {
  return ${pickFields(commandFields(c.command), 'source', scope, undefined, 2)};
}`;
}

/** The types of a calling command: the replies of its before calls, the inputs of its after calls. */
function callTypes(command: Command, calls: readonly CommandCall[]): Part[] {
  const before = calls.filter((c) => c.call.when === 'before');
  const after = calls.filter((c) => c.call.when === 'after');
  const out: Part[] = [];
  if (before.length > 0) {
    const members = before.map((c) => ts`  /** The reply of ${c.service.name}'s ${c.command.name}. */
  readonly ${clientMethod(c.command)}: ${runtimeType('CommandReply')};`);
    out.push(
      ts`${docComment(wrap(`ctx.calls of ${command.name}: the replies of the calls the runtime made before its handler ran (a failed call refused the command).`))}
export type ${callRepliesType(command)} = {
${join(members, '\n')}
};`,
    );
  }
  if (after.length > 0) {
    const members = after.map((c) => `  readonly ${clientMethod(c.command)}: ${commandTypeName(c.command)};`);
    out.push(
      ts`${docComment(wrap(`The \`calls\` of ${command.name}'s decision: the input of each call the runtime makes once its handler decided, before it commits (the model's calls, when: after).`))}
export type ${callInputsType(command)} = {
${members.join('\n')}
};`,
    );
  }
  return out;
}

export function clientsModule(s: ServicePlan): string {
  const called = calledTargets(s);
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
  const calling = callingCommands(s);
  const defs = Object.fromEntries(
    calling.map(({ command, calls }) => [
      command.name,
      calls.map((c) => ({
        name: clientMethod(c.command),
        service: c.service.name,
        command: c.command.name,
        method: c.command.http!.method,
        path: c.command.http!.path,
        when: c.call.when,
        timeoutMs: c.call.timeoutMs,
        retry: retryLiteral(c.call.retry),
        circuitBreaker: { consecutiveFailures: c.call.circuitBreaker.consecutiveFailures, halfOpenAfterMs: c.call.circuitBreaker.halfOpenAfterMs },
        input: c.call.when === 'before' ? ts`${callInputFunction(c.command, command)}` : undefined,
      })),
    ]),
  );
  const callParts: Part[] = calling.flatMap(({ command, calls }) => [
    ...callTypes(command, calls),
    ...calls.filter((c) => c.call.when === 'before').map((c) => inputFunction(s, command, c)),
  ]);
  if (calling.length > 0) {
    callParts.push(
      ts`${docComment(
        wrap(
          "The model's calls of each command (CallDef): the runtime makes them around the handler, through the clients below, so a handler replacing the default cannot drop them. A failed call refuses the command before anything is written.",
        ),
      )}\n${declare(ts`export const commandCalls: Readonly<Record<string, readonly ${runtimeType('CallDef')}[]>> = `, defs, ';')}`,
    );
  }
  return new TsModule(
    s.runtime,
    wrap(
      `The services ${s.context.name} calls over HTTP${called.length > 0 ? '' : ' (the steps of the sagas it orchestrates)'}: how to reach them (CallTarget)${called.length > 0 ? `${calling.length > 0 ? ',' : ', and'} the typed clients its handlers get as ctx.clients` : ''}${calling.length > 0 ? ', and the calls of each command, which the runtime makes around its handler (CallDef)' : ''}.`,
    ),
  )
    .add(...types)
    .add(...callParts)
    .add(
      ts`${docComment('Each: its URL variable (else the Kubernetes Service), timeout, retries, circuit breaker.')}\n${declare(ts`export const callTargets: readonly ${runtimeType('CallTarget')}[] = `, targets, ';')}`,
    )
    .toString();
}
