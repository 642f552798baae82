import { isPastTenseName, proposeEventName } from '../english.js';
import { joinPointer } from '../pointer.js';
import { suggestion } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA103',
  name: 'event-past-tense',
  severity: 'error',
  summary: 'An event name ends in a past participle (Submitted, Issued, Sent, Paid).',
  hint: 'Name what happened, in the past tense: ApplicationSubmitted, not ApplicationSubmit.',
  docs: `An event records a fact that has already happened, and its name says so. The
Government24 project made this its event-naming rule ("ApplicationSubmitted") so that an
event report, a log line or a trace can be read without opening the code; a name such as
\`ApplicationSubmit\` reads as an order (a command) and is easily confused with one.

The last word of the event name must be a past participle. msa-gen knows regular
participles (Issued, Applied, Delayed, Submitted, Cancelled, Transferred) and keeps a
dictionary of irregular verbs (Sent, Paid, Written, Taken, Built, Withdrawn, Undone…), so a
name is not judged by a trailing "-ed" alone: Embed, Proceed or Need are base verbs, not
participles. A phrasal particle may follow the participle (\`UserLoggedIn\`,
\`PaymentTimedOut\`). A declared qualifier may start the name (\`CarApplicationSubmitted\`):
the check looks at the last word only.

When it can, the finding proposes a past-tense name: the last verb put in the past
(\`DocumentSend\` → \`DocumentSent\`, \`ApplicationSubmitting\` → \`ApplicationSubmitted\`), a
command-like name turned around (\`SubmitApplication\` → \`ApplicationSubmitted\`, a leading
qualifier kept in front), or an action noun turned into its verb (\`ApplicationApproval\` →
\`ApplicationApproved\`). It proposes nothing when no word is a verb it knows
(\`ApplicationStatus\`).`,
  messages: {
    notPastTense: 'Event "{{name}}" is not in the past tense{{suggestion}}',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: RequestSubmit       # did you mean "RequestSubmitted"?
  - name: DocumentSend        # did you mean "DocumentSent"?`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: RequestSubmitted
  - name: DocumentSent`,
      },
    ],
  },
  check(model, report) {
    const qualifiers = model.platform.eventQualifiers.map((q) => q.name);
    for (const e of model.events) {
      if (isPastTenseName(e.name)) continue;
      report({
        pointer: joinPointer(e.pointer, 'name'),
        messageId: 'notPastTense',
        data: { name: e.name, suggestion: suggestion(proposeEventName(e.name, qualifiers)) },
      });
    }
  },
});
