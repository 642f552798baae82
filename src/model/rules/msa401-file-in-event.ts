import type { Event, Field, Model } from '../ir.js';
import type { Finding } from '../finding.js';
import { joinPointer } from '../pointer.js';
import type { Rule } from './rule.js';

const FILE_TYPES: ReadonlySet<string> = new Set(['binary', 'file']);

/** The link field that replaces a file field: `attachment` → `attachmentUrl: url`. */
function linkField(field: Field): string {
  const base = field.list ? field.name.replace(/s$/, '') : field.name;
  const stem = base.replace(/(File|Binary|Bytes|Blob|Data|Content|Body)$/, '');
  const name = stem.length > 0 ? stem : base;
  return field.list ? `${name}Urls: { type: url, list: true }` : `${name}Url: url`;
}

function finding(event: Event, field: Field, pointer: string, on: 'key' | undefined, how: string): Finding {
  const what = field.list ? `, a list of ${field.type}` : ` of type ${field.type}`;
  return {
    pointer,
    ...(on ? { on } : {}),
    message: `Event "${event.name}" carries field "${field.name}"${what}${how}; events carry reference links, never file contents`,
    hint: `Store the file apart (object storage, a document service) and carry its link instead: a field such as "${linkField(field)}".`,
  };
}

export const rule: Rule = {
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
or declares a field of its own. Carry a \`url\` field that points at the stored file.

Fails:

    fields:
      applicationId: { type: uuid, key: true }
      attachment: file
    events:
      - name: ApplicationSubmitted
        fields: [applicationId, attachment]      # a file inside the event

Passes:

    fields:
      applicationId: { type: uuid, key: true }
      attachment: file                           # kept by the owning service
      attachmentUrl: url
    events:
      - name: ApplicationSubmitted
        fields: [applicationId, attachmentUrl]   # a reference link`,
  check(model: Model) {
    const findings: Finding[] = [];
    for (const event of model.events) {
      const payload = event.payload;
      if (payload.refs.length > 0) {
        for (const ref of payload.refs) {
          if (ref.target && FILE_TYPES.has(ref.target.type)) {
            findings.push(finding(event, ref.target, ref.pointer, undefined, ''));
          }
        }
      } else if (payload.explicit) {
        for (const field of payload.fields) {
          if (FILE_TYPES.has(field.type)) findings.push(finding(event, field, field.pointer, 'key', ''));
        }
      } else {
        // No `fields`: the event carries the aggregate's key field.
        for (const field of payload.fields) {
          if (FILE_TYPES.has(field.type)) {
            findings.push(
              finding(event, field, joinPointer(event.pointer, 'name'), undefined, ' (the aggregate key, carried because the event lists no fields)'),
            );
          }
        }
      }
    }
    return findings;
  },
};
