/**
 * src/generated/service.ts of a service: the ServiceModule the runtime starts, with its routes
 * (and who may call them: the model's actors, owner and pii fields),
 * its definition (aggregates, events, commands, handlers, policies, projections, sagas) and the
 * personal-data fields its logs mask.
 */
import { aggregateTable, handlersVariable, policyVariable, readModelTable } from '../names/symbols.js';
import { PRINT_WIDTH, quote, wrap } from '../ts/code.js';
import { literal, runtimeType, ts, TsModule, valueFrom, type Fragment } from '../ts/module.js';
import { retryLiteral } from './parts.js';
import { aggregateKey, serviceCommands, type ReadModelData, type ServicePlan } from './plan.js';

/** `{ ...a, ...b }` starting at `column`, one spread a line when it does not fit. */
function spreads(names: readonly Fragment[], column: number): Fragment {
  if (names.length === 0) return ts`{}`;
  const inline = `{ ${names.map((n) => `...${n.text}`).join(', ')} }`;
  const text = column + inline.length + 1 <= PRINT_WIDTH ? inline : `{\n${names.map((n) => `  ...${n.text},`).join('\n')}\n}`;
  return { kind: 'fragment', text, uses: names.flatMap((n) => n.uses) };
}

/** Read models of the service (CQRS): each projects its events into a table or memory. */
function projectionDefs(s: ServicePlan): unknown[] {
  return s.context.readModels.map((r: ReadModelData) => ({
    name: r.name,
    group: r.group,
    from: r.from.map((name) => ts`${valueFrom('./events.ts', 'eventDefs')}.${name}`),
    key: r.key,
    store: r.store,
    table: readModelTable(r.name),
    status: Object.fromEntries(r.status),
    fields: [...r.fields],
    retry: retryLiteral(s.retry),
  }));
}

/**
 * What the runtime needs to run the service. The handlers and policies are the user's own objects
 * (src/domain, src/policies): the runtime calls them directly, with no wrapper in between.
 */
export function serviceModule(s: ServicePlan): string {
  const { platform, context } = s;
  const withHandlers = context.aggregates.filter((a) => a.commands.length > 0);
  const routes = s.routes.map((r) => {
    const access = Object.keys(r.access).length > 0 ? { access: r.access } : {};
    return r.kind === 'command'
      ? { kind: 'command', method: r.method, path: r.path, command: r.name, ...access }
      : { kind: 'lookup', path: r.path, readModel: r.name, ...access };
  });
  const actors = s.actors.map((a) => ({ name: a.name, role: a.role, pii: a.pii, records: a.records, operator: a.operator }));
  const hasCalls = context.aggregates.some((a) => a.commands.some((c) => c.calls.length > 0));
  const definition = {
    platform: platform.name,
    name: context.name,
    source: `/${platform.name}/${context.name}`,
    schema: context.schema,
    aggregates: context.aggregates.map((a) => ({ name: a.name, table: aggregateTable(a), key: aggregateKey(a).name })),
    events: s.events.length > 0 ? valueFrom('./events.ts', 'eventDefs') : ts`{}`,
    commands: serviceCommands(s).length > 0 ? valueFrom('./commands.ts', 'commandDefs') : ts`{}`,
    handlers: spreads(
      withHandlers.map((a) => valueFrom(`../domain/${a.name}.ts`, handlersVariable(a))),
      4 + 'handlers: '.length,
    ),
    // Settings last: what the model says about a policy is not overridden by its implementation.
    policies: context.policies.map((p) =>
      spreads([valueFrom(`../policies/${p.name}.ts`, policyVariable(p)), ts`${valueFrom('./policies.ts', 'policySettings')}.${p.name}`], 6),
    ),
    projections: projectionDefs(s),
    compensations: s.compensations.length > 0 ? valueFrom('./saga.ts', 'compensations') : [],
    orchestrations: s.orchestrations.length > 0 ? valueFrom('./saga.ts', 'orchestrations') : [],
    pii: s.pii,
    calls: hasCalls ? valueFrom('./clients.ts', 'commandCalls') : undefined,
  };
  const runs =
    withHandlers.length + context.policies.length > 0
      ? ` It calls the ${withHandlers.length > 0 ? 'handlers (src/domain)' : ''}${withHandlers.length > 0 && context.policies.length > 0 ? ' and ' : ''}${context.policies.length > 0 ? 'policies (src/policies)' : ''} directly.`
      : '';
  return new TsModule(s.runtime, [
    ...wrap(
      `The ${context.name} service (${context.title}) of the ${platform.name} platform, as the runtime runs it.${runs}`,
    ),
    ...(context.description ? wrap(context.description) : []),
  ])
    .add(
      ts`export const service: ${runtimeType('ServiceModule')} = {
  name: ${quote(context.name)},
  platform: ${quote(platform.name)},
  defaultPort: ${String(context.port)},
  calls: ${s.targets.length > 0 ? valueFrom('./clients.ts', 'callTargets') : '[]'},
  routes: ${literal(routes, 2, 10)},
  actors: ${literal(actors, 2, 10)},
  define: (): ${runtimeType('ServiceDefinition')} => (${literal(definition, 2, 35)}),
};`,
    )
    .toString();
}
