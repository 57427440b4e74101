/**
 * A case's document as the engine and its readers see it (CaseState), stored in parts since
 * migration 0030: `cases.state` holds the case without its form and its items, `cases.form` the
 * form, written once at submission, and each item's state sits in its own `case_items` row beside
 * the item's projection columns. A command changes one item of six, and writing the whole document
 * each time (8.8 KB: items 72 % of it, the form 18 %) was a quarter of the WAL.
 *
 * `c` is the `cases` row; the parts are put back in the same statement, so a reader sees the case
 * and its items as of one snapshot.
 */
export const CASE_DOCUMENT = `(c.state || jsonb_build_object('form', c.form, 'items', coalesce(
  (select jsonb_object_agg(i.item, i.state) from case_items i where i.case_id = c.id), '{}'::jsonb)))`;

/** The document's keys whose values are stored apart from `cases.state`. */
export const STORED_APART = ['form', 'items'];
