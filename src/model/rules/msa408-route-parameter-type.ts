import type { Command, Field } from '../ir.js';
import { clipMiddle as clip } from '../quote.js';
import { defineRule } from './rule.js';

/** Field types whose values are JSON numbers or booleans: a URL carries none of them. */
const NOT_TEXT: ReadonlySet<Field['type']> = new Set(['int', 'number', 'money', 'boolean']);

/** Why a value of `field` cannot come as text from a URL, or undefined when it can. */
function notText(field: Field): string | undefined {
  if (field.list) return `a list of ${field.type} values`;
  if (NOT_TEXT.has(field.type)) return `${field.type === 'int' ? 'an' : 'a'} ${field.type} field`;
  return undefined;
}

/** The field a route parameter of a command fills: a payload field, else the aggregate's. */
function paramField(command: Command, param: string): Field | undefined {
  return command.payload.fields.find((f) => f.name === param) ?? command.aggregate.fields.find((f) => f.name === param);
}

export const rule = defineRule({
  code: 'MSA408',
  name: 'route-parameter-type',
  severity: 'error',
  summary:
    "A command route's path parameters name text fields, and a GET or DELETE command, whose input comes from the query string, requires no number, boolean or list field.",
  hint: 'Use a text field (string, uuid, date…) in the path; send numbers, booleans and lists in the body of a POST, PUT or PATCH.',
  docs: `The generated service merges a command's path parameters, and for GET and DELETE routes its
query string, into the command's input, then checks the input against the command's JSON
schema. The router hands path parameters and query values over as text: \`/permits/3\` gives
\`copies: "3"\`, never the integer 3. A field of type \`int\`, \`number\`, \`money\` or \`boolean\`,
or a \`list\`, taken from the URL therefore never matches its schema, and the route refuses
every request with 400.

So a path parameter names a text field (\`string\`, \`text\`, \`uuid\`, \`date\`, \`datetime\`,
\`url\`, \`email\`, \`enum\`), and a GET or DELETE command, which has no body, requires no
field of the other types. Read-model lookups are not concerned: they look their key up as
text whatever its type.`,
  messages: {
    /** `segment`: the parameter, `{copies}`; `why`: what the field holds (`an int field`, `a list of uuid values`). */
    pathParameter:
      'Route "{{method}} {{path}}" of command "{{command}}" has the parameter {{segment}}, {{why}}; a path parameter arrives as text, so the command\'s schema refuses every request',
    queryField: {
      text: 'Command "{{command}}" is served at "{{method}} {{path}}", so its input comes from the query string as text, but it requires "{{field}}", {{why}}; every request would be refused',
      hint: 'Serve "{{command}}" with POST, PUT or PATCH (its input then comes in the body), or make "{{field}}" optional.',
    },
  },
  examples: {
    fails: [
      {
        at: '/contexts/1',
        yaml: `aggregates:
  - name: Permit
    fields:
      permitId: { type: uuid, key: true }
      copies: int
    commands:
      - name: PrintPermit
        http: POST /permits/{permitId}/copies/{copies}    # an int in the path
        fields: [permitId, copies]`,
      },
    ],
    passes: [
      {
        at: '/contexts/1',
        yaml: `aggregates:
  - name: Permit
    fields:
      permitId: { type: uuid, key: true }
      copies: int
    commands:
      - name: PrintPermit
        http: POST /permits/{permitId}/copies             # copies in the body
        fields: [permitId, copies]`,
      },
    ],
  },
  check(model, report) {
    for (const command of model.commands) {
      const http = command.http;
      if (!http) continue;
      const route = { method: http.method, path: clip(http.path), command: command.name };
      for (const param of http.params) {
        const field = paramField(command, param);
        const why = field && notText(field);
        if (!why) continue; // an unknown field is MSA206's
        report({ pointer: http.pointer, messageId: 'pathParameter', data: { ...route, segment: `{${param}}`, why } });
      }
      if (http.method !== 'GET' && http.method !== 'DELETE') continue;
      for (const field of command.payload.fields) {
        if (field.optional || http.params.includes(field.name)) continue;
        const why = notText(field);
        if (!why) continue;
        report({ pointer: http.pointer, messageId: 'queryField', data: { ...route, field: field.name, why } });
      }
    }
  },
});
