import { snakeCase } from '../case.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

/** PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1) and drops the rest. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * Relations the runtime creates in every service's schema (packages/runtime/src/store.ts): its
 * tables, their primary-key and unique indexes, the outbox sequence and index. Tables, indexes and
 * sequences share one namespace in PostgreSQL.
 */
const RUNTIME_RELATIONS: ReadonlyMap<string, string> = new Map([
  ['inbox', 'the inbox of idempotent consumers'],
  ['processed_keys', 'the processed business keys'],
  ['outbox', 'the transactional outbox'],
  ['dlq_records', 'the index of dead-lettered records'],
  ['saga_compensations', 'the scheduled saga compensations'],
  ['saga_instances', 'the state of orchestration sagas'],
  ['inbox_pkey', "the inbox's primary key"],
  ['processed_keys_pkey', "the processed keys' primary key"],
  ['outbox_pkey', "the outbox's primary key"],
  ['outbox_seq_key', "the outbox's sequence number index"],
  ['outbox_seq_seq', "the outbox's sequence"],
  ['outbox_unpublished', "the outbox's index of unpublished events"],
  ['dlq_records_pkey', "the DLQ index's primary key"],
  ['saga_compensations_pkey', "the saga compensations' primary key"],
  ['saga_instances_pkey', "the saga instances' primary key"],
]);


/** A table name as PostgreSQL keeps it: its first 63 bytes (model names are ASCII when valid). */
function table(identifier: string): { name: string; cut: boolean } {
  return { name: identifier.slice(0, MAX_IDENTIFIER_BYTES), cut: identifier.length > MAX_IDENTIFIER_BYTES };
}

/** The name PostgreSQL gives a table's primary key index: `<table>_pkey`, the table name cut to fit. */
function primaryKeyIndex(table: string): string {
  return `${table.slice(0, MAX_IDENTIFIER_BYTES - '_pkey'.length)}_pkey`;
}

interface Table {
  /** As PostgreSQL keeps it. */
  readonly name: string;
  /** Longer than PostgreSQL keeps. */
  readonly cut: boolean;
  readonly what: string;
  readonly pointer: string;
  readonly source: string;
}

export const rule = defineRule({
  code: 'MSA210',
  name: 'table-name-clash',
  severity: 'error',
  summary:
    "The aggregates and database read models of a context get PostgreSQL tables of their own: no two share a name (after PostgreSQL's 63-byte cut), and none takes a name of the runtime's tables.",
  hint: 'Rename the aggregate or read model: its table is named after it.',
  docs: `Each service keeps its data in a PostgreSQL schema of its own. An aggregate is the table
\`<snake_name>\` (\`AgencyTransmission\` → \`agency_transmission\`) and a read model with
\`store: database\` the table \`rm_<snake_name>\`. Beside them the runtime keeps its own tables:
\`inbox\`, \`processed_keys\`, \`outbox\`, \`dlq_records\`, \`saga_compensations\` and
\`saga_instances\`, with their indexes (\`outbox_unpublished\`, \`<table>_pkey\`…) and the
sequence \`outbox_seq_seq\`; tables, indexes and sequences share one namespace.

The tables are created with \`CREATE TABLE IF NOT EXISTS\`, so a second table of one name is
not an error at start-up: it silently is the first one, with the wrong columns, and the
service fails on its first write. An aggregate \`Outbox\` or \`Inbox\` takes a table of the
runtime; a read model \`Approval\` (table \`rm_approval\`) takes the table of an aggregate
\`RmApproval\`. PostgreSQL also keeps only the first 63 bytes of a name, so two long names that
start alike are one table.`,
  messages: {
    /** `element`: `aggregate "Outbox"`, `read model "Approval"`; `cut`: that PostgreSQL cut the name, when it did. */
    runtimeRelation: `The table of {{element}} in context "{{context}}" is "{{table}}"{{cut}}, the runtime's {{relation}} ({{purpose}})`,
    tableClash: 'The table of {{element}} in context "{{context}}" is "{{table}}"{{cut}}, the table of {{first}}',
    indexClash: 'The table of {{element}} in context "{{context}}" is "{{table}}"{{cut}}, the primary key index of the table of {{first}}',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Outbox                 # the runtime's transactional outbox
    fields: { outboxId: { type: uuid, key: true } }
  - name: RmApproval
    fields: { approvalId: { type: uuid, key: true } }
readModels:
  - name: Approval               # rm_approval, the table of aggregate RmApproval
    key: applicationId
    from: [ApplicationSubmitted]`,
      },
    ],
    passes: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: OutgoingLetter
    fields: { letterId: { type: uuid, key: true } }
  - name: RmApproval
    fields: { approvalId: { type: uuid, key: true } }
readModels:
  - name: ApprovalView
    key: applicationId
    from: [ApplicationSubmitted]`,
      },
    ],
  },
  check(model, report) {
    for (const context of model.contexts) {
      const tables: Table[] = [
        ...context.aggregates.map((a) => ({
          ...table(snakeCase(a.name)),
          what: `aggregate "${a.name}"`,
          pointer: joinPointer(a.pointer, 'name'),
          source: a.name,
        })),
        ...context.readModels
          .filter((r) => r.store === 'database')
          .map((r) => ({
            ...table(`rm_${snakeCase(r.name)}`),
            what: `read model "${r.name}"`,
            pointer: joinPointer(r.pointer, 'name'),
            source: r.name,
          })),
      ];
      /** Who has a name: the runtime (a relation and its purpose) or a table of this context. */
      const taken = new Map<string, { relation: string; purpose: string } | Table>();
      for (const [relation, purpose] of RUNTIME_RELATIONS) taken.set(relation, { relation, purpose });
      // Each table's primary key index: it stands in the way of a table of its name.
      const indexes = new Map<string, Table>();
      for (const t of tables) if (!indexes.has(primaryKeyIndex(t.name))) indexes.set(primaryKeyIndex(t.name), t);
      for (const t of tables) {
        const data = {
          element: t.what,
          context: context.name,
          table: t.name,
          cut: t.cut ? ` (PostgreSQL keeps the first ${MAX_IDENTIFIER_BYTES} bytes of a name)` : '',
        };
        const first = taken.get(t.name);
        const index = indexes.get(t.name);
        if (first === undefined) taken.set(t.name, t);
        if (first !== undefined && 'relation' in first) {
          report({ pointer: t.pointer, messageId: 'runtimeRelation', data: { ...data, ...first } });
        } else if (first !== undefined) {
          // Two elements of one name are MSA201's finding, names that differ in letter case MSA107's.
          if (first.source.toLowerCase() === t.source.toLowerCase()) continue;
          report({ pointer: t.pointer, messageId: 'tableClash', data: { ...data, first: first.what } });
        } else if (index !== undefined && index !== t) {
          report({ pointer: t.pointer, messageId: 'indexClash', data: { ...data, first: index.what } });
        }
      }
    }
  },
});
