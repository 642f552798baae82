import { camelCase, constantCase } from '../case.js';
import {
  commandTypeName,
  eventTypeName,
  PLATFORM_PACKAGES,
  POLICY_FILE_NAMES,
  SERVICE_MODULE_NAMES,
  STARTER_TEST_NAMES,
} from '../generated-names.js';
import type { Command, Context, Event, Model } from '../ir.js';
import { callingCommands } from '../graph.js';
import { joinPointer } from '../pointer.js';
import { orchestratorOf } from '../sagas.js';
import { defineRule, type FindingOf, type Messages } from './rule.js';

const messages = {
  packageClash: {
    text: 'Context "{{context}}" becomes the npm package @{{platform}}/{{context}}, the name of the generated {{context}} package',
    hint: 'Name the context for its domain, e.g. "{{platform}}-{{context}}" or "{{context}}-service".',
  },
  /** `words`: the camelCase words of both names; `constant`: their CONSTANT_CASE. */
  contextWordsClash: {
    text: 'Context "{{context}}" has the words of context "{{first}}": both become {{words}}Service and the client {{words}} in generated TypeScript, and {{constant}}_URL',
    hint: 'Tell the two contexts apart by more than their dashes.',
  },
  /** `kind`: Command, Event, Aggregate, Policy; `role`: what the identifier is to it (`its state type`); `file`: the generated module. */
  identifierTaken: '{{kind}} "{{name}}" becomes "{{identifier}}" ({{role}}) in {{file}}, a name the generated code already uses there',
  /** As identifierTaken, when another element of the model took it first (`firstKind` lower-case). */
  identifierClash: '{{kind}} "{{name}}" becomes "{{identifier}}" ({{role}}) in {{file}}, as does {{firstKind}} "{{first}}" ({{firstRole}})',
  keyFieldClash: {
    text: 'Key field "{{field}}" of aggregate "{{aggregate}}" becomes a variable of the generated starter tests, which use "{{field}}" there themselves',
    hint: 'Name the key after what it identifies, e.g. "{{example}}".',
  },
} as const satisfies Messages;

type Found = FindingOf<typeof messages>;

/** What an element of the model is called in messages. */
type Kind = 'command' | 'event' | 'aggregate' | 'policy';

/** A model element an identifier is made from. */
type Named = { readonly name: string; readonly pointer: string };

/** Who takes an identifier in a module: a model element (with the role of the identifier), or the generated code. */
interface Claim {
  /** Undefined for the generated code's own names. */
  readonly kind: Kind | undefined;
  readonly role: string;
  readonly el: Named | undefined;
}

const namePointer = (el: { readonly pointer: string }) => joinPointer(el.pointer, 'name');

/** The generated code's claim on its own names: one object for all of them. */
const GENERATED: Claim = Object.freeze({ kind: undefined, role: '', el: undefined });

/** The generated code's own names of a kind of module, as a set made once (a service has ~100 of them, a model ~1,000 services). */
const ownNames = new Map<readonly string[], ReadonlySet<string>>();

function ownSet(own: readonly string[]): ReadonlySet<string> {
  let set = ownNames.get(own);
  if (set === undefined) ownNames.set(own, (set = new Set(own)));
  return set;
}

/** One generated module: the identifiers it declares or imports, and who claimed each. */
export class ModuleScope {
  /** The generated code's own names of this module. */
  private readonly own: ReadonlySet<string>;
  /** What the model's elements claimed, beside those. */
  private readonly claims = new Map<string, Claim>();

  constructor(
    readonly file: string,
    own: readonly string[],
    private readonly report: (f: Found) => void,
  ) {
    this.own = ownSet(own);
  }

  /** Every identifier of the module: the generated code's own, then those the model's elements claimed. */
  get names(): ReadonlyMap<string, Claim> {
    const all = new Map<string, Claim>();
    for (const n of this.own) all.set(n, GENERATED);
    for (const [n, claim] of this.claims) if (!all.has(n)) all.set(n, claim);
    return all;
  }

