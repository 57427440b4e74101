-- Push mode (issue 12 part 2): the platform posts each task to a department system's endpoint from
-- the outbox, whose rows already hold the retry state (attempts, next attempt, last error). What
-- supervision reads: the dead letters of its regions, by region; and who re-sent which task when,
-- with the attempts and error it had before (a re-send starts its attempts afresh).
create index outbox_dispatch_dead on outbox ((payload ->> 'region'), id)
  where kind = 'dispatch' and status = 'failed';

create table outbox_resends (
  id integer generated always as identity primary key,
  task_id text not null,
  region text not null,
  resent_by text not null,
  attempts_before integer not null,
  last_error text,
  resent_at timestamptz not null
);
create index outbox_resends_task on outbox_resends (task_id);
