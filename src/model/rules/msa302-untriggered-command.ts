import { triggersByCommand } from '../graph.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA302',
  name: 'untriggered-command',
  severity: 'warning',
  summary: 'Every command is triggered: by an `http` route, an `actor`, a policy, a saga step or compensation, or a call.',
  hint: 'Give the command an `http` route or an `actor`, issue it from a policy, a saga or a call, or remove it.',
  docs: `A command is something the platform does, and something must ask for it: a person
(\`actor\`, usually through an \`http\` route), a policy reacting to an event (\`then\`), a saga
(a step or a compensation) or another service through a synchronous call. A command that
nothing triggers generates a handler that never runs: dead code, or a missing link in the
flow.

Government24's flows show every kind: a citizen submits an application over HTTP; the
issuance service issues the document when the application event arrives (a policy); the
compensation cancels the application when issuance fails (a saga compensation); immediate
issuance records its result through a REST call to the application service.`,
  messages: {
    untriggered: 'Command "{{command}}" is triggered by nothing: no http route, actor, policy, saga step, compensation or call',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `commands:
  - name: ArchiveApplication          # no http, actor, policy, saga or call
    emits: [ApplicationArchived]`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `commands:
  - name: ArchiveApplication
    actor: Officer
    http: POST /applications/{applicationId}/archive
    emits: [ApplicationArchived]`,
      },
    ],
  },
  check(model, report) {
    const triggers = triggersByCommand(model);
    for (const command of model.commands) {
      if (command.http || command.actor !== undefined || (triggers.get(command.name)?.length ?? 0) > 0) continue;
      report({ pointer: joinPointer(command.pointer, 'name'), messageId: 'untriggered', data: { command: command.name } });
    }
  },
});
