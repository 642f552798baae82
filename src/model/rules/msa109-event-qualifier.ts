import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA109',
  name: 'event-qualifier',
  severity: 'error',
  summary: "A context's qualifier is declared in platform.naming.eventQualifiers and every event of the context starts with it.",
  hint: 'Declare the qualifier, or start the event name with it: CarApplicationSubmitted.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
