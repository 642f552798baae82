import type { Field, Model } from './ir.js';
import { perModel } from './memo.js';

/**
 * Fields written in the model: aggregate fields and the own fields (map form) of events and
 * commands. Made once per model: three rules (MSA105, MSA106, MSA110) walk them.
 */
export const writtenFields: (model: Model) => ReadonlyArray<{ readonly field: Field; readonly owner: string }> = perModel(listWrittenFields);

function listWrittenFields(model: Model): Array<{ readonly field: Field; readonly owner: string }> {
  const list: Array<{ field: Field; owner: string }> = [];
  for (const a of model.aggregates) {
    for (const f of a.fields) list.push({ field: f, owner: `aggregate "${a.name}"` });
    for (const c of a.commands) {
      if (c.payload.explicit && c.payload.refs.length === 0) {
        for (const f of c.payload.fields) list.push({ field: f, owner: `command "${c.name}"` });
      }
    }
    for (const e of a.events) {
      if (e.payload.explicit && e.payload.refs.length === 0) {
        for (const f of e.payload.fields) list.push({ field: f, owner: `event "${e.name}"` });
      }
    }
  }
  return list;
}