  /** The identifier element `el` of `kind` becomes in this module, as `role` (`its state type`). */
  claim(identifier: string, kind: Kind, role: string, el: Named): void {
    const first = this.own.has(identifier) ? GENERATED : this.claims.get(identifier);
    if (first === undefined) {
      this.claims.set(identifier, { kind, role, el });
      return;
    }
    if (first.el === el) return; // one element, one identifier, met twice
    const pointer = namePointer(el);
    if (first.el !== undefined && namePointer(first.el) === pointer) return;
    const name = el.name;
    // Two elements of one name, or of names that differ in letter case only: MSA201's and MSA107's.
    if (first.el !== undefined && first.el.name.toLowerCase() === name.toLowerCase()) return;
    const data = { kind: `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`, name, identifier, role, file: this.file };
    if (first.el === undefined) this.report({ pointer, messageId: 'identifierTaken', data });
    else this.report({ pointer, messageId: 'identifierClash', data: { ...data, firstKind: first.kind!, first: first.el.name, firstRole: first.role } });
  }
}

/** What each service's saga and client modules hold, worked out in one pass over the model. */
export interface ServiceIndex {
  /** Events a service consumes for its sagas (orchestrations it runs; failures its compensations react to). */
  readonly sagaEvents: ReadonlyMap<Context, ReadonlySet<Event>>;
  /** Commands its src/generated/saga.ts maps data to: its compensations and what its orchestrations send. */
  readonly sent: ReadonlyMap<Context, ReadonlySet<Command>>;
  /** Commands it calls (`calls` from it). */
  readonly called: ReadonlyMap<Context, ReadonlySet<Command>>;
  /** Its commands that make calls, each with the commands it calls (the runtime makes them around the handler). */
  readonly calling: ReadonlyMap<Command, ReadonlySet<Command>>;
}

export function serviceIndex(model: Model): ServiceIndex {
  const sagaEvents = new Map<Context, Set<Event>>();
  const sent = new Map<Context, Set<Command>>();
  const called = new Map<Context, Set<Command>>();
  const calling = new Map<Command, Set<Command>>();
  const add = <K, T>(map: Map<K, Set<T>>, context: K, items: Iterable<T>) => {
    let set = map.get(context);
    if (!set) map.set(context, (set = new Set()));
    for (const item of items) set.add(item);
  };
  for (const saga of model.sagas) {
    const steps = saga.steps.flatMap((s) => (s.command.target ? [s.command.target] : []));
    const emitted = steps.flatMap((c) => c.emits.flatMap((e) => (e.target ? [e.target] : [])));
    const compensations = saga.steps.flatMap((s) => (s.compensation?.target ? [s.compensation.target] : []));
    if (saga.coordination === 'orchestration') {
      const home = orchestratorOf(saga);
      if (!home) continue;
      add(sagaEvents, home, emitted);
      add(sent, home, [...steps, ...compensations]);
    } else {
      // A compensation listens to failure events of later steps (a superset is fine here).
      const failures = emitted.filter((e) => e.failure);
      for (const c of compensations) {
        add(sent, c.context, [c]);
        add(sagaEvents, c.context, failures);
      }
    }
  }
  for (const call of model.calls) {
    if (call.from.target && call.command.target) add(called, call.from.target, [call.command.target]);
    if (call.command.target) for (const c of callingCommands(call)) add(calling, c, [call.command.target]);
  }
  return { sagaEvents, sent, called, calling };
}

/** The events a service's src/generated/events.ts holds (a superset of what the generator writes). */
function serviceEvents(context: Context, index: ServiceIndex): Set<Event> {
  const set = new Set<Event>();
  for (const a of context.aggregates) for (const e of a.events) set.add(e);
  for (const p of context.policies) if (p.on.target) set.add(p.on.target);
  for (const r of context.readModels) for (const f of r.from) if (f.target) set.add(f.target);
  for (const e of index.sagaEvents.get(context) ?? []) set.add(e);
  return set;
}

function keyIsString(type: string, list: boolean): boolean {
  return !list && !['int', 'number', 'money', 'boolean', 'enum'].includes(type);
}

