// Bench models of any size, deterministic and valid: `benchModel(contexts)` returns the YAML text
// of a platform of that many bounded contexts (a multiple of 5), built from one unit of five
// contexts repeated under distinct names: an application context with a citizen-facing command,
// an issuance context reacting to it (policy, idempotency key, failure event), a notification
// context, a CQRS lookup, and an archive context called synchronously; plus a choreography saga
// with compensations per unit, an external system, and one call. Every unit is a small gov24.
//
//   node bench/models.mjs 200 > /tmp/l.yaml      # print a model
export const UNIT = 5;

const WORDS = [
  'Amber', 'Birch', 'Cedar', 'Delta', 'Ember', 'Fern', 'Granite', 'Harbor', 'Iris', 'Jade',
  'Kestrel', 'Linden', 'Maple', 'Nectar', 'Onyx', 'Pine', 'Quartz', 'Raven', 'Sable', 'Tulip',
  'Umber', 'Violet', 'Willow', 'Yarrow', 'Zinnia', 'Aspen',
];

/** A distinct two-word name for unit `i` (676 names): AmberBirch, AmberCedar… */
function unitName(i) {
  if (i >= WORDS.length * WORDS.length) throw new Error(`at most ${WORDS.length * WORDS.length * UNIT} contexts`);
  return WORDS[Math.floor(i / WORDS.length)] + WORDS[i % WORDS.length];
}

const kebab = (pascal) => pascal.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

function unit(i) {
  const N = unitName(i);
  const n = kebab(N);
  return {
    contexts: `
  - name: ${n}-application
    title: ${N} applications
    aggregates:
      - name: ${N}Application
        fields:
          applicationId: { type: uuid, key: true }
          citizenId: { type: string, pii: true }
          documentUrl: url
          status: { type: enum, values: [Received, Issued, Cancelled] }
        commands:
          - name: Submit${N}Application
            actor: Citizen
            fields: [applicationId, citizenId, documentUrl]
            emits: [${N}ApplicationSubmitted]
          - name: Cancel${N}Application
            emits: [${N}ApplicationCancelled]
        events:
          - name: ${N}ApplicationSubmitted
            fields: [applicationId, citizenId, documentUrl]
          - name: ${N}ApplicationCancelled
            fields: [applicationId]
            terminal: true
    policies:
      - name: Cancel${N}ApplicationWhenIssuanceFailed
        on: ${N}PermitIssuanceFailed
        then: Cancel${N}Application

  - name: ${n}-issuance
    title: ${N} issuance
    aggregates:
      - name: ${N}Permit
        fields:
          permitId: { type: uuid, key: true }
          applicationId: uuid
          documentUrl: url
          reason: string
        commands:
          - name: Issue${N}Permit
            emits: [${N}PermitIssued, ${N}PermitIssuanceFailed]
        events:
          - name: ${N}PermitIssued
            fields: [permitId, applicationId, documentUrl]
          - name: ${N}PermitIssuanceFailed
            fields: [applicationId, reason]
            failure: true
    policies:
      - name: Issue${N}PermitWhenApplicationSubmitted
        on: ${N}ApplicationSubmitted
        then: Issue${N}Permit
        idempotencyKey: applicationId

  - name: ${n}-notification
    title: ${N} notifications
    aggregates:
      - name: ${N}Notice
        fields:
          noticeId: { type: uuid, key: true }
          applicationId: uuid
          documentUrl: url
        commands:
          - name: Send${N}Notice
            emits: [${N}NoticeSent]
        events:
          - name: ${N}NoticeSent
            fields: [noticeId, applicationId]
            terminal: true
    policies:
      - name: Send${N}NoticeWhenPermitIssued
        on: ${N}PermitIssued
        then: Send${N}Notice
        idempotencyKey: applicationId

  - name: ${n}-lookup
    title: ${N} result lookup
    readModels:
      - name: ${N}ApplicationResult
        key: applicationId
        from: [${N}ApplicationSubmitted, ${N}PermitIssued, ${N}ApplicationCancelled]
        store: database

  - name: ${n}-archive
    title: ${N} archive
    aggregates:
      - name: ${N}Record
        fields:
          recordId: { type: uuid, key: true }
          applicationId: uuid
          documentUrl: url
        commands:
          - name: Archive${N}Record
            http: POST /${n}-records
            fields: [applicationId, documentUrl]
            emits: [${N}RecordArchived]
        events:
          - name: ${N}RecordArchived
            fields: [recordId, applicationId]
            terminal: true
`,
    calls: `
  - from: ${n}-issuance
    to: ${n}-archive
    command: Archive${N}Record
`,
    sagas: `
  - name: ${N}PermitProcessing
    coordination: choreography
    steps:
      - command: Submit${N}Application
        compensation: Cancel${N}Application
      - command: Issue${N}Permit
`,
  };
}

export function benchModel(contexts) {
  if (!Number.isInteger(contexts) || contexts <= 0 || contexts % UNIT !== 0) throw new Error(`contexts: a positive multiple of ${UNIT}`);
  const units = Array.from({ length: contexts / UNIT }, (_, i) => unit(i));
  return `# A bench model of ${contexts} bounded contexts, written by bench/models.mjs.
version: 1
platform:
  name: bench
  title: Bench platform of ${contexts} contexts
  eventTypePrefix: org.example.bench
  kafka:
    cluster: bench-kafka
    defaults: { partitions: 6, replicas: 3, minInSyncReplicas: 2 }
    retry: { maxAttempts: 4, backoffMs: 500, multiplier: 2 }
contexts:${units.map((u) => u.contexts).join('')}
calls:${units.map((u) => u.calls).join('')}
sagas:${units.map((u) => u.sagas).join('')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(benchModel(Number(process.argv[2] ?? 50)));
}
