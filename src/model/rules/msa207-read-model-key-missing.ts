import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA207',
  name: 'read-model-key-missing',
  severity: 'error',
  summary: "A read model's `key` is a field of every event it is built `from`.",
  hint: "Add the key field to the event's `fields`, or build the read model from events that carry it.",
  docs: `A read model is a projection: every event it is built \`from\` updates one row (or cache
entry), found by the read model's \`key\`. An event that does not carry the key cannot say
which row it updates, so the generated projection could not apply it.

This is the Government24 CQRS lookup: a dedicated application result service keeps a read-only
store fed by the application and issuance events, keyed by the complaint id. Every one of
those events has to carry the complaint id, which the seed also asks of every event as
traceability metadata.

The finding is reported at the \`from\` entry whose event lacks the key. When none of the
events carries it (a misspelt key, most often) it is reported once, at the \`key\`.`,
  messages: {
    /** `common`: the fields all its events carry. */
    keyInNoEvent: {
      text: 'Read model "{{readModel}}" is keyed by "{{key}}", but none of its events carries it{{suggestion}}',
      hint: 'Fields all its events carry: {{common}}.',
    },
    /** As keyInNoEvent, when its events have no field in common. */
    keyInNoEventNoneShared: 'Read model "{{readModel}}" is keyed by "{{key}}", but none of its events carries it{{suggestion}}',
    keyNotInEvent: {
      text: 'Read model "{{readModel}}" is keyed by "{{key}}", but event "{{event}}" does not carry it',
      hint: 'Add "{{key}}" to the fields of event "{{event}}", or build "{{readModel}}" without it.',
    },
  },
  examples: {
    fails: [
      {
        at: { events: '/contexts/1/aggregates/0', readModels: '/contexts/2' },
        yaml: `events:
  - name: PermitIssued
    fields: [permitId]            # no applicationId
readModels:
  - name: ApplicationResult
    key: applicationId
    from: [ApplicationSubmitted, PermitIssued]`,
      },
    ],
    passes: [
      {
        at: { events: '/contexts/1/aggregates/0', readModels: '/contexts/2' },
        yaml: `events:
  - name: PermitIssued
    fields: [permitId, applicationId]
readModels:
  - name: ApplicationResult
    key: applicationId
    from: [ApplicationSubmitted, PermitIssued]`,
      },
    ],
  },
  check(model, report) {
    for (const readModel of model.readModels) {
      const key = readModel.key.name;
      const resolved = readModel.from.flatMap((from) => (from.target ? [{ from, event: from.target }] : []));
      if (resolved.length === 0) continue; // MSA203 reports the unknown events
      // An event that lists the key but whose aggregate lacks the field is MSA206's finding.
      const lacking = resolved.filter(
        ({ event }) => !event.payload.fields.some((f) => f.name === key) && !event.payload.refs.some((r) => r.name === key),
      );
      if (lacking.length === 0) continue;
      if (lacking.length === resolved.length && resolved.length > 1) {
        const common = resolved
          .map(({ event }) => event.payload.fields.map((f) => f.name))
          .reduce((a, b) => a.filter((name) => b.includes(name)));
        const data = { readModel: readModel.name, key, suggestion: didYouMean(key, common) };
        report(
          common.length > 0
            ? { pointer: readModel.key.pointer, messageId: 'keyInNoEvent', data: { ...data, common: common.join(', ') } }
            : { pointer: readModel.key.pointer, messageId: 'keyInNoEventNoneShared', data },
        );
        continue;
      }
      for (const { from, event } of lacking) {
        report({ pointer: from.pointer, messageId: 'keyNotInEvent', data: { readModel: readModel.name, key, event: event.name } });
      }
    }
  },
});
