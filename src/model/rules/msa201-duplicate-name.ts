import { describeOwner } from '../graph.js';
import type { Command, Event } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { defineRule, type Messages } from './rule.js';

interface Named {
  readonly name: string;
  readonly pointer: string;
}

/** Calls `found` for every element whose name an earlier element of the same group already took. */
function duplicates<T extends Named>(list: readonly T[], found: (item: T, first: T) => void): void {
  const first = new Map<string, T>();
  for (const item of list) {
    const earlier = first.get(item.name);
    if (earlier === undefined) first.set(item.name, item);
    else found(item, earlier);
  }
}

/** `entry`: where the first of the two is, counting from 1. */
const messages = {
  contextTwice: 'Context "{{name}}" is declared twice (first as entry {{entry}} of contexts)',
  /** `owner`: `context "application", aggregate "Application"`. */
  eventTwice: 'Event "{{name}}" is declared twice (first in {{owner}})',
  commandTwice: 'Command "{{name}}" is declared twice (first in {{owner}})',
  externalTwice: 'External system "{{name}}" is declared twice (first as entry {{entry}} of externals)',
  sagaTwice: 'Saga "{{name}}" is declared twice (first as entry {{entry}} of sagas)',
  operationTwice: 'External operation "{{name}}" is declared twice (first in external system "{{external}}")',
  commandNamedAsEvent: {
    text: 'Command "{{name}}" has the name of event "{{event}}" (in {{owner}}); both would be the schema file {{name}}.schema.json and the type {{name}}',
    hint: 'Name the command for what it asks (imperative: ResetApplication) and the event for what happened (past tense: ApplicationReset).',
  },
  operationNamedAsCommand: {
    text: 'External operation "{{name}}" of "{{external}}" has the name of command "{{command}}" (in {{owner}})',
    hint: 'Rename the operation or the command: saga steps and calls refer to both by name.',
  },
  aggregateTwice: 'Aggregate "{{name}}" is declared twice in context "{{context}}" (first as entry {{entry}} of its aggregates)',
  policyTwice: 'Policy "{{name}}" is declared twice in context "{{context}}" (first as entry {{entry}} of its policies)',
  readModelTwice: 'Read model "{{name}}" is declared twice in context "{{context}}" (first as entry {{entry}} of its readModels)',
  readModelNamedAsAggregate: {
    text: 'Read model "{{name}}" has the name of aggregate "{{aggregate}}" of context "{{context}}"',
    hint: 'Name the read model after the view it serves, e.g. "{{name}}Summary" or "{{name}}Result".',
  },
} as const satisfies Messages;

const entry = (pointer: string) => {
  const i = pointer.lastIndexOf('/');
  return Number(pointer.slice(i + 1)) + 1;
};

