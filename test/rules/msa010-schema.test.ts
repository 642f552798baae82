import { rule } from '../../src/model/rules/msa010-schema.js';
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
      name: 'A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      edits: [
        { after: 'title: Permit applications', insert: 'comunication: async' },
        { find: 'documentUrl: url', replace: 'documentUrl: link' },
        { find: '- name: LandRegistry', replace: '- title: LandRegistry' },
      ],
      errors: [
        { messageId: 'unknownKey', line: 17, column: 5 },
        { messageId: 'notInEnum', line: 23, column: 24 },
        { messageId: 'required', line: 82, column: 5, data: { key: 'name' } },
      ],
    },
    {
      name: 'infinite: YAML\'s .inf and .nan are numbers to a YAML reader, but no number a setting can take.',
      edits: [
        { find: 'retry: { maxAttempts: 3, backoffMs: 100, multiplier: 2 }', replace: 'retry: { maxAttempts: 3, backoffMs: 100, multiplier: .inf }' },
        { after: 'command: RecordIssuanceResult', insert: 'timeoutMs: .nan' },
      ],
      errors: [
        { messageId: 'wrongType', line: 12, column: 58, data: { actual: 'infinite' } },
        { messageId: 'wrongType', line: 89, column: 16 },
      ],
    },
    {
      name: 'quantity: "256K" is no Kubernetes memory quantity (the decimal kilo is "k"): the chart\'s values schema, and the API server, would refuse it at install time.',
      edits: [{ after: 'title: Permit issuance', insert: 'deploy: { memory: 256K }' }],
      errors: [
        { messageId: 'noMatch', line: 51, column: 23 },
      ],
    },
    {
      name: 'sizes: sizes. A title longer than 200 characters, a field name longer than 100, an enum value longer than 200, a description longer than 10,000 and numbers beyond what Kubernetes, Kafka and timers take.',
      edits: [
        { find: 'title: Permit Office', replace: 'title: Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office ' },
        { remove: 'status: { type: enum, values: [Received, Issued, Cancelled] }' },
        {
          after: 'documentUrl: url',
          insert: `
            attachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentUrl: url
            status: { type: enum, values: [Received, Issued, Cancelled, WithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawn] }
          `,
        },
        {
          after: 'title: Permit issuance',
          insert: `
            description: Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. 
            deploy: { replicas: 3000000000 }
          `,
        },
        { after: 'command: RecordIssuanceResult', insert: 'timeoutMs: 1e300' },
      ],
      errors: [
        { messageId: 'tooLong', line: 7, column: 10, data: { length: '209', limit: '200' } },
        { messageId: 'keyTooLong', line: 23, column: 11, data: { length: '113', limit: '100' } },
        { messageId: 'tooLong', line: 24, column: 71, data: { length: '207', limit: '200' } },
        { messageId: 'tooLong', line: 52, column: 18 },
        { messageId: 'tooLarge', line: 53, column: 25, data: { value: '3000000000', limit: '2147483647' } },
        { messageId: 'tooLarge', line: 92, column: 16, data: { value: '1e+300', limit: '2147483647' } },
      ],
    },
    {
      name: 'the version is not 1, and autoscaling is true (a map or false)',
      model: `
        version: 2
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            defaults:
              autoscaling: true
      `,
      errors: [
        { messageId: 'notConst', line: 1, column: 10, data: { expected: '1', value: '2' } },
        { messageId: 'notConst', line: 8, column: 20, data: { expected: 'false', value: 'true' } },
      ],
    },
    {
      name: 'a field type given as a list, an enum without values, an enum value listed twice',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  documentUrl: [url]
                  status: { type: enum, values: [] }
                  stage: { type: enum, values: [Received, Received] }
                commands:
                  - name: SubmitApplication
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    terminal: true
      `,
      errors: [
        { messageId: 'noShape', line: 8, column: 24 },
        { messageId: 'invalid', line: 9, column: 41 },
        { messageId: 'duplicateItem', line: 10, column: 41, data: { first: '2', second: '1' } },
      ],
    },
  ],
  unreachable: {
    keyInvalid: 'the schema restricts mapping keys by their length only: keyTooLong',
  },
});
