import type { CaseState } from '../domain/case.ts';

/**
 * A case's document as the engine and its readers see it (CaseState), stored in parts since
 * migration 0030: `cases.state` holds the case without its form and its items, `cases.form` the
 * form, written once at submission, and each item's state sits in its own `case_items` row beside
 * the item's projection columns. A command changes one item of six, and writing the whole document
 * each time (8.8 KB: items 72 % of it, the form 18 %) was a quarter of the WAL.
 *
 * A reader selects CASE_PARTS from `cases c` and puts them together with caseDocument: one
 * statement, so the case and its items are read as of one snapshot. The parts travel apart because
 * joining them into one jsonb in the statement doubled its cost (550 against 290 µs of CPU a read).
 * The items come in the order a jsonb object keeps its keys (shorter first), as they did before.
 */
export const CASE_PARTS = `c.state, c.form, (select json_object_agg(i.item, i.state
  order by octet_length(i.item), i.item collate "C") from case_items i where i.case_id = c.id) as items`;

export interface CaseParts {
  state: CaseState;
  form: CaseState['form'];
  items: CaseState['items'] | null;
}

/**
 * The document from its parts, put back in place: the row's objects are its own (just read), and a
 * value opened from them keeps its ciphertext when written back (personal-data.ts).
 */
export function caseDocument(row: CaseParts): CaseState {
  const state = row.state;
  state.form = row.form;
  state.items = row.items ?? {};
  return state;
}

/** The document's keys whose values are stored apart from `cases.state`. */
export const STORED_APART = ['form', 'items'];
