import type { HttpRoute } from '../ir.js';
import { parsePath } from '../routes.js';
import { clipMiddle as clip } from '../quote.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA406',
  name: 'route-template',
  severity: 'error',
  summary:
    'Route templates are well-formed: no empty, `.` or `..` segment, no trailing `/` but the root, each `{parameter}` a whole segment with balanced braces, named once; a read model\'s route has a parameter.',
  hint: 'Write the path as `/literal/{field}/literal`: segments of letters, digits, `.`, `_` and `-`, and parameters that are whole segments naming a field.',
  docs: `An \`http\` route is a template: \`POST /applications/{applicationId}/result\`. The generated
service registers it with its HTTP router (Fastify), the generated clients and the
orchestrator fill its \`{parameters}\` from the command's input, and the starter tests call it.
A template the router reads differently from what it says serves something else, or nothing:

- \`{applicationId\` (an unclosed brace) and \`{}\` are literal text to the router, not
  parameters; \`{id}x\` makes the router look for a parameter named \`idx\`.
- \`/a/{id}/{id}\` names one parameter twice: the second value overwrites the first.
- \`/a/../b\` and \`/a/./b\` are resolved away by clients and proxies before the request reaches
  the service; \`/a//b\` and a trailing \`/\` (\`/applications/\`) are routes no client calls by
  that name.

So: the path starts with \`/\`; every segment between slashes is either literal text (letters,
digits, \`.\`, \`_\`, \`-\`; not \`.\` or \`..\`) or a whole-segment parameter \`{name}\`, its name
an identifier; no segment is empty, so there is no \`//\` and no trailing \`/\` except the root
\`/\` itself; no parameter appears twice. That each parameter names a field of the payload (or is
the read model's key) is MSA206's concern. A read model's route looks its key up, so it holds
a parameter.`,
  messages: {
    /** `kind`: command, read model; `path` clipped in the middle; `problems`: what is wrong, the first three; `more`: how many more. */
    malformed: 'Route "{{method}} {{path}}" of {{kind}} "{{name}}" {{problems}}{{more}}',
    /** `segment`: the key as a path parameter, `{applicationId}`. */
    noParameter: {
      text: 'Route "{{method}} {{path}}" of {{kind}} "{{name}}" has no parameter; a lookup route takes the read model\'s key',
      hint: 'Add the key as a segment: {{method}} {{base}}/{{segment}}.',
    },
  },
  examples: {
    fails: [
      {
        at: { commands: '/contexts/0/aggregates/0', readModels: '/contexts/2' },
        yaml: `commands:
  - name: RecordIssuanceResult
    http: POST /applications/{applicationId/result     # unclosed brace
  - name: CancelApplication
    http: POST /applications/{applicationId}x           # not a whole segment
readModels:
  - name: ApplicationResult
    key: applicationId
    http: GET /application-results/                    # trailing slash, no key`,
      },
    ],
    passes: [
      {
        at: { commands: '/contexts/0/aggregates/0', readModels: '/contexts/2' },
        yaml: `commands:
  - name: RecordIssuanceResult
    http: POST /applications/{applicationId}/result
readModels:
  - name: ApplicationResult
    key: applicationId
    http: GET /application-results/{applicationId}`,
      },
    ],
  },
  check(model, report) {
    const check = (route: HttpRoute, owner: { kind: string; name: string }, lookupKey?: string) => {
      const { segments, problems } = parsePath(route.path);
      const data = { ...owner, method: route.method, path: clip(route.path) };
      if (problems.length > 0) {
        const more = problems.length > 3 ? `; and ${problems.length - 3} more problems` : '';
        report({ pointer: route.pointer, messageId: 'malformed', data: { ...data, problems: problems.slice(0, 3).join('; '), more } });
        return;
      }
      if (lookupKey !== undefined && !segments.some((s) => s.kind === 'param')) {
        report({
          pointer: route.pointer,
          messageId: 'noParameter',
          data: { ...data, base: clip(route.path === '/' ? '' : route.path), segment: `{${clip(lookupKey)}}` },
        });
      }
    };
    // A conventional route is made of names the naming rules check (MSA105, MSA107).
    for (const command of model.commands) if (command.http && !command.http.conventional) check(command.http, { kind: 'command', name: command.name });
    for (const readModel of model.readModels) {
      // Without an \`http\`, the route is msa-gen's: GET /<kebab-name>s/{<key>}.
      if (readModel.http.pointer === readModel.pointer) continue;
      check(readModel.http, { kind: 'read model', name: readModel.name }, readModel.key.name);
    }
  },
});