/**
 * The generated modules of a context's service that hold identifiers made of model names, each
 * with every identifier it declares or imports; a clash is reported as it is claimed.
 */
export function moduleScopes(context: Context, index: ServiceIndex, report: (f: Found) => void): ModuleScope[] {
  const modules: ModuleScope[] = [];
  const dir = `services/${context.name}`;
  const module = (file: string, own: readonly string[]) => {
    const m = new ModuleScope(file, own, report);
    modules.push(m);
    return m;
  };
  const scope = (file: keyof typeof SERVICE_MODULE_NAMES) => module(`${dir}/src/generated/${file}`, SERVICE_MODULE_NAMES[file]);
  const commandType = (m: ModuleScope, c: Command) =>
    m.claim(commandTypeName(c.name), 'command', 'its input type', c);
  const eventType = (m: ModuleScope, e: Event) => m.claim(eventTypeName(e.name), 'event', 'its data type', e);

  const events = scope('events.ts');
  for (const e of serviceEvents(context, index)) {
    events.claim(`${e.name}Schema`, 'event', 'its JSON schema', e);
    eventType(events, e);
  }
  const commands = scope('commands.ts');
  for (const a of context.aggregates) {
    for (const c of a.commands) {
      commands.claim(`${c.name}Schema`, 'command', 'its JSON schema', c);
      commandType(commands, c);
    }
  }

  const handlers = scope('handlers.ts');
  const service = scope('service.ts');
  for (const a of context.aggregates) {
    if (a.commands.length === 0) continue;
    handlers.claim(`${a.name}State`, 'aggregate', 'its state type', a);
    handlers.claim(`${camelCase(a.name)}State`, 'aggregate', 'its state function', a);
    handlers.claim(`${a.name}Handlers`, 'aggregate', 'its handlers interface', a);
    handlers.claim(`${camelCase(a.name)}Defaults`, 'aggregate', 'its default handlers', a);
    service.claim(`${camelCase(a.name)}Handlers`, 'aggregate', 'its handlers', a);
    for (const c of a.commands) {
      commandType(handlers, c);
      for (const e of c.emits) if (e.target) eventType(handlers, e.target);
    }
  }

  const policies = scope('policies.ts');
  for (const p of context.policies) {
    if (p.on.target) eventType(policies, p.on.target);
    if (p.then.target) commandType(policies, p.then.target);
    policies.claim(`${p.name}Policy`, 'policy', 'its type', p);
    policies.claim(`${camelCase(p.name)}Key`, 'policy', 'its key', p);
    service.claim(camelCase(p.name), 'policy', 'its implementation', p);
    const own = module(`${dir}/src/policies/${p.name}.ts`, POLICY_FILE_NAMES);
    own.claim(`${p.name}Policy`, 'policy', 'its type', p);
    own.claim(camelCase(p.name), 'policy', 'its implementation', p);
  }

  const saga = scope('saga.ts');
  for (const c of index.sent.get(context) ?? []) {
    commandType(saga, c);
    saga.claim(`to${c.name}`, 'command', 'the function mapping saga data to it', c);
  }

  const clients = scope('clients.ts');
  for (const c of index.called.get(context) ?? []) commandType(clients, c);
  for (const a of context.aggregates) {
    for (const c of a.commands) {
      const calledBy = index.calling.get(c);
      if (!calledBy) continue;
      for (const m of [handlers, clients]) {
        m.claim(`${c.name}Calls`, 'command', 'the type of its ctx.calls', c);
        m.claim(`${c.name}CallInputs`, 'command', "the type of its decision's calls", c);
      }
      for (const t of calledBy) clients.claim(`to${t.name}For${c.name}`, 'command', 'the function building a call input', c);
    }
  }
  return modules;
}

