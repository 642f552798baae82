import { rule } from '../../src/model/rules/msa304-broken-choreography.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal)',
      model: `
        version: 1
      `,
    },
    {
      name: 'orchestration: an orchestration saga needs no policies between its steps.',
      edits: [
        { after: 'name: CancelApplication', insert: 'http: POST /applications/{applicationId}/cancel' },
        { in: '- name: issuance', remove: 'policies:' },
        { find: 'coordination: choreography', replace: 'coordination: orchestration' },
        { after: 'coordination: orchestration', insert: 'orchestrator: issuance' },
      ],
    },
  ],
  invalid: [
    {
      name: 'no policy issues IssuePermit on an event of SubmitApplication.',
      edits: [{ in: '- name: issuance', remove: 'policies:' }],
      errors: [
        { messageId: 'notIssued', line: 91, column: 18, data: { saga: 'PermitProcessing', step: '2', command: 'IssuePermit', previousStep: '1', previous: 'SubmitApplication', events: 'ApplicationSubmitted', context: 'issuance', policy: 'IssuePermitWhenApplicationSubmitted', trigger: 'ApplicationSubmitted' } },
      ],
    },
    {
      name: 'no-event: step 1 emits no event, so no policy can issue step 2.',
      edits: [
        {
          after: '- name: CancelApplication',
          insert: `
            - name: ReviewApplication
              actor: Officer
          `,
        },
        { find: '- command: SubmitApplication', replace: '- command: ReviewApplication' },
      ],
      errors: [
        { messageId: 'noEvents', line: 98, column: 18, data: { saga: 'PermitProcessing', step: '2', command: 'IssuePermit', previousStep: '1', previous: 'ReviewApplication', context: 'issuance' } },
      ],
    },
    {
      name: 'wrong-event: the policy that issues IssuePermit listens to an event of another step.',
      edits: [{ find: 'on: ApplicationSubmitted', replace: 'on: IssuanceResultRecorded' }],
      errors: [
        { messageId: 'notIssued', line: 96, column: 18, data: { saga: 'PermitProcessing', step: '2', command: 'IssuePermit', previousStep: '1', previous: 'SubmitApplication', events: 'ApplicationSubmitted', context: 'issuance', policy: 'IssuePermitWhenApplicationSubmitted', trigger: 'ApplicationSubmitted' } },
      ],
    },
  ],
});
