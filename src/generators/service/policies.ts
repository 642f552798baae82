/**
 * src/generated/policies.ts of a service (each policy's contract, its settings from the model and
 * working defaults) and the user-owned src/policies/<Policy>.ts that starts as those defaults.
 */
import { commandTypeName, eventTypeName, policyType, policyVariable } from '../names/symbols.js';
import { article, blocks, docComment, fit, Imports, quote, wrap } from '../ts/code.js';
import { placeholder, reader, readerOf, tsType, type PlaceholderScope } from '../ts/field-types.js';
import { declare, join, laidOut, runtimeType, runtimeValue, ts, TsModule, typeFrom, valueFrom, type Fragment, type Part } from '../ts/module.js';
import { userFile, type GeneratedFile } from '../types.js';
import { isKeyField, pickFields, retryLiteral, returnStatement, urnOf } from './parts.js';
import { aggregateKey, commandFields, type PolicyData, type ServicePlan } from './plan.js';

type Policy = PolicyData;
const policyMode = (p: Policy) => p.mode;

const eventDef = (name: string) => ts`${valueFrom('./events.ts', 'eventDefs')}.${name}`;

interface PolicyParts {
  readonly contract: Fragment;
  readonly setting: Record<string, unknown>;
  readonly defaults: Fragment;
  readonly key: Fragment;
}

/**
 * How a policy's default finds its aggregate's key: the event's field (read by its type), else
 * derived from the event (the runtime's policyKey); a key of another type than a string gets a
 * function of its own with a typed placeholder.
 */
function keyFunction(s: ServicePlan, p: Policy, name: string, cloudEvent: Fragment): Fragment {
  const command = p.then;
  const key = aggregateKey(command.aggregate);
  const addresses = policyMode(p) === 'addresses';
  const read = readerOf(key);
  if (tsType(key) === 'string' && !key.list && read) {
    const args: Part[] = [quote(p.name)];
    if (addresses) args.push(quote(key.name));
    if (addresses && key.type !== 'uuid') args.push(read);
    const call = ts`${runtimeValue('policyKey')}(${join(args, ', ')});`;
    return laidOut(fit(`const ${name} =`, call.text, 0), call);
  }
  const scope: PlaceholderScope = { deriveParts: [quote(p.name), 'event.subject'], now: 'event.time', urn: urnOf(s.platform.name, command.aggregate, 'key') };
  const fallback = placeholder(key, scope);
  const keyExpr = addresses ? ts`${reader(key, `event.data.${key.name}`)} ?? ${fallback}` : fallback;
  return ts`function ${name}(event: ${cloudEvent}): ${tsType(key)} {
  ${returnStatement(keyExpr, 2)}
}`;
}

