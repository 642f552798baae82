/**
 * `msa-gen export openapi --context <name>`: the HTTP contract of one bounded context's service
 * as an OpenAPI 3.1 document. Pure: a ValidModel and a context in, a plain object out.
 *
 * The routes are the service's own route list (src/generators/service/plan.ts: each command
 * route, the internal `/commands/...` routes of orchestrated steps, each read model's lookup),
 * so the document describes what the generated server registers. Request schemas are the
 * command input schemas the service validates against (json-schema.ts), split the way the
 * server reads them: path parameters from the path, the rest from the JSON body (the query for
 * GET and DELETE). Replies and errors have the shapes templates/runtime/src/server.ts sends.
 * Every command and lookup needs a bearer JWT; who may call it is `x-actor` (openapi-access.ts).
 */
import type { Command, Context, Field, Model, ReadModel } from '../model/valid.js';
import { pathParams } from '../model/routes.js';
import { callsMadeBy } from '../generators/plan/service.js';
import { serviceRoutes } from '../generators/service/plan.js';
import { CONTRACT_VERSION } from './asyncapi.js';
import { bodyFields, commandInputFields, fieldsSchema, singleFieldSchema } from './json-schema.js';
import {
  BEARER_REQUIREMENT,
  commandActor,
  commandForbidden,
  LOOKUP_FORBIDDEN,
  lookupActor,
  PROBLEM_SCHEMA,
  refusals,
  SECURITY_SCHEMES,
} from './openapi-access.js';

type Doc = Record<string, unknown>;

/**
 * Media type of error replies: the runtime answers errors as JSON objects `{ error, message, … }`
 * (server.ts); refusals (401, 403) are problem details (openapi-access.ts).
 */
export const ERROR_MEDIA_TYPE = 'application/json';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** Schema names from the model carry a dot, so they never meet the shared ones (CommandReply, Error). */
const requestSchemaName = (command: Command) => `${command.name}.request`;
const entrySchemaName = (readModel: ReadModel) => `${readModel.name}.entry`;
const errorReply = (description: string) => ({ description, content: { [ERROR_MEDIA_TYPE]: { schema: ref('Error') } } });

const SHARED_SCHEMAS: Doc = {
  CommandReply: {
    type: 'object',
    description: 'What a command route answers: the aggregate key, its new state and the events the command emitted.',
    required: ['key', 'state', 'events'],
    properties: {
      key: { type: 'string' },
      state: { type: ['object', 'null'] },
      events: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'type'],
          properties: { id: { type: 'string', format: 'uuid' }, type: { type: 'string', description: 'CloudEvents type.' } },
        },
      },
    },
  },
  Error: {
    type: 'object',
    description: 'An error reply of the service.',
    required: ['error', 'message'],
    properties: {
      error: { type: 'string', enum: ['command-rejected', 'not-found', 'dependency-unavailable', 'dependency-rejected'] },
      message: { type: 'string' },
      service: { type: 'string', description: 'dependency-unavailable: the called service.' },
      reason: { type: 'string', description: 'dependency-unavailable: timeout, circuit open, unreachable…' },
      detail: { description: 'dependency-rejected: what the called service answered.' },
    },
  },
};

const HEADER_PARAMETERS = [
  {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'A retried request with the same key runs the command once.',
    schema: { type: 'string' },
  },
  {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description: 'The flow this command belongs to (the events carry it as ce_correlationid).',
    schema: { type: 'string' },
  },
];

function pathParameters(path: string, fields: readonly Field[]): Doc[] {
  return pathParams(path).map((name) => {
    const field = fields.find((f) => f.name === name);
    const schema = field ? singleFieldSchema(field) : { type: 'string' };
    return { name, in: 'path', required: true, schema };
  });
}

function commandOperation(model: Model, command: Command, method: string, path: string, internal: boolean): Doc {
  const fields = commandInputFields(command);
  const params = pathParameters(path, fields);
  const rest = bodyFields(
    command,
    params.map((p) => p['name'] as string),
  );
  const hasBody = method !== 'GET' && method !== 'DELETE';
  const query = hasBody
    ? []
    : rest.map((f) => ({ name: f.name, in: 'query', required: !f.optional, schema: singleFieldSchema(f) }));
  const calls = callsMadeBy(model, command).length > 0;
  const emits = command.emits.map((e) => e.name).join(', ');
  const description = [
    command.description,
    emits ? `Emits ${emits}.` : undefined,
    internal ? 'Internal route: the saga orchestrator sends this step over HTTP.' : undefined,
    command.actor === undefined
      ? 'Service-only: a command without an actor; only services of the platform may call it.'
      : `Actor: ${command.actor}.`,
  ].filter((s): s is string => s !== undefined);
  return {
    operationId: command.name,
    summary: `${command.name} (${command.aggregate.name})`,
    ...(description.length > 0 ? { description: description.join('\n\n') } : {}),
    tags: [command.aggregate.name],
    parameters: [...params, ...query, ...HEADER_PARAMETERS],
    security: BEARER_REQUIREMENT,
    ...(hasBody
      ? {
          requestBody: {
            required: rest.some((f) => !f.optional),
            content: { 'application/json': { schema: ref(requestSchemaName(command)) } },
          },
        }
      : {}),
    responses: {
      '200': { description: 'The command ran.', content: { 'application/json': { schema: ref('CommandReply') } } },
      '400': errorReply('The input does not match the command\u2019s schema, or a business rule rejected the command.'),
      ...refusals(commandForbidden(command, command.aggregate.owner?.name)),
      ...(command.aggregate.owner && command.actor !== undefined
        ? { '404': errorReply('The aggregate is another owner\u2019s: a caller limited to its own records acts on its own only.') }
        : {}),
      '422': errorReply('The default handler has no value for a required event field: the command needs business logic.'),
      ...(calls
        ? {
            '502': errorReply('A service this command calls rejected the call.'),
            '503': errorReply('A service this command calls is unavailable (timeout, open circuit).'),
          }
        : {}),
    },
    'x-actor': commandActor(model, command),
    ...(internal ? { 'x-internal': true } : {}),
  };
}

