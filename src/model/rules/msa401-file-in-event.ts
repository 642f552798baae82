import type { Field } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

const FILE_TYPES: ReadonlySet<string> = new Set(['binary', 'file']);

/** The link field that replaces a file field: `attachment` → `attachmentUrl: url`. */
function linkField(field: Field): string {
  const base = field.list ? field.name.replace(/s$/, '') : field.name;
  const stem = base.replace(/(File|Binary|Bytes|Blob|Data|Content|Body)$/, '');
  const name = stem.length > 0 ? stem : base;
  return field.list ? `${name}Urls: { type: url, list: true }` : `${name}Url: url`;
}

const LINK_HINT = 'Store the file apart (object storage, a document service) and carry its link instead: a field such as "{{link}}".';

export const rule = defineRule({
  code: 'MSA401',
  name: 'file-in-event',
  severity: 'error',
  summary: 'Events carry no `binary` or `file` field; files travel as reference links.',
  hint: 'Store the file apart and put its link in the event: a `url` field.',
  docs: `An event is a small record on a Kafka topic, copied to every consumer, kept for the
topic's retention and replayed to rebuild read models. A file body in it makes every record
large (Kafka refuses records above max.message.bytes, 1 MB by default), slows every consumer
and copies personal documents into every service and every DLQ. The Government24 design
stores files and form data apart and puts only reference links in the event, so the message
size stays managed.

An aggregate may keep a \`binary\` or \`file\` field (the service that owns the file stores
it); an event must not carry one, whether it names the aggregate field in its \`fields\` list
or declares a field of its own. Carry a \`url\` field that points at the stored file.`,
  messages: {
    /** `link`: a link field to carry instead (`attachmentUrl: url`). */
    fileField: {
      text: 'Event "{{event}}" carries field "{{field}}" of type {{type}}; events carry reference links, never file contents',
      hint: LINK_HINT,
    },
    fileList: {
      text: 'Event "{{event}}" carries field "{{field}}", a list of {{type}}; events carry reference links, never file contents',
      hint: LINK_HINT,
    },
    /** The event lists no fields, so it carries its aggregate's key, and that is a file. */
    fileKey: {
      text: 'Event "{{event}}" carries field "{{field}}" of type {{type}} (the aggregate key, carried because the event lists no fields); events carry reference links, never file contents',
      hint: LINK_HINT,
    },
    fileKeyList: {
      text: 'Event "{{event}}" carries field "{{field}}", a list of {{type}} (the aggregate key, carried because the event lists no fields); events carry reference links, never file contents',
      hint: LINK_HINT,
    },
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `fields:
  applicationId: { type: uuid, key: true }
  attachment: file
events:
  - name: ApplicationSubmitted
    fields: [applicationId, attachment]      # a file inside the event`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `fields:
  applicationId: { type: uuid, key: true }
  attachment: file                           # kept by the owning service
  attachmentUrl: url
events:
  - name: ApplicationSubmitted
    fields: [applicationId, attachmentUrl]   # a reference link`,
      },
    ],
  },
  check(model, report) {
    for (const event of model.events) {
      const payload = event.payload;
      const found = (field: Field, pointer: string, on?: 'key') => {
        const data = { event: event.name, field: field.name, type: field.type, link: linkField(field) };
        report({ pointer, ...(on ? { on } : {}), messageId: field.list ? 'fileList' : 'fileField', data });
      };
      if (payload.refs.length > 0) {
        for (const ref of payload.refs) {
          if (ref.target && FILE_TYPES.has(ref.target.type)) found(ref.target, ref.pointer);
        }
      } else if (payload.explicit) {
        for (const field of payload.fields) {
          if (FILE_TYPES.has(field.type)) found(field, field.pointer, 'key');
        }
      } else {
        // No `fields`: the event carries the aggregate's key field.
        for (const field of payload.fields) {
          if (!FILE_TYPES.has(field.type)) continue;
          report({
            pointer: joinPointer(event.pointer, 'name'),
            messageId: field.list ? 'fileKeyList' : 'fileKey',
            data: { event: event.name, field: field.name, type: field.type, link: linkField(field) },
          });
        }
      }
    }
  },
});