export const rule = defineRule({
  code: 'MSA209',
  name: 'generated-name-clash',
  severity: 'error',
  summary:
    'No two names of the model, and no name of the model and one of the generated code, become one identifier of a generated module, one npm package or one environment variable.',
  hint: 'Rename the element: generated identifiers, packages and variables are named after it.',
  docs: `Names become identifiers. In a service's \`src/generated/\`: a command \`SubmitApplication\` is
the type \`SubmitApplication\` and the schema import \`SubmitApplicationSchema\`; an aggregate
\`Application\` is \`ApplicationState\`, \`ApplicationHandlers\`, \`applicationState\`,
\`applicationDefaults\` and \`applicationHandlers\`; a policy \`IssuePermitWhenApplicationSubmitted\` is
the type \`IssuePermitWhenApplicationSubmittedPolicy\`, the constant
\`issuePermitWhenApplicationSubmittedKey\` and the variable \`issuePermitWhenApplicationSubmitted\`.
The generated modules use names of their own beside them (\`routes\`, \`projections\`,
\`service\`, \`eventDefs\`, \`Clients\`, \`Source\`, \`CommandReply\`, \`defaults\`…). Two of these
in one module are a TypeScript error: a command \`UpdateState\` of an aggregate \`Update\`
(both the state type and the command's type), a command \`UpdateSchema\` beside a command
\`Update\`, a policy \`Routes\` (its variable \`routes\` and the routes of the service), a policy
\`Defaults\`.

Across the platform: a context is the npm workspace \`@<platform>/<context>\`, beside
\`@<platform>/runtime\` and \`@<platform>/platform\`, so a context named \`runtime\` or
\`platform\` makes two workspaces of one name and \`npm install\` fails. A context's words make
the variable \`<context>Service\`, the client member \`<context>\` and the environment
variable \`<CONTEXT>_URL\`: \`my-app\` and \`my--app\` both become \`myAppService\` and \`MY_APP_URL\`.

The starter tests declare a variable named after an aggregate's key field
(\`const applicationId = randomUUID();\`) beside variables of their own (\`body\`, \`res\`,
\`reply\`, \`result\`, \`platform\`, \`correlationId\`…), so a key field may not take one of those
names.`,
  messages,
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: runtime                  # the npm package of the runtime
  - name: application
    aggregates:
      - name: Update
        fields: { updateId: { type: uuid, key: true } }
        commands:
          - name: UpdateState      # the aggregate's state type
    policies:
      - name: Routes               # the variable routes of the generated service
        on: ApplicationSubmitted
        then: UpdateState`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: application-runtime
  - name: application
    aggregates:
      - name: Update
        fields: { updateId: { type: uuid, key: true } }
        commands:
          - name: ChangeUpdateState
    policies:
      - name: RouteApplicationWhenSubmitted
        on: ApplicationSubmitted
        then: ChangeUpdateState`,
      },
    ],
  },
  check(model, report) {
    const reported = new Set<string>();
    const once = (f: Found) => {
      const key = `${f.pointer}\u0000${f.messageId}\u0000${JSON.stringify(f.data)}`;
      if (reported.has(key)) return;
      reported.add(key);
      report(f);
    };

    // npm packages and the words of context names.
    const byWords = new Map<string, Context>();
    for (const context of model.contexts) {
      if (PLATFORM_PACKAGES.has(context.name)) {
        once({ pointer: namePointer(context), messageId: 'packageClash', data: { context: context.name, platform: model.platform.name } });
      }
      const words = camelCase(context.name);
      const first = byWords.get(words);
      if (first === undefined) byWords.set(words, context);
      else if (first.name !== context.name) {
        once({
          pointer: namePointer(context),
          messageId: 'contextWordsClash',
          data: { context: context.name, first: first.name, words, constant: constantCase(context.name) },
        });
      }
    }

    const index = serviceIndex(model);
    for (const context of model.contexts) {
      moduleScopes(context, index, once);
      for (const a of context.aggregates) {
        const key = a.key;
        // The starter tests declare the key of a command's aggregate, when it is text.
        if (!key || a.commands.length === 0 || !STARTER_TEST_NAMES.has(key.name) || !keyIsString(key.type, key.list)) continue;
        once({
          pointer: key.pointer,
          on: 'key',
          messageId: 'keyFieldClash',
          data: { field: key.name, aggregate: a.name, example: `${camelCase(a.name)}Id` },
        });
      }
    }
  },
});
