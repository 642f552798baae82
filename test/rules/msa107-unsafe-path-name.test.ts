import { rule } from '../../src/model/rules/msa107-unsafe-path-name.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'names close to device names (console, Auxiliary) are fine, and no two names of one folder differ only in letter case.',
      model: `
        contexts:
          - name: console
            title: Clerk console
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: ResubmitApplication
                    actor: Citizen
                    emits: [ApplicationResubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
                  - name: ApplicationResubmitted
                    fields: [applicationId]
                    terminal: true
              - name: Auxiliary
                fields:
                  auxiliaryId: { type: uuid, key: true }
                commands:
                  - name: RegisterAuxiliary
                    actor: Clerk
                    emits: [AuxiliaryRegistered]
                events:
                  - name: AuxiliaryRegistered
                    fields: [auxiliaryId]
                    terminal: true
      `,
    },
  ],
  invalid: [
    {
      name: 'the events ApplicationSubmitted and Applicationsubmitted differ only in letter case; their files clash on case-insensitive file systems. Reported at the second.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: ResubmitApplication
                    actor: Citizen
                    emits: [Applicationsubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
                  - name: Applicationsubmitted
                    fields: [applicationId]
                    terminal: true
      `,
      errors: [
        { messageId: 'caseClash', line: 21, column: 19, data: { kind: 'Event', name: 'Applicationsubmitted', firstKind: 'event', first: 'ApplicationSubmitted' } },
      ],
    },
    {
      name: 'case-event-command: an event of the application context and a command of the issuance context that differ only in letter case: the issuance service holds both schemas in one folder.',
      edits: [
        {
          after: '- name: CancelApplication',
          insert: `
            - name: FlagApplication
              http: POST /applications/{applicationId}/flag
              fields: [applicationId]
              emits: [PutApplicationSet]
          `,
        },
        {
          after: '- name: IssuanceResultRecorded',
          insert: `
            - name: PutApplicationSet
              fields: [applicationId]
          `,
        },
        {
          after: '- name: IssuePermit',
          insert: `
            - name: PutApplicationset
              emits: [PermitIssued]
          `,
        },
        {
          after: '- name: IssuePermitWhenApplicationSubmitted',
          insert: `
            - name: PutApplicationsetWhenPutApplicationSet
              on: PutApplicationSet
              then: PutApplicationset
          `,
        },
      ],
      errors: [
        { messageId: 'caseClash', line: 66, column: 19, data: { kind: 'Command', name: 'PutApplicationset', firstKind: 'event', first: 'PutApplicationSet' } },
      ],
    },
    {
      name: 'case-policy: in one context, the policy ReceiptRecorder and the aggregate ReceiptRECORDER differ only in letter case; the context\'s files clash on case-insensitive file systems.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
              - name: ReceiptRECORDER
                fields:
                  receiptId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: RecordReceipt
                    emits: [ReceiptRecorded]
                events:
                  - name: ReceiptRecorded
                    fields: [receiptId, applicationId]
                    terminal: true
            policies:
              - name: ReceiptRecorder
                on: ApplicationSubmitted
                then: RecordReceipt
      `,
      errors: [
        { messageId: 'caseClash', line: 29, column: 15, data: { kind: 'Policy', name: 'ReceiptRecorder', firstKind: 'aggregate', first: 'ReceiptRECORDER' } },
      ],
    },
    {
      name: 'device: the context "con" is a DNS-1123 label but a Windows device name: services/con/ cannot be created on Windows.',
      model: `
        contexts:
          - name: con
            title: Consultations
            aggregates:
              - name: Consultation
                fields:
                  consultationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: BookConsultation
                    actor: Citizen
                    http: POST /consultations
                    emits: [ConsultationBooked]
                events:
                  - name: ConsultationBooked
                    fields: [consultationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'deviceName', line: 2, column: 11, data: { kind: 'Context', name: 'con' } },
      ],
    },
    {
      name: 'length: an event name longer than 100 characters becomes a file name too long to nest safely.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [GeneralComplaintApplicationForTheResidentRegistrationCertificateWithAttachedEvidenceAndVerifiedIdentitySubmitted]
                events:
                  - name: GeneralComplaintApplicationForTheResidentRegistrationCertificateWithAttachedEvidenceAndVerifiedIdentitySubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'tooLong', line: 15, column: 19, data: { kind: 'Event', length: '112', limit: '100' } },
      ],
    },
    {
      name: 'external systems named with a NUL, a control character, a slash, "..", a colon and a trailing space; the platform named con, a Windows device name',
      model: `
        platform:
          name: con
          title: Permit Office
          eventTypePrefix: gov.example.permits

        externals:
          - name: "Land\\0Registry"
            calledBy: [issuance]
            commands: [VerifyParcel]
          - name: "Land\\x01Registry"
            calledBy: [issuance]
            commands: [VerifyParcel]
          - name: Land/Registry
            calledBy: [issuance]
            commands: [VerifyParcel]
          - name: Land..Registry
            calledBy: [issuance]
            commands: [VerifyParcel]
          - name: "Land:Registry"
            calledBy: [issuance]
            commands: [VerifyParcel]
          - name: "LandRegistry "
            calledBy: [issuance]
            commands: [VerifyParcel]
      `,
      errors: [
        { messageId: 'deviceFolder', line: 2, column: 9, data: { name: 'con' } },
        { messageId: 'nulCharacter', line: 7, column: 11, data: { kind: 'External' } },
        { messageId: 'controlCharacter', line: 10, column: 11, data: { kind: 'External' } },
        { messageId: 'pathSeparator', line: 13, column: 11, data: { kind: 'External', name: 'Land/Registry', separator: '/' } },
        { messageId: 'dotDot', line: 16, column: 11, data: { kind: 'External', name: 'Land..Registry' } },
        { messageId: 'windowsCharacter', line: 19, column: 11, data: { kind: 'External', name: 'Land:Registry', character: ':' } },
        { messageId: 'trailingDotOrSpace', line: 22, column: 11, data: { kind: 'External' } },
      ],
    },
    {
      name: 'context application has the namespace aux, a Windows device name',
      model: `
        contexts:
          - name: application
            title: Permit applications
            namespace: aux
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                commands:
                  - name: SubmitApplication
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    terminal: true
      `,
      errors: [
        { messageId: 'namespaceDeviceFolder', line: 4, column: 16, data: { name: 'aux', context: 'application' } },
      ],
    },
  ],
});
