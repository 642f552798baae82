/**
 * src/generated/saga.ts of a service: the compensations of its choreography steps
 * (CompensationDef), the sagas it orchestrates (OrchestrationDef), and the mappers from saga data
 * to each command they send.
 */
import { commandTypeName } from '../names/symbols.js';
import { docComment, quote, wrap } from '../ts/code.js';
import { placeholder, reader, tsType, type PlaceholderScope } from '../ts/field-types.js';
import { declare, runtimeType, ts, TsModule, typeFrom, valueFrom, type Fragment, type Part } from '../ts/module.js';
import { objectType, pickFields, retryLiteral, urnOf } from './parts.js';
import { aggregateKey, commandFields, type CommandData, type ServicePlan } from './plan.js';

type Command = CommandData;

const eventDef = (name: string) => ts`${valueFrom('./events.ts', 'eventDefs')}.${name}`;

/** `to<Command>(data, correlationId)`: the command's fields by name from the saga's data. */
function mapper(s: ServicePlan, command: Command, saga: string): Fragment {
  const key = aggregateKey(command.aggregate);
  const scope: PlaceholderScope = {
    deriveParts: [quote(saga), 'correlationId'],
    now: 'new Date().toISOString()',
    urn: urnOf(s.platform.name, command.aggregate, 'key'),
  };
  const keyFallback: Part = tsType(key) === 'string' ? 'correlationId' : placeholder(key, scope);
  const commandType = command.context.name === s.context.name ? typeFrom('./commands.ts', commandTypeName(command)) : commandTypeName(command);
  return ts`${docComment(wrap(`${command.name} from the saga's data by name, the key falling back to the correlation id.`))}
function to${command.name}(data: ${runtimeType('Source')}, correlationId: string): ${commandType} {
  const key = ${reader(key, `data.${key.name}`)} ?? ${keyFallback};
  return ${pickFields(commandFields(command), 'data', scope, { field: key, expr: 'key' }, 2)};
}`;
}

export function sagaModule(s: ServicePlan): string {
  const { context } = s;
  // By name: a command's name is unique in the model.
  const mappers = new Map<string, Fragment>();
  const foreignTypes: string[] = [];
  // Mappers for every command a saga of this service sends: compensations, orchestrated steps.
  const sent: Array<{ command: Command; saga: string }> = s.compensations.map((c) => ({ command: c.command, saga: c.saga.name }));
  for (const o of s.orchestrations) {
    for (const step of o.steps) {
      sent.push({ command: step.command, saga: o.saga.name });
      if (step.compensation) sent.push({ command: step.compensation, saga: o.saga.name });
    }
  }
  for (const { command, saga } of sent) {
    if (mappers.has(command.name)) continue;
    if (command.context.name !== context.name) {
      const route = command.http;
      foreignTypes.push(
        objectType(
          commandTypeName(command),
          commandFields(command),
          wrap(`Input of ${command.name}, a command of ${command.context.name}${route ? ` (${route.method} ${route.path})` : ''}.`),
        ),
      );
    }
    mappers.set(command.name, mapper(s, command, saga));
  }
  const compensationDefs = s.compensations.map((c) => ({
    saga: c.saga.name,
    name: c.name,
    group: c.group,
    command: c.command.name,
    trigger:
      c.trigger.kind === 'dlq'
        ? { kind: 'dlq', topic: c.trigger.topic, failedGroups: [...c.trigger.failedGroups] }
        : { kind: 'event', event: eventDef(c.trigger.event.name) },
    retry: retryLiteral(s.retry),
    toCommand: ts`to${c.command.name}`,
  }));
  const orchestrationDefs = s.orchestrations.map((o) => ({
    saga: o.saga.name,
    group: o.group,
    steps: o.steps.map((step) => ({
      command: step.command.name,
      service: step.command.context.name,
      method: step.route.method,
      path: step.route.path,
      succeededOn: step.succeededOn.map((e) => e.name),
      failedOn: step.failedOn.map((e) => e.name),
      toCommand: ts`to${step.command.name}`,
      compensation:
        step.compensation && step.compensationRoute
          ? {
              command: step.compensation.name,
              service: step.compensation.context.name,
              method: step.compensationRoute.method,
              path: step.compensationRoute.path,
              toCommand: ts`to${step.compensation.name}`,
            }
          : undefined,
    })),
    events: o.events.map((e) => eventDef(e.name)),
    retry: retryLiteral(s.retry),
    // A step with no outcome by then fails the saga (the model's stepTimeout; SAGA_STEP_TIMEOUT_MS overrides it).
    stepTimeoutMs: o.saga.stepTimeoutMs,
  }));
  return new TsModule(
    s.runtime,
    wrap(
      `Sagas in the ${context.name} service: compensations (CompensationDef), orchestrations (OrchestrationDef), and the commands they send from saga data.`,
    ),
  )
    .add(
      compensationDefs.length > 0 && declare(ts`export const compensations: readonly ${runtimeType('CompensationDef')}[] = `, compensationDefs, ';'),
      ...foreignTypes,
      ...mappers.values(),
      orchestrationDefs.length > 0 && declare(ts`export const orchestrations: readonly ${runtimeType('OrchestrationDef')}[] = `, orchestrationDefs, ';'),
    )
    .toString();
}
