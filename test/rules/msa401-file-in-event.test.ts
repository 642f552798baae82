import { rule } from '../../src/model/rules/msa401-file-in-event.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'The aggregate keeps its file; the events carry reference links (url fields).',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  attachment: file
                  attachmentUrl: url
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    fields: [applicationId, citizenId, attachment]
                    emits: [ApplicationSubmitted]
                  - name: AddScan
                    actor: Citizen
                    http: POST /applications/{applicationId}/scans
                    fields: [applicationId, attachment]
                    emits: [ScanAdded]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, attachmentUrl]
                    terminal: true
                  - name: ScanAdded
                    fields:
                      applicationId: uuid
                      scanUrl: url
                    terminal: true
      `,
    },
  ],
  invalid: [
    {
      name: 'The event lists the aggregate\'s file field: the file body would travel on the topic.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  attachment: file
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    fields: [applicationId, citizenId, attachment]
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, attachment]
                    terminal: true
      `,
      errors: [
        { messageId: 'fileField', line: 18, column: 48, data: { event: 'ApplicationSubmitted', field: 'attachment', type: 'file' } },
      ],
    },
    {
      name: 'own-field: The event declares fields of its own, one a list of binary scans.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  documentUrl: url
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    fields: [applicationId, documentUrl]
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields:
                      applicationId: uuid
                      scans: { type: binary, list: true }
                    terminal: true
      `,
      errors: [
        { messageId: 'fileList', line: 19, column: 15, data: { event: 'ApplicationSubmitted', field: 'scans', type: 'binary' } },
      ],
    },
    {
      name: 'events without fields carry the aggregate key, here a file and a list of files',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  scan: { type: file, key: true }
                commands:
                  - name: SubmitApplication
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    terminal: true
              - name: Bundle
                fields:
                  scans: { type: file, list: true, key: true }
                commands:
                  - name: SubmitBundle
                    http: POST /bundles
                    emits: [BundleSubmitted]
                events:
                  - name: BundleSubmitted
                    terminal: true
      `,
      errors: [
        { messageId: 'fileKey', line: 13, column: 19, data: { event: 'ApplicationSubmitted', field: 'scan', type: 'file' } },
        { messageId: 'fileKeyList', line: 23, column: 19, data: { event: 'BundleSubmitted', field: 'scans', type: 'file' } },
      ],
    },
  ],
});
