/**
 * The user-owned starter tests: `services/<context>/test/<context>.test.ts` (one service
 * in-process) and `tests/platform.test.ts` (the whole platform in one process, a saga's happy
 * path end to end). Both pass as generated, on the generated default handlers.
 */
import type { Command, Context, Event, Field, Model, ReadModel, Saga } from '../../model/valid.js';
import { sampleValue } from '../ts/field-types.js';
import { platformPackage, runtimePackage, serviceDir } from '../names/symbols.js';
import {
  aggregateKey,
  callTargets,
  commandFields,
  commandRoute,
  contextCommands,
  generatesKey,
  outgoingCalls,
  policyMode,
  successEvent,
  type CommandRoute,
} from '../plan/service.js';
import { blocks, code, docComment, Imports, indent, quote, render, RUNTIME, templateText, wrap } from '../ts/code.js';
import { userFile, type GeneratedFile, type GenerateRequest } from '../types.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A valid input of a command: samples for its fields, the key from a variable named after the
 * key field — or no key at all when the runtime assigns it (a command that creates its aggregate).
 */
export function sampleInput(command: Command): Record<string, unknown> {
  const key = aggregateKey(command.aggregate);
  const body: Record<string, unknown> = {};
  for (const f of commandFields(command)) {
    if (f.name === key.name && generatesKey(command)) continue;
    body[f.name] = f.name === key.name && keyIsString(key) ? code(key.name) : sampleValue(f);
  }
  return body;
}

function keyIsString(key: Field): boolean {
  return !key.list && !['int', 'number', 'money', 'boolean', 'enum'].includes(key.type);
}

/** The statement that declares the key variable of a sample input. */
function keyDeclaration(command: Command): string | undefined {
  const key = aggregateKey(command.aggregate);
  return keyIsString(key) && !generatesKey(command) ? `const ${key.name} = randomUUID();` : undefined;
}

/** The expectation on the key a command answered with. */
function keyExpectation(command: Command, actual: string, input: string): string {
  const key = aggregateKey(command.aggregate);
  return generatesKey(command)
    ? `expect(${actual}).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/); // assigned by the runtime`
    : `expect(${actual}).toBe(String(${input}.${key.name}));`;
}

/**
 * The text of a template literal (without its backquotes) of `base` followed by `path`, its
 * `{parameters}` filled by `fill(name)` (an expression).
 */
function urlText(baseExpr: string, path: string, fill: (param: string) => string): string {
  const parts = path.split(/\{([^}]+)\}/);
  return `\${${baseExpr}}${parts.map((part, i) => (i % 2 === 0 ? templateText(part) : `\${${fill(part)}}`)).join('')}`;
}

