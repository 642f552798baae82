import { rule } from '../../src/model/rules/msa204-unknown-command.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal)',
      model: `
        version: 1
      `,
    },
  ],
  invalid: [
    {
      name: 'a policy of context "application" issues a command of context "issuance".',
      edits: [
        {
          after: '- name: CancelApplicationWhenIssuanceFailed',
          insert: `
            - name: IssuePermitWhenApplicationSubmitted
              on: ApplicationSubmitted
              then: IssuePermit
          `,
        },
        { in: '- name: issuance', remove: 'policies:' },
      ],
      errors: [
        { messageId: 'policyCommandOfOtherContext', line: 50, column: 15, data: { policy: 'IssuePermitWhenApplicationSubmitted', command: 'IssuePermit', context: 'application', target: 'issuance' } },
      ],
    },
    {
      name: 'call: a call names a misspelt command of its `to` context, and a second call names a command of another context.',
      edits: [
        { find: 'command: RecordIssuanceResult', replace: 'command: RecordIssuanceResults' },
        {
          after: '- from: issuance',
          insert: `
            - from: application
              to: issuance
              command: RecordIssuanceResult
          `,
        },
      ],
      errors: [
        { messageId: 'callUnknownCommand', line: 88, column: 14, data: { from: 'issuance', to: 'application', command: 'RecordIssuanceResults' } },
        { messageId: 'callCommandOfOtherContext', line: 91, column: 14, data: { from: 'application', to: 'issuance', command: 'RecordIssuanceResult', target: 'application' } },
      ],
    },
    {
      name: 'call-by: A call made by a command its context does not have (IssuePermits: misspelt). A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      edits: [{ after: 'command: RecordIssuanceResult', insert: 'by: [IssuePermits]' }],
      errors: [
        { messageId: 'callByUnknownCommand', line: 89, column: 10, data: { from: 'issuance', command: 'IssuePermits' } },
      ],
    },
    {
      name: 'misspelt: a policy issues a misspelt command.',
      edits: [{ find: 'then: CancelApplication', replace: 'then: CancelAplication' }],
      errors: [
        { messageId: 'policyUnknownCommand', line: 47, column: 15, data: { policy: 'CancelApplicationWhenIssuanceFailed', command: 'CancelAplication', context: 'application' } },
      ],
    },
    {
      name: 'saga: a saga step and a compensation name misspelt commands.',
      edits: [
        { find: 'compensation: CancelApplication', replace: 'compensation: CancelApplicaton' },
        { find: '- command: IssuePermit', replace: '- command: IssuePermits' },
      ],
      errors: [
        { messageId: 'compensationUnknownCommand', line: 95, column: 23, data: { saga: 'PermitProcessing', step: '1', command: 'CancelApplicaton' } },
        { messageId: 'stepUnknownCommand', line: 96, column: 18, data: { saga: 'PermitProcessing', step: '2', command: 'IssuePermits' } },
      ],
    },
    {
      name: 'a call made by a command of another context, and a call to no context naming a command the model lacks',
      model: `
        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult
            by: [SubmitApplication]
          - from: issuance
            to: nowhere
            command: NoSuchCommand
      `,
      errors: [
        { messageId: 'callByCommandOfOtherContext', line: 5, column: 10, data: { from: 'issuance', command: 'SubmitApplication' } },
        { messageId: 'callUnknownCommandAnywhere', line: 8, column: 14, data: { from: 'issuance', to: 'nowhere', command: 'NoSuchCommand' } },
      ],
    },
  ],
});
