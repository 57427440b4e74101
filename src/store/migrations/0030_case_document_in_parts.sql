-- A case's document is stored in parts (case-document.ts): the form apart, written once at submission,
-- and each item's state in its own case_items row, written when it changes. A command changes one item
-- of six, and rewriting the whole document, form and items and all, was a quarter of the WAL. Readers
-- read the three parts in one statement and put them together (CASE_PARTS, caseDocument).
alter table cases add column form jsonb;
-- Kept out of line once the row outgrows a page's share, and not compressed (sealed values do not
-- compress): an update that leaves the form alone then copies a pointer to it, not the form.
alter table cases alter column form set storage external;
alter table case_items add column state jsonb;
update case_items i set state = c.state -> 'items' -> i.item from cases c where c.id = i.case_id;
-- The engine has written a row for every item of every case since the first migration; a store where
-- an item has no row, or a row no item, stops here rather than lose an item's state.
do $$
begin
  if exists (select 1 from cases c, jsonb_object_keys(coalesce(c.state -> 'items', '{}'::jsonb)) k
             where not exists (select 1 from case_items i where i.case_id = c.id and i.item = k))
     or exists (select 1 from case_items where state is null) then
    raise exception 'the items of a case and its case_items rows differ: run onething verify on the old version first';
  end if;
end
$$;
update cases set form = coalesce(state -> 'form', '{}'::jsonb), state = state - 'form' - 'items';
alter table cases alter column form set not null;
alter table case_items alter column state set not null;
