-- The State Council's holiday arrangements loaded with `onething calendar load`, kept so every
-- server counts working days with them from its start. Append-only: a year loaded again (a
-- corrected notice) adds a row, and the latest row of a year is the one in force.
create table calendar_arrangements (
  id bigint generated always as identity primary key,
  year integer not null,
  source text not null,
  arrangement jsonb not null,
  loaded_at timestamptz not null
);
create index calendar_arrangements_year on calendar_arrangements (year, id);