/** A regular expression literal matching a route path, any value in its parameters. */
function pathPattern(path: string): string {
  const parts = path.split(/\{[^}]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return `/^${parts.join('[^/]+')}$/`;
}

/** fetch(...) of a command route with `body`, sent with the bearer token in `authorization`. */
function requestExpression(baseExpr: string, route: CommandRoute): string {
  const url = urlText(baseExpr, route.path, (param) => `encodeURIComponent(String(body.${param}))`);
  if (BODY_METHODS.has(route.method)) {
    return `await fetch(\`${url}\`, {\n  method: ${quote(route.method)},\n  headers: { authorization, 'content-type': 'application/json' },\n  body: JSON.stringify(body),\n})`;
  }
  const query = 'new URLSearchParams(Object.entries(body).map(([name, value]): [string, string] => [name, String(value)]))';
  return `await fetch(\`${url}?\${${query}}\`, { method: ${quote(route.method)}, headers: { authorization } })`;
}

/**
 * The token options of a caller allowed to run `command`: its actor, as the owner of the sample
 * input when its aggregate has an owner field; a service identity for an internal command.
 */
function callerOptions(command: Command): string {
  if (command.actor === undefined) return `service: 'starter-test'`;
  const owner = command.aggregate.owner?.name;
  const sub = owner !== undefined && commandFields(command).some((f) => f.name === owner) ? `String(body.${owner})` : `'starter-test'`;
  return `actor: ${quote(command.actor)}, sub: ${sub}`;
}

/** The first command of a context reachable over HTTP, preferring routes that take a body. */
function firstHttpCommand(commands: readonly Command[]): Command | undefined {
  const routed = commands.filter((c) => c.http);
  return routed.find((c) => BODY_METHODS.has(c.http!.method)) ?? routed[0];
}

// ---------------------------------------------------------------------------------------------
// services/<context>/test/<context>.test.ts

const readModel0 = (context: Context): ReadModel | undefined => context.readModels[0];

export function serviceTestFile(model: Model, context: Context): GeneratedFile {
  const stubbed = callTargets(model, context).length > 0;
  const imports = new Imports(runtimePackage(model))
    .value('vitest', 'afterAll', 'beforeAll', 'describe', 'expect', 'it')
    .value(RUNTIME, 'createLogger', 'MemoryBus', 'openDatabase', 'startService')
    .type(RUNTIME, 'Db', 'RunningService')
    .value('../src/generated/service.ts', 'service');
  const commands = contextCommands(context);
  const httpCommand = firstHttpCommand(commands);
  const cases: string[] = [
    `it('answers /healthz', async () => {
  const res = await fetch(\`\${running.url}/healthz\`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', service: ${quote(context.name)} });
});`,
  ];
  const expectedTypes = (c: Command) => render(successEvent(c) ? [successEvent(c)!.type] : []);
  if (httpCommand || readModel0(context)) imports.value(RUNTIME, 'devToken');
  if (httpCommand) {
    imports.value('node:crypto', 'randomUUID');
    const route = commandRoute(httpCommand, model)!;
    const calls = outgoingCalls(model, context);
    const checks = [
      'expect(res.status).toBe(200);',
      'const reply = (await res.json()) as { key: string; events: { type: string }[] };',
      keyExpectation(httpCommand, 'reply.key', 'body'),
      `expect(reply.events.map((e) => e.type)).toEqual(${expectedTypes(httpCommand)});`,
    ];
    if (calls.length > 0) {
      checks.push('// The default handler called the services this one depends on (stubbed here).');
      for (const call of calls) {
        const r = call.command.target.http!;
        checks.push(`expect(received.some((r) => r.method === ${quote(r.method)} && ${pathPattern(r.path)}.test(r.url))).toBe(true);`);
      }
    }
    cases.push(
      `it(${quote(`accepts ${httpCommand.name} (${route.method} ${route.path})`)}, async () => {
${indent([keyDeclaration(httpCommand), `const body = ${render(sampleInput(httpCommand), 0, 13)};`].filter((l): l is string => !!l).join('\n'))}
${indent(`// A real bearer token (signed with AUTH_DEV_SECRET, set by vitest.config.ts) of a caller allowed to run it.`)}
${indent(`const authorization = \`Bearer \${await devToken({ ${callerOptions(httpCommand)}, actors: service.actors })}\`;`)}
${indent(`const res = ${requestExpression('running.url', route)};`)}
${indent(checks.join('\n'))}
});`,
    );
  } else if (commands[0]) {
    imports.value('node:crypto', 'randomUUID');
    const command = commands[0];
    cases.push(
      `it(${quote(`executes ${command.name}`)}, async () => {
${indent([keyDeclaration(command), `const input = ${render(sampleInput(command), 0, 14)};`].filter((l): l is string => !!l).join('\n'))}
  const result = await running.runtime.execute(${quote(command.name)}, input);
  ${keyExpectation(command, 'result.key', 'input')}
  expect(result.events.map((e) => e.type)).toEqual(${expectedTypes(command)});
});`,
    );
  }
  const readModel = context.readModels[0];
  if (readModel) {
    imports.value('node:crypto', 'randomUUID');
    const url = urlText('running.url', readModel.http.path, () => 'randomUUID()');
    cases.push(
      `it(${quote(`answers 404 for an unknown ${readModel.name}`)}, async () => {
  // A service identity: it may read every record.
  const authorization = \`Bearer \${await devToken({ service: 'starter-test' })}\`;
  const res = await fetch(\`${url}\`, { headers: { authorization } });
  expect(res.status).toBe(404);
});`,
      `it(${quote(`refuses a lookup without a token (401)`)}, async () => {
  const res = await fetch(\`${url}\`);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/^application\\/problem\\+json/);
});`,
    );
  }
  if (stubbed) {
    imports.value('node:http', 'createServer').type('node:http', 'Server').type('node:net', 'AddressInfo');
  }
  const stubSetup = stubbed
    ? `  stub = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ key: 'stub', state: null, events: [] }));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const stubUrl = \`http://127.0.0.1:\${(stub.address() as AddressInfo).port}\`;
`
    : '';
  const urls = stubbed ? `\n    urls: Object.fromEntries(service.calls.map((call) => [call.service, stubUrl])),` : '';
  const body = blocks(
    docComment(
      wrap(
        `Starter test of the ${context.name} service: it runs in-process on PGlite (PostgreSQL in WebAssembly, in memory) and the in-memory bus, on a free port${stubbed ? ', with a stand-in for each service it calls' : ''}. Yours: msa-gen wrote this file once and never overwrites it; grow it with your business rules.`,
        94,
      ),
    ),
    imports.toString(),
    [
      'let db: Db;',
      'let bus: MemoryBus;',
      'let running: RunningService;',
      ...(stubbed
        ? [
            '/** Requests the stand-in for the called services received. */',
            'const received: Array<{ method: string; url: string; body: unknown }> = [];',
            'let stub: Server;',
          ]
        : []),
    ].join('\n'),
    `beforeAll(async () => {
${stubSetup}  db = await openDatabase();
  bus = new MemoryBus();
  running = await startService(service, {
    env: {},
    db,
    bus,
    logger: createLogger({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',${urls}
  });
});`,
    `afterAll(async () => {
  await running?.stop();
  await bus?.close();
  await db?.close();${stubbed ? '\n  await new Promise<void>((resolve) => (stub ? stub.close(() => resolve()) : resolve()));' : ''}
});`,
    `describe(${quote(`${context.name} service`)}, () => {\n${indent(cases.join('\n\n'))}\n});`,
  );
  return userFile(`${serviceDir(context)}/test/${context.name}.test.ts`, body);
}

// ---------------------------------------------------------------------------------------------
// tests/platform.test.ts

export interface StarterFlow {
  /** The command sent over HTTP. */
  readonly command: Command;
  readonly route: CommandRoute;
  /** The saga it starts, if any. */
  readonly saga: Saga | undefined;
  /** Events the default handlers publish, in order (the saga's happy path as far as it is predictable). */
  readonly events: readonly Event[];
}

/**
 * The flow the platform test drives: the first step of the first saga that starts with a
 * command over HTTP (else the first command with an HTTP route), and the events the default
 * handlers publish for it: its first success event, then — for a choreography — each next step
 * whose policy creates its aggregate from the previous step's event.
 */
export function starterFlow(model: Model): StarterFlow | undefined {
  for (const saga of model.sagas) {
    const first = saga.steps[0]?.command.target;
    if (!first?.http) continue;
    return { command: first, route: commandRoute(first, model)!, saga, events: happyPath(model, saga, first) };
  }
  const command = firstHttpCommand(model.commands);
  if (!command) return undefined;
  const event = successEvent(command);
  return { command, route: commandRoute(command, model)!, saga: undefined, events: event ? [event] : [] };
}

function happyPath(model: Model, saga: Saga, first: Command): Event[] {
  const events: Event[] = [];
  let event = successEvent(first);
  if (!event) return events;
  events.push(event);
  if (saga.coordination !== 'choreography') return events;
  for (const step of saga.steps.slice(1)) {
    const command = step.command.target;
    if (!command) break;
    const previous: Event = event;
    const policy = model.policies.find((p) => p.then.target === command && p.on.target === previous && policyMode(p) === 'creates');
    if (!policy) break;
    event = successEvent(command);
    if (!event) break;
    events.push(event);
  }
  return events;
}

/** The read model the platform test looks up: the first built from an event of the flow. */
function lookedUp(model: Model, flow: StarterFlow): { readModel: ReadModel; event: Event } | undefined {
  for (const readModel of model.readModels) {
    const event = flow.events.find((e) => readModel.from.some((f) => f.target === e));
    if (event) return { readModel, event };
  }
  return undefined;
}

export function platformTestFile(model: Model): GeneratedFile {
  const imports = new Imports(runtimePackage(model))
    .value('vitest', 'afterAll', 'beforeAll', 'describe', 'expect', 'it')
    .value(RUNTIME, 'createLogger', 'MemoryBus', 'openDatabase')
    .type(RUNTIME, 'Db', 'Platform')
    .value(platformPackage(model), 'startPlatform');
  const flow = starterFlow(model);
  const cases: string[] = [
    `it('starts every service', async () => {
  for (const name of ${render(model.contexts.map((c) => c.name), 2, 21)}) {
    const res = await fetch(\`\${platform.service(name).url}/healthz\`);
    expect(res.status, name).toBe(200);
  }
});`,
  ];
  if (flow) {
    imports.value('node:crypto', 'randomUUID');
    const { command, route } = flow;
    const key = aggregateKey(command.aggregate);
    const title = flow.saga
      ? `runs ${flow.saga.name}: ${[command.name, ...flow.events.map((e) => e.name)].join(' → ')}`
      : `accepts ${command.name} (${route.method} ${route.path})`;
    const steps: string[] = [
      keyDeclaration(command) ?? '',
      `const body = ${render(sampleInput(command), 0, 13)};`,
      `const authorization = \`Bearer \${await platform.token({ ${callerOptions(command)} })}\`;`,
      `const res = ${requestExpression(`platform.service(${quote(command.context.name)}).url`, route)};`,
      'expect(res.status).toBe(200);',
      '',
      '// Let every consumer catch up and every outbox publish.',
      'await platform.settle();',
    ].filter((l, i) => i !== 0 || l !== '');
    if (flow.events.length > 0) {
      const expected = flow.events.map((e) => ({ event: e.name, topic: e.topic.name, type: e.type }));
      steps.push(
        '',
        `// Each step published its event once, carrying the flow's correlation id: the ${command.aggregate.name} key${generatesKey(command) ? ' the runtime assigned' : ''}.`,
        generatesKey(command)
          ? 'const { key: correlationId } = (await res.json()) as { key: string };'
          : `const correlationId = String(body.${key.name});`,
        `const recordsOf = (topic: string, type: string) =>\n  bus.records(topic).filter((r) => r.headers['ce_correlationid'] === correlationId && r.headers['ce_type'] === type);`,
        `for (const step of ${render(expected, 0, 18)}) {\n  expect(recordsOf(step.topic, step.type), step.event).toHaveLength(1);\n}`,
      );
      const lookup = lookedUp(model, flow);
      if (lookup) {
        const { readModel, event } = lookup;
        const url = urlText(`platform.service(${quote(readModel.context.name)}).url`, readModel.http.path, () => 'encodeURIComponent(viewKey)');
        const statuses = [...new Set(readModel.status.values())];
        steps.push(
          '',
          `// The read model ${readModel.name} (context ${readModel.context.name}) shows the flow.`,
          `const [record] = recordsOf(${quote(event.topic.name)}, ${quote(event.type)});`,
          `const viewKey = String((JSON.parse(record!.value) as Record<string, unknown>)[${quote(readModel.key.name)}]);`,
          `const reader = \`Bearer \${await platform.token({ service: 'starter-test' })}\`; // a service identity reads every record`,
          `const view = await fetch(\`${url}\`, { headers: { authorization: reader } });`,
          'expect(view.status).toBe(200);',
          'const found = (await view.json()) as Record<string, unknown>;',
          `expect(found[${quote(readModel.key.name)}]).toBe(viewKey);`,
          `expect(${render(statuses, 0, 7)}).toContain(found['status']);`,
        );
      }
    }
    cases.push(`it(${quote(title)}, async () => {\n${indent(steps.join('\n'))}\n});`);
  }
  const body = blocks(
    docComment(
      wrap(
        `End-to-end starter test of the ${model.platform.name} platform: every service in this process (startPlatform), sharing one PGlite database (a schema per service) and one in-memory bus, each on a free port, their synchronous calls wired to each other. Yours: msa-gen wrote this file once and never overwrites it.`,
        94,
      ),
    ),
    imports.toString(),
    'let db: Db;\nlet bus: MemoryBus;\nlet platform: Platform;',
    `beforeAll(async () => {
  db = await openDatabase();
  bus = new MemoryBus();
  platform = await startPlatform({ db, bus, logger: createLogger({ level: 'silent' }) });
});`,
    `afterAll(async () => {
  await platform?.stop();
  await bus?.close();
  await db?.close();
});`,
    `describe(${quote(`${model.platform.name} platform`)}, () => {\n${indent(cases.join('\n\n'))}\n});`,
  );
  return userFile('tests/platform.test.ts', body);
}

/** Every starter test: one per service, and the platform's end-to-end test. */
export function generateStarterTests(request: GenerateRequest): GeneratedFile[] {
  const { model } = request;
  return [...model.contexts.map((context) => serviceTestFile(model, context)), platformTestFile(model)];
}
