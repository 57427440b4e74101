-- Whether an item's clock runs now depends on the region (a supplement or a parcel stops it only
-- where the documents say so), so the projection records it for the sweeper to find overdue items
-- by index. family_due is the earliest open deadline on the family (Gansu's police visit).
alter table case_items add column clock_running boolean not null default false;
update case_items set clock_running = (status = 'dispatched' and holder = 'department');
create index case_items_running_deadline on case_items (deadline) where clock_running and not overdue;
alter table cases add column family_due timestamptz;
create index cases_family_due on cases (family_due) where family_due is not null;
