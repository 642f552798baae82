import { rule } from '../../src/model/rules/msa110-text-characters.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'descriptions over several lines with tabs, titles in Korean, an emoji, a status value with spaces.',
      edits: [
        { find: 'title: Permit applications', replace: 'title: 민원 신청 📨' },
        {
          after: 'title: 민원 신청 📨',
          insert: `
            description: |
              Receives applications.
              	Checks them before issuance.
          `,
        },
        { after: 'store: database', insert: 'status: { PermitIssued: Permit issued }' },
      ],
    },
  ],
  invalid: [
    {
      name: 'a line break in a context title (it would end the Dockerfile\'s comment line and start an instruction), a line break in the platform title (a live key in the Helm values), an escape sequence in an enum value, a bell in an actor, a right-to-left override in a description.',
      edits: [
        { find: 'title: Permit Office', replace: 'title: "Permit Office\\nglobal: { image: { registry: evil.example } }"' },
        { find: 'title: Permit applications', replace: 'title: "x)\\nRUN touch pwned \\\\\\n# ("' },
        { after: 'title: "x)\\nRUN touch pwned \\\\\\n# ("', insert: 'description: "Applications of citizens, \\u202Efdp.exe"' },
        { find: 'status: { type: enum, values: [Received, Issued, Cancelled] }', replace: 'status: { type: enum, values: [Received, "\\e[31mIssued", Cancelled] }' },
        { find: 'actor: Citizen', replace: 'actor: "Citizen\\a"' },
      ],
      errors: [
        { messageId: 'notOneLine', line: 7, column: 10, data: { position: '14' } },
        { messageId: 'notOneLine', line: 16, column: 12, data: { position: '3' } },
        { messageId: 'forbiddenCharacter', line: 17, column: 18, data: { position: '27' } },
        { messageId: 'forbiddenCharacter', line: 24, column: 52, data: { position: '1' } },
        { messageId: 'forbiddenCharacter', line: 27, column: 20, data: { position: '8' } },
      ],
    },
    {
      name: 'separators: next line (U+0085) and line separator (U+2028) in titles, which YAML 1.1 readers and JavaScript take for line breaks; a tab in a status value; an unpaired surrogate.',
      edits: [
        { find: 'title: Permit applications', replace: 'title: "Permit\\u0085applications"' },
        { find: 'title: Permit issuance', replace: 'title: "Permit\\u2028issuance"' },
        { after: 'title: "Permit\\u2028issuance"', insert: 'description: "Issues permits \\uD800 alone"' },
        { after: 'store: database', insert: 'status: { PermitIssued: "Permit\\tissued" }' },
      ],
      errors: [
        { messageId: 'notOneLine', line: 16, column: 12, data: { position: '7' } },
        { messageId: 'notOneLine', line: 50, column: 12, data: { position: '7' } },
        { messageId: 'forbiddenCharacter', line: 51, column: 18, data: { character: 'U+D800', position: '16' } },
        { messageId: 'notOneLine', line: 80, column: 33, data: { position: '7' } },
      ],
    },
  ],
});