function lookupOperation(model: Model, readModel: ReadModel, path: string): Doc {
  const notFound = readModel.owner
    ? `No ${readModel.name} entry has this key, or it is another owner\u2019s (a caller limited to its own records).`
    : `No ${readModel.name} entry has this key.`;
  return {
    operationId: `get${readModel.name}`,
    summary: `Look up ${readModel.name} by ${readModel.key.name}`,
    ...(readModel.description ? { description: readModel.description } : {}),
    tags: ['read models'],
    parameters: pathParameters(path, readModel.fields),
    security: BEARER_REQUIREMENT,
    responses: {
      '200': { description: `The ${readModel.name} entry.`, content: { 'application/json': { schema: ref(entrySchemaName(readModel)) } } },
      ...refusals(LOOKUP_FORBIDDEN),
      '404': errorReply(notFound),
    },
    'x-actor': lookupActor(model),
  };
}

/**
 * A read model's entry as the lookup answers it (service.ts lookup): its fields (only the key
 * sure to be there) and the projection's bookkeeping, `status` (which takes the place of a field
 * of that name), `lastEvent` and `updatedAt`.
 */
function readModelSchema(readModel: ReadModel): Doc {
  const fields = readModel.fields.map((f) => (f.name === readModel.key.name ? f : { ...f, optional: true }));
  const schema = fieldsSchema(readModel.name, readModel.description, fields);
  const events = [...new Set(readModel.from.map((f) => f.name))];
  const statuses = [...new Set(readModel.from.map((f) => readModel.status.get(f.name) ?? f.name))];
  return {
    ...schema,
    properties: {
      ...(schema['properties'] as Doc),
      status: { type: 'string', enum: statuses, description: 'Set by the last event applied.' },
      lastEvent: { type: 'string', enum: events, description: 'Name of the last event applied.' },
      updatedAt: { type: 'string', format: 'date-time', description: 'The CloudEvents time of the last event applied.' },
    },
    required: [readModel.key.name, 'status', 'lastEvent', 'updatedAt'],
    additionalProperties: false,
  };
}

/** The OpenAPI 3.1 document of one context's HTTP routes. */
export function openApiDocument(model: Model, context: Context): Doc {
  const commands = new Map(context.aggregates.flatMap((a) => a.commands).map((c) => [c.name, c]));
  const readModels = new Map(context.readModels.map((r) => [r.name, r]));
  const paths: Record<string, Doc> = {};
  const schemas: Doc = {};
  for (const route of serviceRoutes(model, context)) {
    const method = route.method.toLowerCase();
    const item = (paths[route.path] ??= {});
    if (route.kind === 'lookup') {
      const readModel = readModels.get(route.name)!;
      item[method] = lookupOperation(model, readModel, route.path);
      schemas[entrySchemaName(readModel)] = readModelSchema(readModel);
      continue;
    }
    const command = commands.get(route.name)!;
    const internal = !command.http;
    item[method] = commandOperation(model, command, route.method, route.path, internal);
    const params = pathParams(route.path);
    if (route.method !== 'GET' && route.method !== 'DELETE') {
      schemas[requestSchemaName(command)] = fieldsSchema(command.name, command.description, bodyFields(command, params));
    }
  }
  const description = context.description;
  const tags = [
    ...context.aggregates.filter((a) => a.commands.length > 0).map((a) => ({ name: a.name, ...(a.description ? { description: a.description } : {}) })),
    ...(context.readModels.length > 0 ? [{ name: 'read models', description: 'Lookups of read models built from events.' }] : []),
  ];
  return {
    openapi: '3.1.0',
    info: {
      title: `${model.platform.title}: ${context.title}`,
      version: CONTRACT_VERSION,
      ...(description ? { description } : {}),
      'x-generated-by': 'msa-gen export openapi',
    },
    servers: [{ url: `http://${context.name}:${context.port}`, description: 'The service inside the cluster (its Kubernetes Service).' }],
    tags,
    paths,
    components: { schemas: { ...schemas, ...SHARED_SCHEMAS, Problem: PROBLEM_SCHEMA }, securitySchemes: SECURITY_SCHEMES },
  };
}
