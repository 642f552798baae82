/**
 * Names generated code gives to model elements, in one place so that every module (and the
 * starter tests) agree: npm package names, variables of user-owned implementations, typed
 * client members.
 */
import { camelCase, snakeCase } from '../../model/case.js';
import { commandTypeName as commandType, eventTypeName as eventType } from '../../model/generated-names.js';
import type { Model } from '../../model/valid.js';

/** A named model element (an aggregate, command, context or policy, or a plain copy of one). */
type Named = { readonly name: string };

/** `@<platform>/<name>`: the npm name of a workspace package. */
export function packageName(model: Model, name: string): string {
  return `@${model.platform.name}/${name}`;
}

export function runtimePackage(model: Model): string {
  return packageName(model, 'runtime');
}

export function platformPackage(model: Model): string {
  return packageName(model, 'platform');
}

export function servicePackage(model: Model, context: Named): string {
  return packageName(model, context.name);
}

/** `services/<context>`. */
export function serviceDir(context: Named): string {
  return `services/${context.name}`;
}

/** The user-owned handlers object of an aggregate: `applicationHandlers`. */
export function handlersVariable(aggregate: Named): string {
  return `${camelCase(aggregate.name)}Handlers`;
}

/** The generated interface of those handlers: `ApplicationHandlers`. */
export function handlersType(aggregate: Named): string {
  return `${aggregate.name}Handlers`;
}

/** The generated default handlers: `applicationDefaults`. */
export function defaultsVariable(aggregate: Named): string {
  return `${camelCase(aggregate.name)}Defaults`;
}

export function stateType(aggregate: Named): string {
  return `${aggregate.name}State`;
}

/** The function building an aggregate's state from untyped data: `applicationState`. */
export function stateFunction(aggregate: Named): string {
  return `${camelCase(aggregate.name)}State`;
}

/** The user-owned implementation of a policy: `issuePermitWhenApplicationSubmitted`. */
export function policyVariable(policy: Named): string {
  return camelCase(policy.name);
}

/** The generated interface a policy implementation satisfies. */
export function policyType(policy: Named): string {
  return `${policy.name}Policy`;
}

/** The member of the typed clients for a called service: `carGuidance`. */
export function clientMember(context: Named): string {
  return camelCase(context.name);
}

/** The typed client method of a called command: `recordIssuanceResult`. */
export function clientMethod(command: Named): string {
  return camelCase(command.name);
}

/** The replies of a command's `before` calls, its handler's ctx.calls: `SubmitGeneralApplicationCalls`. */
export function callRepliesType(command: Named): string {
  return `${command.name}Calls`;
}

/** The inputs of a command's `after` calls, its decision's `calls`: `IssueInstantCertificateCallInputs`. */
export function callInputsType(command: Named): string {
  return `${command.name}CallInputs`;
}

/** The function building a `before` call's input: `toCheckRequirementsForSubmitGeneralApplication`. */
export function callInputFunction(called: Named, calling: Named): string {
  return `to${called.name}For${calling.name}`;
}

/** The module of a service imported by the platform package: `applicationService`. */
export function serviceVariable(context: Named): string {
  return `${camelCase(context.name)}Service`;
}

/** The TypeScript type of an event's data: its name, unless that name is taken (then `<Name>Event`). */
export function eventTypeName(event: { readonly name: string }): string {
  return eventType(event.name);
}

/** The TypeScript type of a command's input: its name, unless that name is taken (then `<Name>Command`). */
export function commandTypeName(command: { readonly name: string }): string {
  return commandType(command.name);
}

/** The aggregate's table. */
export function aggregateTable(aggregate: Named): string {
  return snakeCase(aggregate.name);
}

/** A read model's table (`rm_` keeps it apart from the aggregates' tables). */
export function readModelTable(name: string): string {
  return `rm_${snakeCase(name)}`;
}
