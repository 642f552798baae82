import type { Finding } from '../finding.js';
import { describeOwner } from '../graph.js';
import type { Command, Event } from '../ir.js';
import { joinPointer } from '../pointer.js';
import type { Rule } from './rule.js';

interface Named {
  readonly name: string;
  readonly pointer: string;
}

/**
 * Reports every element whose name an earlier element of the same group already took, at the
 * later element's name, saying where the first one is.
 */
function duplicates<T extends Named>(
  list: readonly T[],
  message: (item: T, first: T) => string,
  namePointer: (item: T) => string = (item) => joinPointer(item.pointer, 'name'),
): Finding[] {
  const first = new Map<string, T>();
  const findings: Finding[] = [];
  for (const item of list) {
    const earlier = first.get(item.name);
    if (earlier === undefined) first.set(item.name, item);
    else findings.push({ pointer: namePointer(item), message: message(item, earlier) });
  }
  return findings;
}

const entry = (pointer: string) => {
  const i = pointer.lastIndexOf('/');
  return Number(pointer.slice(i + 1)) + 1;
};

export const rule: Rule = {
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
CarApplicationSubmitted), not by the context they live in.

Fails:

    contexts:
      - name: application
        aggregates:
          - name: Application
            events:
              - name: ApplicationSubmitted
      - name: car-application
        aggregates:
          - name: CarApplication
            events:
              - name: ApplicationSubmitted     # declared twice (first in context "application")

Passes:

    contexts:
      - name: application
        aggregates:
          - name: Application
            events:
              - name: GeneralApplicationSubmitted
      - name: car-application
        aggregates:
          - name: CarApplication
            events:
              - name: CarApplicationSubmitted`,
  check(model) {
    const findings: Finding[] = [];

    findings.push(
      ...duplicates(
        model.contexts,
        (_, first) => `Context "${first.name}" is declared twice (first as entry ${entry(first.pointer)} of contexts)`,
      ),
      ...duplicates(
        model.events,
        (_, first) => `Event "${first.name}" is declared twice (first in ${describeOwner(first)})`,
      ),
      ...duplicates(
        model.commands,
        (_, first) => `Command "${first.name}" is declared twice (first in ${describeOwner(first)})`,
      ),
      ...duplicates(
        model.externals,
        (_, first) => `External system "${first.name}" is declared twice (first as entry ${entry(first.pointer)} of externals)`,
      ),
      ...duplicates(
        model.sagas,
        (_, first) => `Saga "${first.name}" is declared twice (first as entry ${entry(first.pointer)} of sagas)`,
      ),
      ...duplicates(
        model.externals.flatMap((x) => x.operations),
        (_, first) => `External operation "${first.name}" is declared twice (first in external system "${first.external.name}")`,
        (op) => op.pointer,
      ),
    );

    // A command may not take an event's name: both become a JSON schema file
    // (src/generated/schemas/<Name>.schema.json) and a type of the services that use them.
    const events = new Map<string, Event>();
    for (const event of model.events) if (!events.has(event.name)) events.set(event.name, event);
    for (const command of model.commands) {
      const event = events.get(command.name);
      if (event === undefined) continue;
      findings.push({
        pointer: joinPointer(command.pointer, 'name'),
        message: `Command "${command.name}" has the name of event "${event.name}" (in ${describeOwner(event)}); both would be the schema file ${command.name}.schema.json and the type ${command.name}`,
        hint: 'Name the command for what it asks (imperative: ResetApplication) and the event for what happened (past tense: ApplicationReset).',
      });
    }

    // An external operation may not share a command's name: saga steps and calls name both.
    const commands = new Map<string, Command>();
    for (const command of model.commands) if (!commands.has(command.name)) commands.set(command.name, command);
    for (const external of model.externals) {
      for (const op of external.operations) {
        const command = commands.get(op.name);
        if (command === undefined) continue;
        findings.push({
          pointer: op.pointer,
          message: `External operation "${op.name}" of "${external.name}" has the name of command "${command.name}" (in ${describeOwner(command)})`,
          hint: 'Rename the operation or the command: saga steps and calls refer to both by name.',
        });
      }
    }

    for (const context of model.contexts) {
      const where = `context "${context.name}"`;
      findings.push(
        ...duplicates(
          context.aggregates,
          (_, first) => `Aggregate "${first.name}" is declared twice in ${where} (first as entry ${entry(first.pointer)} of its aggregates)`,
        ),
        ...duplicates(
          context.policies,
          (_, first) => `Policy "${first.name}" is declared twice in ${where} (first as entry ${entry(first.pointer)} of its policies)`,
        ),
        ...duplicates(
          context.readModels,
          (_, first) => `Read model "${first.name}" is declared twice in ${where} (first as entry ${entry(first.pointer)} of its readModels)`,
        ),
      );
      for (const readModel of context.readModels) {
        const aggregate = context.aggregates.find((a) => a.name === readModel.name);
        if (aggregate === undefined) continue;
        findings.push({
          pointer: joinPointer(readModel.pointer, 'name'),
          message: `Read model "${readModel.name}" has the name of aggregate "${aggregate.name}" of ${where}`,
          hint: `Name the read model after the view it serves, e.g. "${readModel.name}Summary" or "${readModel.name}Result".`,
        });
      }
    }
    return findings;
  },
};
