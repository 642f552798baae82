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


/** A table: the name PostgreSQL keeps (its first 63 bytes; model names are ASCII when valid), and the element it stores. */
interface Table {
  readonly name: string;
  /** Longer than PostgreSQL keeps. */
  readonly cut: boolean;
  readonly kind: 'aggregate' | 'read model';
  readonly element: { readonly name: string; readonly pointer: string };
}

function tableOf(identifier: string, kind: Table['kind'], element: Table['element']): Table {
  return { name: identifier.slice(0, MAX_IDENTIFIER_BYTES), cut: identifier.length > MAX_IDENTIFIER_BYTES, kind, element };
}

/** The name PostgreSQL gives a table's primary key index: `<table>_pkey`, the table name cut to fit. */
function primaryKeyIndex(table: string): string {
  return `${table.slice(0, MAX_IDENTIFIER_BYTES - '_pkey'.length)}_pkey`;
}

/** `aggregate "Application"`: what a table stores, for messages. */
const whatOf = (t: Table) => `${t.kind} "${t.element.name}"`;
const pointerOf = (t: Table) => joinPointer(t.element.pointer, 'name');

/** The data every finding about a table has (made only for a finding). */
function about(t: Table, context: string) {
  return {
    element: whatOf(t),
    context,
    table: t.name,
    cut: t.cut ? ` (PostgreSQL keeps the first ${MAX_IDENTIFIER_BYTES} bytes of a name)` : '',
  };
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
      const tables: Table[] = [];
      for (const a of context.aggregates) tables.push(tableOf(snakeCase(a.name), 'aggregate', a));
      for (const r of context.readModels) if (r.store === 'database') tables.push(tableOf(`rm_${snakeCase(r.name)}`, 'read model', r));
      // Who has a name: the runtime (RUNTIME_RELATIONS), or a table of this context.
      const taken = new Map<string, Table>();
      // Each table's primary key index: it stands in the way of a table of its name.
      const indexes = new Map<string, Table>();
      for (const t of tables) {
        const index = primaryKeyIndex(t.name);
        if (!indexes.has(index)) indexes.set(index, t);
      }
      for (const t of tables) {
        const purpose = RUNTIME_RELATIONS.get(t.name);
        const first = purpose === undefined ? taken.get(t.name) : undefined;
        if (purpose === undefined && first === undefined) taken.set(t.name, t);
        if (purpose !== undefined) {
          report({ pointer: pointerOf(t), messageId: 'runtimeRelation', data: { ...about(t, context.name), relation: t.name, purpose } });
        } else if (first !== undefined) {
          // Two elements of one name are MSA201's finding, names that differ in letter case MSA107's.
          if (first.element.name.toLowerCase() === t.element.name.toLowerCase()) continue;
          report({ pointer: pointerOf(t), messageId: 'tableClash', data: { ...about(t, context.name), first: whatOf(first) } });
        } else {
          const index = indexes.get(t.name);
          if (index !== undefined && index !== t) {
            report({ pointer: pointerOf(t), messageId: 'indexClash', data: { ...about(t, context.name), first: whatOf(index) } });
          }
        }
      }
    }
  },
});
