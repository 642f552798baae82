/**
 * Names generated code gives to model elements, in one place so that every module (and the
 * starter tests) agree: npm package names, variables of user-owned implementations, typed
 * client members.
 */
import { camelCase, snakeCase } from '../../model/case.js';
import type { Aggregate, Command, Context, Model, Policy } from '../../model/valid.js';

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

export function servicePackage(model: Model, context: Context): string {
  return packageName(model, context.name);
}

/** `services/<context>`. */
export function serviceDir(context: Context): string {
  return `services/${context.name}`;
}

/** The user-owned handlers object of an aggregate: `applicationHandlers`. */
export function handlersVariable(aggregate: Aggregate): string {
  return `${camelCase(aggregate.name)}Handlers`;
}

/** The generated interface of those handlers: `ApplicationHandlers`. */
export function handlersType(aggregate: Aggregate): string {
  return `${aggregate.name}Handlers`;
}

/** The generated default handlers: `applicationDefaults`. */
export function defaultsVariable(aggregate: Aggregate): string {
  return `${camelCase(aggregate.name)}Defaults`;
}

export function stateType(aggregate: Aggregate): string {
  return `${aggregate.name}State`;
}

/** The function building an aggregate's state from untyped data: `applicationState`. */
export function stateFunction(aggregate: Aggregate): string {
  return `${camelCase(aggregate.name)}State`;
}

/** The user-owned implementation of a policy: `issuePermitWhenApplicationSubmitted`. */
export function policyVariable(policy: Policy): string {
  return camelCase(policy.name);
}

/** The generated interface a policy implementation satisfies. */
export function policyType(policy: Policy): string {
  return `${policy.name}Policy`;
}

/** The member of the typed clients for a called service: `carGuidance`. */
export function clientMember(context: Context): string {
  return camelCase(context.name);
}

/** The typed client method of a called command: `recordIssuanceResult`. */
export function clientMethod(command: Command): string {
  return camelCase(command.name);
}

/** The module of a service imported by the platform package: `applicationService`. */
export function serviceVariable(context: Context): string {
  return `${camelCase(context.name)}Service`;
}

/**
 * Type names generated modules use besides the model's: the runtime's (Source, Emit, Outcome,
 * HandlerContext…), the generated code's own (Clients, Policies…), and the TypeScript and
 * JavaScript globals they rely on (the validator already refuses a model name that shadows one:
 * MSA106). A command or event
 * named like one of them gets a suffix instead of shadowing it. Browser names (Request,
 * Response, Event, Document, Notification) stay as they are: generated code never uses them.
 */
const TAKEN_TYPE_NAMES = new Set([
  'Array', 'Boolean', 'CallTarget', 'Clients', 'CloudEvent', 'CommandContext', 'CommandDef', 'CommandReply',
  'CompensationDef', 'Date', 'Decided', 'Emit', 'Error', 'EventDef', 'HandlerContext', 'Map', 'Number', 'Object',
  'Omit', 'OrchestrationDef', 'Outcome', 'Partial', 'Policies', 'PolicyContext', 'PolicyDef', 'ProjectionDef',
  'Promise', 'Readonly', 'Record', 'Route', 'ServiceClient', 'ServiceDefinition', 'ServiceModule', 'Set', 'Source',
  'String',
]);

/** The TypeScript type of an event's data: its name, unless that name is taken (then `<Name>Event`). */
export function eventTypeName(event: { readonly name: string }): string {
  return TAKEN_TYPE_NAMES.has(event.name) ? `${event.name}Event` : event.name;
}

/** The TypeScript type of a command's input: its name, unless that name is taken (then `<Name>Command`). */
export function commandTypeName(command: { readonly name: string }): string {
  return TAKEN_TYPE_NAMES.has(command.name) ? `${command.name}Command` : command.name;
}

/** The aggregate's table. */
export function aggregateTable(aggregate: Aggregate): string {
  return snakeCase(aggregate.name);
}

/** A read model's table (`rm_` keeps it apart from the aggregates' tables). */
export function readModelTable(name: string): string {
  return `rm_${snakeCase(name)}`;
}
