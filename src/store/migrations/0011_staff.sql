-- The people who do the work: organisations (a hospital, a police station, a county office), their
-- staff, and every case a clerk opened (the parent's "who saw my data"). case_items learns where
-- each item is handled, so an organisation's queue is one indexed range scan.
create table organisations (
  id text primary key,
  region text not null,
  department text not null,
  name jsonb not null,
  counties text[] not null,
  institution text
);
create table staff (
  id text primary key,
  name text not null,
  organisation_id text not null references organisations (id),
  role text not null check (role in ('clerk', 'head'))
);
create table case_access_log (
  id bigint generated always as identity primary key,
  case_id text not null references cases (id),
  staff_id text not null references staff (id),
  organisation_id text not null references organisations (id),
  item text not null,
  fields text[] not null,
  at timestamptz not null
);
create index case_access_log_case on case_access_log (case_id, id);
alter table case_items add column place_county text;
alter table case_items add column place_institution text;
create index case_items_queue on case_items (department, place_county, status, deadline, case_id);
