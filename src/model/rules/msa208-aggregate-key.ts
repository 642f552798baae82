import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA208',
  name: 'aggregate-key',
  severity: 'error',
  summary: 'Every aggregate has exactly one field marked `key: true`.',
  hint: 'Mark the field that identifies the aggregate with `key: true`, and only that one.',
  docs: `The key identifies one instance of an aggregate. The generated platform uses it
everywhere: as the Kafka record key (all events of one application land on one partition, in
order), as the CloudEvents \`subject\`, as the primary key of the aggregate's table and as the
default payload of events and commands that list no fields. An aggregate without a key has
none of these; an aggregate with two keys makes each of them ambiguous.

In Government24 the complaint (application) id is that key: it orders the events of one
complaint, it is the correlation id carried in every event for traceability, and the business
idempotency check ("already issued?") looks the complaint up by it.

No key is reported at the aggregate's name; a second (third…) key at that field's name.`,
  messages: {
    /** `example`: a key field named after the aggregate (`permitId`). */
    noKey: {
      text: 'Aggregate "{{aggregate}}" has no key field',
      hint: 'Mark the field that identifies a {{aggregate}} with `key: true`, e.g. `{{example}}: { type: uuid, key: true }`.',
    },
    secondKey: {
      text: 'Aggregate "{{aggregate}}" has a second key field "{{field}}" (the key is "{{key}}"); an aggregate has exactly one key',
      hint: 'Remove `key: true` from "{{field}}"; other identifiers are plain fields.',
    },
  },
  examples: {
    fails: [
      {
        at: '/contexts/1',
        yaml: `aggregates:
  - name: Permit
    fields:
      permitId: uuid                    # no field is the key
      applicationId: uuid`,
      },
    ],
    passes: [
      {
        at: '/contexts/1',
        yaml: `aggregates:
  - name: Permit
    fields:
      permitId: { type: uuid, key: true }
      applicationId: uuid`,
      },
    ],
  },
  check(model, report) {
    for (const aggregate of model.aggregates) {
      const keys = aggregate.fields.filter((f) => f.key);
      const first = keys[0];
      if (first === undefined) {
        report({
          pointer: joinPointer(aggregate.pointer, 'name'),
          messageId: 'noKey',
          data: { aggregate: aggregate.name, example: `${aggregate.name.charAt(0).toLowerCase()}${aggregate.name.slice(1)}Id` },
        });
        continue;
      }
      for (const extra of keys.slice(1)) {
        report({
          pointer: extra.pointer,
          on: 'key',
          messageId: 'secondKey',
          data: { aggregate: aggregate.name, field: extra.name, key: first.name },
        });
      }
    }
  },
});
