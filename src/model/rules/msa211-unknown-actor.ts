import { joinPointer } from '../pointer.js';
import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA211',
  name: 'unknown-actor',
  severity: 'error',
  summary: "When the model declares `actors:`, every command's `actor` is one of them.",
  hint: 'Name a declared actor, or declare this one under `actors:` with the role claim that identifies it.',
  docs: `A command's \`actor\` is an access rule of the generated platform: its route accepts only
bearer tokens carrying that actor's role (services of the platform aside). The top-level
\`actors:\` list says which role claim identifies each actor, whether it may see fields marked
\`pii\`, whether it sees only its own records (\`records: own\`, the default, through the
\`owner:\` of an aggregate or read model) and whether it may use the admin routes
(\`operator: true\`).

An actor the list does not declare has no role: nobody could call the command. A model without
\`actors:\` keeps working: each name a command uses is a role of that name that sees every
record and personal data, and \`operator\` uses the admin routes.

In Government24 a citizen submits complaints and reads only their own results; an
administrator publishes guides.`,
  messages: {
    unknownActor: {
      text: 'Command "{{command}}" names actor "{{actor}}", which is not declared under `actors:`{{suggestion}}',
      hint: 'Declare "{{actor}}" under `actors:` (name, role), or name one of: {{actors}}.',
    },
  },
  examples: {
    fails: [
      {
        at: { actors: '', aggregates: '/contexts/0' },
        yaml: `actors:
  - { name: Citizen, role: citizen }
aggregates:
  - name: Application
    commands:
      - name: SubmitApplication
        actor: Citzen                    # not declared`,
      },
    ],
    passes: [
      {
        at: { actors: '', aggregates: '/contexts/0' },
        yaml: `actors:
  - { name: Citizen, role: citizen }
aggregates:
  - name: Application
    commands:
      - name: SubmitApplication
        actor: Citizen`,
      },
    ],
  },
  check(model, report) {
    if (!model.actorsDeclared) return;
    const names = (model.actors ?? []).map((a) => a.name);
    for (const command of model.commands) {
      if (command.actor === undefined || names.includes(command.actor)) continue;
      report({
        pointer: joinPointer(command.pointer, 'actor'),
        messageId: 'unknownActor',
        data: {
          command: command.name,
          actor: command.actor,
          suggestion: didYouMean(command.actor, names),
          actors: names.join(', ') || '(none declared)',
        },
      });
    }
  },
});
