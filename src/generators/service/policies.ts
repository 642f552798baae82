/**
 * src/generated/policies.ts of a service (each policy's contract, its settings from the model and
 * working defaults) and the user-owned src/policies/<Policy>.ts that starts as those defaults.
 */
import type { Policy } from '../../model/valid.js';
import { commandTypeName, eventTypeName, policyType, policyVariable, serviceDir } from '../names/symbols.js';
import { aggregateKey, commandFields, policyMode } from '../plan/service.js';
import { policyConsumerGroup } from '../plan/topics.js';
import { article, blocks, docComment, Imports, PRINT_WIDTH, quote, signature, wrap } from '../ts/code.js';
import { placeholder, reader, tsType, type PlaceholderScope } from '../ts/field-types.js';
import { declare, join, laidOut, runtimeType, runtimeValue, ts, TsModule, typeFrom, valueFrom, type Fragment, type Part } from '../ts/module.js';
import { userFile, type GeneratedFile } from '../types.js';
import { pickFields, retryLiteral, returnStatement, urnOf } from './parts.js';
import type { ServicePlan } from './plan.js';

const eventDef = (name: string) => ts`${valueFrom('./events.ts', 'eventDefs')}.${name}`;

interface PolicyParts {
  readonly contract: Fragment;
  readonly setting: Record<string, unknown>;
  readonly defaults: Fragment;
  readonly keyFunction: Fragment;
}

function policyParts(s: ServicePlan, p: Policy): PolicyParts {
  const { model } = s;
  const event = p.on.target;
  const command = p.then.target;
  const eventType = typeFrom('./events.ts', eventTypeName(event));
  const commandType = typeFrom('./commands.ts', commandTypeName(command));
  const cloudEvent = ts`${runtimeType('CloudEvent')}<${eventType}>`;
  const key = aggregateKey(command.aggregate);
  const mode = policyMode(p);
  const skips =
    mode === 'creates'
      ? `The default skips an event whose ${command.aggregate.name} exists already.`
      : `The default skips an event whose ${command.aggregate.name} does not exist.`;
  const guards = p.idempotencyKey ? `Idempotency key: ${p.idempotencyKey.name}.` : '';
  const shouldHandle = signature('shouldHandle', [`event: ${cloudEvent.text}`, 'ctx: PolicyContext'], 'boolean | Promise<boolean>', 2, ';');
  const toCommand = signature('toCommand', [`event: ${cloudEvent.text}`], commandType.text, 2, ';');
  const contract = ts`${docComment(wrap(`Policy ${p.name}: whenever ${event.name} (from ${event.context.name}), then ${command.name}. Yours is in src/policies/${p.name}.ts.`))}
export interface ${policyType(p)} {
${docComment(wrap(`Business check before ${command.name} runs: false skips the event. ${skips} ${guards}`, PRINT_WIDTH - 6), 2)}
  ${laidOut(shouldHandle, cloudEvent, runtimeType('PolicyContext'))}
${docComment(`The ${command.name} input for the event.`, 2)}
  ${laidOut(toCommand, cloudEvent, commandType)}
}`;
  const setting = {
    name: p.name,
    group: policyConsumerGroup(p, model),
    on: eventDef(event.name),
    then: command.name,
    retry: retryLiteral(p.retry),
    dlq: p.dlq,
    idempotencyKey: p.idempotencyKey?.name,
  };
  const scope: PlaceholderScope = { deriveParts: [quote(p.name), 'event.subject'], now: 'event.time', urn: urnOf(model, command.aggregate, 'key') };
  const keyFn = `${policyVariable(p)}Key`;
  // The key falls back to a derived id.
  const fallback: Part = tsType(key) === 'string' ? ts`${runtimeValue('deriveId')}(${quote(p.name)}, event.subject)` : placeholder(key, scope);
  const keyExpr = mode === 'creates' ? ts`${fallback}` : ts`${reader(key, `event.data.${key.name}`)} ?? ${fallback}`;
  const keyFunction = ts`${docComment(
    mode === 'creates'
      ? `The key of the ${command.aggregate.name} ${article(event.name)} creates: derived from the event, so a redelivered event addresses the same ${command.aggregate.name}.`
      : `The key of the ${command.aggregate.name} ${article(event.name)} names.`,
  )}
function ${keyFn}(event: ${cloudEvent}): ${tsType(key)} {
  ${returnStatement(keyExpr, 2)}
}`;
  const keyString = tsType(key) === 'string' ? `${keyFn}(event)` : `String(${keyFn}(event))`;
  const check =
    mode === 'creates'
      ? [
          `// Each ${event.name} creates ${article(command.aggregate.name)}, its key derived from the event: skip an`,
          `// event whose ${command.aggregate.name} exists already (a redelivery or a replay).`,
          `return !(await ctx.exists(${quote(command.aggregate.name)}, ${keyString}));`,
        ]
      : [
          `// ${event.name} names an existing ${command.aggregate.name}: skip it when there is none.`,
          `return ctx.exists(${quote(command.aggregate.name)}, ${keyString});`,
        ];
  const defaults = ts`  ${p.name}: {
    ${mode === 'creates' ? 'async ' : ''}shouldHandle(event, ctx) {
${check.map((line) => `      ${line}`).join('\n')}
    },
    toCommand(event) {
      const source: ${runtimeType('Source')} = event.data;
      const key = ${keyFn}(event);
      return ${pickFields(commandFields(command), 'source', scope, { field: key, expr: 'key' }, 6)};
    },
  },`;
  return { contract, setting, defaults, keyFunction };
}

export function policiesModule(s: ServicePlan): string {
  const parts = s.context.policies.map((p) => ({ policy: p, ...policyParts(s, p) }));
  const settings = Object.fromEntries(parts.map((p) => [p.policy.name, p.setting]));
  const policyTypes = s.context.policies.map((p) => `  readonly ${p.name}: ${policyType(p)};`);
  return new TsModule(s.runtime, wrap(`Policies of the ${s.context.name} service (PolicyDef): their contracts, settings from the model, and working defaults.`))
    .add(...parts.map((p) => p.contract))
    .add(
      ts`${docComment('Settings of each policy from the model.')}\n${declare('export const policySettings = ', settings, ts` satisfies Readonly<Record<string, Omit<${runtimeType('PolicyDef')}, 'shouldHandle' | 'toCommand'>>>;`)}`,
      `export type Policies = {\n${policyTypes.join('\n')}\n};`,
      ts`${docComment(
        wrap(
          "Working defaults: shouldHandle checks the command's aggregate; toCommand picks the command's fields from the event by name (a missing key is derived from the event).",
        ),
      )}\nexport const policyDefaults: Policies = {\n${join(
        parts.map((p) => p.defaults),
        '\n',
      )}\n};`,
      ...parts.map((p) => p.keyFunction),
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
  return userFile(`${serviceDir(s.context)}/src/policies/${p.name}.ts`, body);
}
