-- A case's document is stored in parts (case-document.ts): the form apart, written once at submission,
-- and each item's state in its own case_items row, written when it changes. A command changes one item
-- of six, and rewriting the whole document, form and items and all, was a quarter of the WAL. Readers
-- put the document back together in the same statement (CASE_DOCUMENT).
alter table cases add column form jsonb;
-- Kept out of line once the row outgrows a page's share, and not compressed (sealed values do not
-- compress): an update that leaves the form alone then copies a pointer to it, not the form.
alter table cases alter column form set storage external;
alter table case_items add column state jsonb;
update case_items i set state = c.state -> 'items' -> i.item from cases c where c.id = i.case_id;
-- The engine has written a row for every item of every case since the first migration; a store where
-- one is missing stops here rather than lose that item's state.
do $$
begin
  if exists (select 1 from cases c, jsonb_object_keys(coalesce(c.state -> 'items', '{}'::jsonb)) k
             where not exists (select 1 from case_items i where i.case_id = c.id and i.item = k)) then
    raise exception 'a case has an item without a case_items row: run onething verify on the old version first';
  end if;
end
$$;
update cases set form = coalesce(state -> 'form', '{}'::jsonb), state = state - 'form' - 'items';
alter table cases alter column form set not null;
alter table case_items alter column state set not null;
