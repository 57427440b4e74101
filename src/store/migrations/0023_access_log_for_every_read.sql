-- One access log for every read of a family's data (PIPL): not only a clerk opening a task, but a
-- department's own system taking its task through the gateway or having it delivered. (Supervisors
-- see case numbers, items and organisations, never a family's name, number or address.)
-- Append-only, as the chain checkpoints are.

alter table case_access_log alter column staff_id drop not null;
alter table case_access_log alter column organisation_id drop not null;
-- 'staff' (a clerk, by organisation) or 'department-system' (reader = the department id).
alter table case_access_log add column reader_kind text not null default 'staff'
  check (reader_kind in ('staff', 'department-system'));
alter table case_access_log add column reader text;
alter table case_access_log add constraint case_access_log_reader check (
  (reader_kind = 'staff' and staff_id is not null and organisation_id is not null)
  or (reader_kind <> 'staff' and reader is not null)
);
-- A system polling its queue gets the same task again and again: one row per reader, case and
-- item within the hour is enough to tell the family, and keeps the log from growing with the polls.
create index case_access_log_reader on case_access_log (case_id, item, reader, at) where reader is not null;

create function refuse_access_log_change() returns trigger language plpgsql as $$
begin
  raise exception 'the access log is append-only: % refused', tg_op;
end
$$;
create trigger case_access_log_append_only before update or delete on case_access_log
  for each row execute function refuse_access_log_change();
create trigger case_access_log_no_truncate before truncate on case_access_log
  for each statement execute function refuse_access_log_change();
