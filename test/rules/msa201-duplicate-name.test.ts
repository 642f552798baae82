import { rule } from '../../src/model/rules/msa201-duplicate-name.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'names repeat only where they may: a read model of context "lookup" shares the name of an aggregate of context "issuance".',
      edits: [
        {
          after: '- name: ApplicationResult',
          insert: `
            - name: Permit
              key: permitId
              from: [PermitIssued]
              store: cache
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'event "PermitIssued" is declared in two aggregates (its own topic, so only the name collides).',
      edits: [
        {
          after: '- name: IssuanceResultRecorded',
          insert: `
            - name: PermitIssued
              fields: [applicationId]
              topic: application.PermitIssued
          `,
        },
      ],
      errors: [
        { messageId: 'eventTwice', line: 64, column: 19, data: { name: 'PermitIssued' } },
      ],
    },
    {
      name: 'command: command "CancelApplication" is declared in two contexts.',
      edits: [
        {
          after: '- name: IssuePermit',
          insert: `
            - name: CancelApplication
              actor: Officer
              emits: [PermitIssuanceFailed]
          `,
        },
      ],
      errors: [
        { messageId: 'commandTwice', line: 60, column: 19, data: { name: 'CancelApplication' } },
      ],
    },
    {
      name: 'context: two contexts are named "application".',
      edits: [{ find: '- name: lookup', replace: '- name: application' }],
      errors: [
        { messageId: 'contextTwice', line: 72, column: 11, data: { name: 'application', entry: '1' } },
      ],
    },
    {
      name: 'event-command: a command and an event named alike ("Reset" is both an imperative verb and a past participle): both would be src/generated/schemas/Reset.schema.json.',
      edits: [
        {
          after: '- name: CancelApplication',
          insert: `
            - name: Reset
              http: POST /applications/{applicationId}/reset
              fields: [applicationId]
              emits: [Reset]
          `,
        },
        {
          after: '- name: IssuanceResultRecorded',
          insert: `
            - name: Reset
              fields: [applicationId]
              terminal: true
          `,
        },
      ],
      errors: [
        { messageId: 'commandNamedAsEvent', line: 32, column: 19, data: { name: 'Reset', event: 'Reset' } },
      ],
    },
    {
      name: 'external: external system "LandRegistry" declared twice; CadastreOffice repeats an operation of LandRegistry and offers one with the name of a command.',
      edits: [
        {
          after: '- name: LandRegistry',
          insert: `
            - name: LandRegistry
              calledBy: [issuance]
              commands: [CheckOwnership]
            - name: CadastreOffice
              calledBy: [issuance]
              commands: [VerifyParcel, RecordIssuanceResult]
          `,
        },
      ],
      errors: [
        { messageId: 'externalTwice', line: 84, column: 11, data: { name: 'LandRegistry', entry: '1' } },
        { messageId: 'operationTwice', line: 89, column: 16, data: { name: 'VerifyParcel', external: 'LandRegistry' } },
        { messageId: 'operationNamedAsCommand', line: 89, column: 30, data: { name: 'RecordIssuanceResult', external: 'CadastreOffice', command: 'RecordIssuanceResult' } },
      ],
    },
    {
      name: 'in-context: an aggregate, a policy and a read model declared twice in their context, and a read model named like an aggregate of its context.',
      edits: [
        {
          in: '- name: application',
          after: 'policies:',
          insert: `
            readModels:
              - name: Application
                key: applicationId
                from: [ApplicationSubmitted]
          `,
        },
        {
          after: '- name: Permit',
          insert: `
            - name: Permit
              fields:
                permitId: { type: uuid, key: true }
          `,
        },
        {
          after: '- name: IssuePermitWhenApplicationSubmitted',
          insert: `
            - name: IssuePermitWhenApplicationSubmitted
              on: ApplicationSubmitted
              then: IssuePermit
          `,
        },
        {
          after: '- name: ApplicationResult',
          insert: `
            - name: ApplicationResult
              key: applicationId
              from: [ApplicationSubmitted, PermitIssued]
              store: cache
          `,
        },
      ],
      errors: [
        { messageId: 'readModelNamedAsAggregate', line: 49, column: 15, data: { name: 'Application', aggregate: 'Application', context: 'application' } },
        { messageId: 'aggregateTwice', line: 70, column: 15, data: { name: 'Permit', context: 'issuance', entry: '1' } },
        { messageId: 'policyTwice', line: 78, column: 15, data: { name: 'IssuePermitWhenApplicationSubmitted', context: 'issuance', entry: '1' } },
        { messageId: 'readModelTwice', line: 89, column: 15, data: { name: 'ApplicationResult', context: 'lookup', entry: '1' } },
      ],
    },
    {
      name: 'saga: saga "PermitProcessing" declared twice.',
      edits: [
        { after: 'name: IssuePermit', insert: 'http: POST /permits' },
        {
          after: '- name: PermitProcessing',
          insert: `
            - name: PermitProcessing
              coordination: orchestration
              steps:
                - command: SubmitApplication
                  compensation: CancelApplication
                - command: IssuePermit
          `,
        },
      ],
      errors: [
        { messageId: 'sagaTwice', line: 98, column: 11, data: { name: 'PermitProcessing', entry: '1' } },
      ],
    },
  ],
});
