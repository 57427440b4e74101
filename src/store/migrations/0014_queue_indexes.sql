-- The workbench queues at 100k+ cases (bench/queue.ts, bench/README.md). 0011's index has neither
-- the decision time the done view sorts by nor the hospital, so a county's done view read and
-- sorted every item it ever decided, a hospital's views picked its rows out of the whole region's,
-- and opening a task scanned the outbox. Each view now has an index in its own order, for a county
-- organisation by county and for a hospital by its name, so a long view reads its page and stops.
-- Open work (dispatched, or back with the family for a supplement), in deadline order.
create index case_items_work_county on case_items
  (department, place_county, coalesce(deadline, 'infinity'), case_id, item)
  where status in ('dispatched', 'supplement-requested');
create index case_items_work_institution on case_items
  (department, place_institution, coalesce(deadline, 'infinity'), case_id, item)
  where status in ('dispatched', 'supplement-requested');
-- Decided work, newest decision first (read backwards).
create index case_items_done_county on case_items
  (department, place_county, coalesce(decided_at, '-infinity'), case_id, item)
  where status in ('done', 'rejected');
create index case_items_done_institution on case_items
  (department, place_institution, coalesce(decided_at, '-infinity'), case_id, item)
  where status in ('done', 'rejected');
drop index case_items_queue;
-- A masked ID number (3505**********1244) keeps its last four characters: found from the end.
create index cases_mother_reversed on cases (reverse(mother_id_number) text_pattern_ops);
-- The task a clerk opens: the latest dispatch of a case's item.
create index outbox_dispatch_case on outbox (case_id, (payload ->> 'item'), id) where kind = 'dispatch';