export const rule = defineRule({
  code: 'MSA201',
  name: 'duplicate-name',
  severity: 'error',
  summary:
    'Names are unique where they must be: contexts, events and commands (together), externals, sagas and external operations across the model; aggregates, policies and read models within their context.',
  hint: 'Rename one of the two; generated types, topics and files are named after it.',
  docs: `Names are how the model refers to its elements, and what generated code is named after:
a context is a service folder and a Helm key, an event is a Kafka topic and a CloudEvents type
(one topic per event), a command is a route, a handler and what sagas and calls name. Two
elements with one name would make every reference to that name ambiguous, and two generated
files would claim one path.

Unique across the model: contexts, events, commands, external systems, sagas, and the
operations of external systems (also against command names: a saga step that names an
external operation must not be mistaken for a command). Events and commands share one set of
names: each becomes a JSON schema file \`src/generated/schemas/<Name>.schema.json\` and a
TypeScript type, and a service that handles a command and consumes an event of one name would
get both in one folder and one module. Unique within a context: aggregates,
policies and read models, and a read model may not take the name of an aggregate of its
context (both become a type of the same service). The finding is reported at the second
occurrence and says where the first one is.

In the Government24 portal the general and the vehicle-registration complaints each have an
application event; they are told apart by their names (GeneralApplicationSubmitted,
CarApplicationSubmitted), not by the context they live in.`,
  messages,
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: application
    aggregates:
      - name: Application
        events:
          - name: ApplicationSubmitted
  - name: car-application
    aggregates:
      - name: CarApplication
        fields: { applicationId: { type: uuid, key: true } }
        events:
          - name: ApplicationSubmitted     # declared twice (first in context "application")`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: application
    aggregates:
      - name: Application
        events:
          - name: GeneralApplicationSubmitted
  - name: car-application
    aggregates:
      - name: CarApplication
        fields: { applicationId: { type: uuid, key: true } }
        events:
          - name: CarApplicationSubmitted`,
      },
    ],
  },
  check(model, report) {
    const at = (el: Named) => joinPointer(el.pointer, 'name');
    duplicates(model.contexts, (item, first) =>
      report({ pointer: at(item), messageId: 'contextTwice', data: { name: first.name, entry: entry(first.pointer) } }),
    );
    duplicates(model.events, (item, first) =>
      report({ pointer: at(item), messageId: 'eventTwice', data: { name: first.name, owner: describeOwner(first) } }),
    );
    duplicates(model.commands, (item, first) =>
      report({ pointer: at(item), messageId: 'commandTwice', data: { name: first.name, owner: describeOwner(first) } }),
    );
    duplicates(model.externals, (item, first) =>
      report({ pointer: at(item), messageId: 'externalTwice', data: { name: first.name, entry: entry(first.pointer) } }),
    );
    duplicates(model.sagas, (item, first) =>
      report({ pointer: at(item), messageId: 'sagaTwice', data: { name: first.name, entry: entry(first.pointer) } }),
    );
    // An operation is a plain string in `commands:`, so its pointer is the item itself.
    duplicates(
      model.externals.flatMap((x) => x.operations),
      (item, first) => report({ pointer: item.pointer, messageId: 'operationTwice', data: { name: first.name, external: first.external.name } }),
    );

    // A command may not take an event's name: both become a JSON schema file
    // (src/generated/schemas/<Name>.schema.json) and a type of the services that use them.
    const events = new Map<string, Event>();
    for (const event of model.events) if (!events.has(event.name)) events.set(event.name, event);
    for (const command of model.commands) {
      const event = events.get(command.name);
      if (event === undefined) continue;
      report({
        pointer: joinPointer(command.pointer, 'name'),
        messageId: 'commandNamedAsEvent',
        data: { name: command.name, event: event.name, owner: describeOwner(event) },
      });
    }

    // An external operation may not share a command's name: saga steps and calls name both.
    const commands = new Map<string, Command>();
    for (const command of model.commands) if (!commands.has(command.name)) commands.set(command.name, command);
    for (const external of model.externals) {
      for (const op of external.operations) {
        const command = commands.get(op.name);
        if (command === undefined) continue;
        report({
          pointer: op.pointer,
          messageId: 'operationNamedAsCommand',
          data: { name: op.name, external: external.name, command: command.name, owner: describeOwner(command) },
        });
      }
    }

    for (const context of model.contexts) {
      const c = context.name;
      const twice = (messageId: 'aggregateTwice' | 'policyTwice' | 'readModelTwice') => (item: Named, first: Named) =>
        report({ pointer: at(item), messageId, data: { name: first.name, context: c, entry: entry(first.pointer) } });
      duplicates(context.aggregates, twice('aggregateTwice'));
      duplicates(context.policies, twice('policyTwice'));
      duplicates(context.readModels, twice('readModelTwice'));
      for (const readModel of context.readModels) {
        const aggregate = context.aggregates.find((a) => a.name === readModel.name);
        if (aggregate === undefined) continue;
        report({
          pointer: joinPointer(readModel.pointer, 'name'),
          messageId: 'readModelNamedAsAggregate',
          data: { name: readModel.name, aggregate: aggregate.name, context: c },
        });
      }
    }
  },
});
