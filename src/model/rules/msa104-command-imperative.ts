import { words } from '../case.js';
import { checkCommandName } from '../english.js';
import { joinPointer } from '../pointer.js';
import { suggestion } from '../suggest.js';
import { defineRule } from './rule.js';

const MESSAGE = { past: 'pastTense', gerund: 'gerund', 'noun-first': 'nounFirst' } as const;

export const rule = defineRule({
  code: 'MSA104',
  name: 'command-imperative',
  severity: 'error',
  summary: 'A command name starts with an imperative verb (SubmitApplication, IssueDocument).',
  hint: 'Put the verb first, in the imperative: SubmitApplication, not ApplicationSubmit or SubmittedApplication.',
  docs: `A command asks an aggregate to do something, so its name is an order: an imperative verb
and then its object, as in the Government24 model's \`SubmitGeneralApplication\`,
\`IssueGeneralDocument\` and \`NotifyCitizen\`. The command's route, handler and request type
are named after it, and the reader of an event-storming board tells commands (blue) from
events (orange) by this form: \`SubmittedApplication\` or \`ApplicationSubmit\` reads like an
event or a noun.

The rule reports a first word that is a past tense or participle (\`SubmittedApplication\`),
a gerund (\`SubmittingApplication\`), or a noun: a word of an aggregate's name in the model
(\`ApplicationSubmit\`; also \`PermitRenew\`, although "permit" is a verb too), a word with a
noun suffix (-tion, -sion, -ment, -ness, -ity, -ance, -ence, -ship, -al), or a first word the
dictionary does not know followed by a verb (\`StatusUpdate\`). The suggestion puts the verb
first, in the imperative, or the verb of an action noun (\`ApplicationApproval\` →
\`ApproveApplication\`).

The dictionary holds a few hundred verbs common in public-service and business models
(submit, issue, notify, cancel, lodge, screen, fulfil…). A first word it does not know and
that shows none of these signs is accepted: the rule prefers missing a bad name to rejecting
a real verb. Words such as \`Re\`, \`Auto\` or \`Bulk\` before the verb are accepted
(\`AutoRenewLicence\`).`,
  messages: {
    pastTense: 'Command "{{name}}" starts with a past-tense verb, not an imperative{{suggestion}}',
    gerund: 'Command "{{name}}" starts with a gerund, not an imperative verb{{suggestion}}',
    nounFirst: 'Command "{{name}}" does not start with an imperative verb{{suggestion}}',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `commands:
  - name: ApplicationSubmit       # did you mean "SubmitApplication"?
  - name: SubmittedApplication    # did you mean "SubmitApplication"?`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `commands:
  - name: SubmitApplication`,
      },
    ],
  },
  check(model, report) {
    const nouns = new Set(model.aggregates.flatMap((a) => words(a.name).map((w) => w.toLowerCase())));
    for (const c of model.commands) {
      const problem = checkCommandName(c.name, nouns);
      if (problem === undefined) continue;
      report({
        pointer: joinPointer(c.pointer, 'name'),
        messageId: MESSAGE[problem.problem],
        data: { name: c.name, suggestion: suggestion(problem.proposal) },
      });
    }
  },
});
