import { rule } from '../../src/model/rules/msa205-unknown-context.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'calls, externals and the orchestrator name declared contexts.',
      edits: [
        { after: 'name: CancelApplication', insert: 'http: POST /applications/{applicationId}/cancel' },
        { find: 'coordination: choreography', replace: 'coordination: orchestration' },
        { after: 'coordination: orchestration', insert: 'orchestrator: issuance' },
      ],
    },
  ],
  invalid: [
    {
      name: 'a call and an external system name misspelt contexts.',
      edits: [
        { find: 'calledBy: [issuance]', replace: 'calledBy: [issuance, linkage]' },
        { find: '- from: issuance', replace: '- from: issuence' },
        { find: 'to: application', replace: 'to: aplication' },
      ],
      errors: [
        { messageId: 'calledBy', line: 82, column: 26, data: { external: 'LandRegistry', context: 'linkage' } },
        { messageId: 'callFrom', line: 86, column: 11, data: { command: 'RecordIssuanceResult', context: 'issuence' } },
        { messageId: 'callTo', line: 87, column: 9, data: { command: 'RecordIssuanceResult', context: 'aplication' } },
      ],
    },
    {
      name: 'orchestrator: an orchestration saga names a misspelt orchestrator context.',
      edits: [
        { find: 'coordination: choreography', replace: 'coordination: orchestration' },
        { after: 'coordination: orchestration', insert: 'orchestrator: isuance' },
      ],
      errors: [
        { messageId: 'orchestrator', line: 93, column: 19, data: { saga: 'PermitProcessing', context: 'isuance' } },
      ],
    },
  ],
});
