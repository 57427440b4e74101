-- Supervision (issue 11 parts 1, 2 and 6): escalations of late work to the holder organisation,
-- the staff inbox they arrive in, and the follow-up of each poor rating (好差评).

-- A staff member's mobile for escalation texts; demo accounts have none (their texts are recorded
-- as not sent).
alter table staff add column phone text;

-- Each item crosses each threshold (due soon, overdue, overdue by N working days) once: the key is
-- what makes the sweeper idempotent, also when several servers sweep the same database.
create table supervision_escalations (
  case_id text not null references cases (id),
  item text not null,
  threshold text not null,
  region text not null,
  organisation_id text references organisations (id),
  due timestamptz not null,
  basis text not null,
  crossed_at timestamptz not null,
  primary key (case_id, item, threshold)
);
create index supervision_escalations_region on supervision_escalations (region, crossed_at);

-- The workbench's own inbox ("消息"): escalations and rating follow-ups, one row per person.
create table staff_inbox (
  id bigint generated always as identity primary key,
  staff_id text not null references staff (id),
  organisation_id text not null references organisations (id),
  kind text not null check (kind in ('escalation', 'rating-follow-up')),
  case_id text not null,
  item text not null,
  threshold text,
  body jsonb not null,
  -- 'queued': the text went to the outbox for the staff phone; 'no-phone': none known, not sent.
  sms text not null check (sms in ('queued', 'no-phone')),
  created_at timestamptz not null,
  read_at timestamptz
);
create index staff_inbox_staff on staff_inbox (staff_id, id);

-- Each 不满意 (2) or 非常不满意 (1) becomes a task for the head of the organisation that handled
-- the item, due in a set number of working days, closed by the outcome the head records.
create table rating_follow_ups (
  case_id text not null references cases (id),
  item text not null,
  region text not null,
  department text not null,
  organisation_id text references organisations (id),
  score smallint not null,
  comment text not null,
  rated_at timestamptz not null,
  created_at timestamptz not null,
  due timestamptz not null,
  outcome text,
  outcome_by text references staff (id),
  outcome_at timestamptz,
  primary key (case_id, item)
);
create index rating_follow_ups_organisation on rating_follow_ups (organisation_id, created_at);
create index rating_follow_ups_region on rating_follow_ups (region, created_at);

-- The dashboard reads a region's decided work by decision time, and the supplement loops from
-- the event log without scanning every event.
create index case_items_region_decided on case_items (region, decided_at);
create index case_events_supplements on case_events (case_id, seq)
  where type in ('supplement-requested', 'supplement-answered');
