/**
 * The identifiers generated TypeScript declares, as the validator needs to know them: which
 * names each generated module of a service uses itself, and which it derives from model names.
 * The generators (src/generators/names/, service/, platform/, tests/) write these modules and take
 * the type names below from here; test/generated-names.test.ts checks that the two agree.
 */

/**
 * Type names the generated modules use besides the model's: the runtime's (Source, Emit, Outcome,
 * HandlerContext, PolicyHandlers…), the generated code's own (Clients, Policies…), and the
 * TypeScript and JavaScript globals they rely on (a model name that shadows one is refused:
 * MSA106). A command or event named like one gets a suffix instead (`EmitCommand`). Browser names
 * (Request, Response, Event, Document, Notification) stay as they are: generated code never uses
 * them.
 */
export const TAKEN_TYPE_NAMES: ReadonlySet<string> = new Set([
  'Array', 'Boolean', 'CallTarget', 'Clients', 'CloudEvent', 'CommandContext', 'CommandDef', 'CommandReply',
  'CompensationDef', 'Date', 'Decided', 'Emit', 'Error', 'EventDef', 'HandlerContext', 'Map', 'Number', 'Object',
  'Omit', 'OrchestrationDef', 'Outcome', 'Partial', 'Policies', 'PolicyContext', 'PolicyDef', 'PolicyHandlers', 'ProjectionDef',
  'Promise', 'Readonly', 'Record', 'Route', 'ServiceClient', 'ServiceDefinition', 'ServiceModule', 'Set', 'Source',
  'String',
]);

/** The TypeScript type of an event's data: its name, or `<Name>Event` when the name is taken. */
export function eventTypeName(name: string): string {
  return TAKEN_TYPE_NAMES.has(name) ? `${name}Event` : name;
}

/** The TypeScript type of a command's input: its name, or `<Name>Command` when the name is taken. */
export function commandTypeName(name: string): string {
  return TAKEN_TYPE_NAMES.has(name) ? `${name}Command` : name;
}

/** The runtime's field readers, imported by the modules that pick fields. */
const READERS = ['asBoolean', 'asDate', 'asDateTime', 'asEmail', 'asEnum', 'asInt', 'asNumber', 'asString', 'asUrl', 'asUuid', 'listOf'];

/** The modules of a service's src/generated/ that hold names derived from the model, and the names each declares or imports of its own. */
export const SERVICE_MODULE_NAMES = {
  'events.ts': ['EventDef', 'dlqTopics', 'topics', 'eventDefs'],
  'commands.ts': ['CommandDef', 'commandDefs'],
  'handlers.ts': ['CommandContext', 'Clients', 'deriveId', 'Source', ...READERS, 'Emit', 'Decided', 'Outcome', 'HandlerContext', 'handlerContext'],
  'policies.ts': ['CloudEvent', 'PolicyContext', 'PolicyDef', 'PolicyHandlers', 'eventDefs', 'deriveId', 'policyKey', 'Source', ...READERS, 'policySettings', 'Policies', 'policyDefaults'],
  'saga.ts': ['CompensationDef', 'OrchestrationDef', 'eventDefs', 'deriveId', 'Source', ...READERS, 'compensations', 'orchestrations'],
  'clients.ts': [
    'CallTarget', 'ServiceClient', 'fillPath', 'CommandReply', 'callTargets', 'Clients', 'createClients', 'send', 'CallDef', 'CallInputContext',
    'Source', 'deriveId', ...READERS, 'commandCalls',
  ],
  'service.ts': [
    'ServiceDefinition', 'ServiceModule', 'callTargets', 'commandDefs', 'eventDefs', 'projections', 'routes', 'compensations',
    'orchestrations', 'handlerContext', 'createClients', 'policySettings', 'service', 'commandCalls',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Names a policy's user-owned implementation, src/policies/<Policy>.ts, uses itself. */
export const POLICY_FILE_NAMES = ['policyDefaults', 'defaults'] as const;

/**
 * Variables of the generated starter tests (services/<context>/test/<context>.test.ts and
 * tests/platform.test.ts) in the blocks that declare a key variable named after an aggregate's
 * key field (`const applicationId = randomUUID();`): a key field of one of these names would
 * redeclare or shadow it.
 */
export const STARTER_TEST_NAMES: ReadonlySet<string> = new Set([
  'body', 'bus', 'correlationId', 'encodeURIComponent', 'expect', 'fetch', 'found', 'input', 'platform', 'randomUUID',
  'received', 'record', 'recordsOf', 'reply', 'res', 'result', 'running', 'step', 'view', 'viewKey',
]);

/** Workspace packages of every platform besides the services: `@<platform>/runtime` and `@<platform>/platform`. */
export const PLATFORM_PACKAGES: ReadonlySet<string> = new Set(['runtime', 'platform']);