function policyParts(s: ServicePlan, p: Policy): PolicyParts {
  const event = p.on;
  const command = p.then;
  const eventType = typeFrom('./events.ts', eventTypeName(event));
  const key = aggregateKey(command.aggregate);
  const mode = policyMode(p);
  const skips = mode === 'creates' ? 'exists already' : 'does not exist';
  const contract = ts`${docComment(
    wrap(
      `Policy ${p.name}: whenever ${event.name} (from ${event.context.name}), then ${command.name}; the default skips an event whose ${command.aggregate.name} ${skips}. Yours is in src/policies/.`,
    ),
  )}
${laidOut(
  fit(`export type ${policyType(p)} =`, `PolicyHandlers<${eventType.text}, ${commandTypeName(command)}>;`, 0),
  runtimeType('PolicyHandlers'),
  eventType,
  typeFrom('./commands.ts', commandTypeName(command)),
)}`;
  const setting = {
    name: p.name,
    group: p.group,
    on: eventDef(event.name),
    then: command.name,
    retry: retryLiteral(p.retry),
    dlq: p.dlq,
    idempotencyKey: p.idempotencyKey,
  };
  const scope: PlaceholderScope = { deriveParts: [quote(p.name), 'event.subject'], now: 'event.time', urn: urnOf(s.platform.name, command.aggregate, 'key') };
  const keyFn = `${policyVariable(p)}Key`;
  const keyString = tsType(key) === 'string' ? `${keyFn}(event)` : `String(${keyFn}(event))`;
  const check =
    mode === 'creates'
      ? [
          `// Each ${event.name} creates ${article(command.aggregate.name)}, its key derived from the event: skip an`,
          `// event whose ${command.aggregate.name} exists already (a redelivery or a replay).`,
          `return !(await ctx.exists(${quote(command.aggregate.name)}, ${keyString}));`,
        ]
      : [
          // The contract's doc says it: the default skips an event whose aggregate does not exist.
          `return ctx.exists(${quote(command.aggregate.name)}, ${keyString});`,
        ];
  const fields = commandFields(command);
  // The event's data by name, untyped: the command's fields need not be the event's.
  const source = fields.some((f) => !isKeyField(f, key)) ? ts`\n      const source: ${runtimeType('Source')} = event.data;` : '';
  const defaults = ts`  ${p.name}: {
    ${mode === 'creates' ? 'async ' : ''}shouldHandle(event, ctx) {
${check.map((line) => `      ${line}`).join('\n')}
    },
    toCommand(event) {${source}
      const key = ${keyFn}(event);
      return ${pickFields(fields, 'source', scope, { field: key, expr: 'key' }, 6)};
    },
  },`;
  const cloudEvent = ts`${runtimeType('CloudEvent')}<${eventType}>`;
  return { contract, setting, defaults, key: keyFunction(s, p, keyFn, cloudEvent) };
}

export function policiesModule(s: ServicePlan): string {
  const parts = s.context.policies.map((p) => ({ policy: p, ...policyParts(s, p) }));
  const settings = Object.fromEntries(parts.map((p) => [p.policy.name, p.setting]));
  const policyTypes = s.context.policies.map((p) => `  readonly ${p.name}: ${policyType(p)};`);
  return new TsModule(s.runtime, wrap(`Policies of the ${s.context.name} service: contracts, settings from the model, working defaults.`))
    .add(...parts.map((p) => p.contract))
    .add(
      declare('export const policySettings = ', settings, ts` satisfies Readonly<Record<string, Omit<${runtimeType('PolicyDef')}, 'shouldHandle' | 'toCommand'>>>;`),
      `export type Policies = {\n${policyTypes.join('\n')}\n};`,
      ts`// Each policy's aggregate key: the event's, else derived from the event.\n${join(
        parts.map((p) => p.key),
        '\n',
      )}`,
      ts`${docComment(
        wrap("Working defaults: shouldHandle checks the command's aggregate; toCommand picks the command's fields from the event by name."),
      )}\nexport const policyDefaults: Policies = {\n${join(
        parts.map((p) => p.defaults),
        '\n',
      )}\n};`,
    )
    .toString();
}

/**
 * The user-owned implementation of a policy: it hands both steps to the generated defaults (the
 * runtime calls them directly); what the policy does and what the defaults do is on the generated
 * interface, which follows the model.
 */
export function policyFile(s: ServicePlan, p: Policy): GeneratedFile {
  const body = blocks(
    docComment(
      wrap(
        `Policy ${p.name}: your business check and command mapping. msa-gen wrote this file once and never overwrites it. When it runs, what it issues and what the defaults do: ${policyType(p)} in src/generated/policies.ts, which follows the model. To change a step, replace its delegation with a function.`,
        94,
      ),
    ),
    new Imports().value('../generated/policies.ts', 'policyDefaults').type('../generated/policies.ts', policyType(p)).toString(),
    `const defaults = policyDefaults.${p.name};`,
    `export const ${policyVariable(p)}: ${policyType(p)} = {
  shouldHandle: defaults.shouldHandle,
  toCommand: defaults.toCommand,
};`,
  );
  return userFile(`${s.context.dir}/src/policies/${p.name}.ts`, body);
}
