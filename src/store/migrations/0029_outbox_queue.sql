-- The messages due or in flight, apart from the messages kept. The outbox keeps every message it ever
-- sent (the clerks' tasks, supervision's deliveries, the audit), and its claim index filled at the front
-- with entries of rows already sent faster than they were marked dead or vacuumed away: over eleven
-- replays of 3,000 families a claim took 1.6 to 18.8 ms (1,000 to 7,800 buffers), as the run went. This
-- table holds only what is still to send, and a claim rewrites its rows in place (it changes no indexed
-- column, and the pages keep room): about 1 ms and 570 to 770 buffers in every run. It also carries the lease and the attempts so far; the
-- outbox row is written when the message is queued and when it is settled.
create table outbox_queue (
  id integer primary key references outbox (id),
  available_at timestamptz not null,
  attempts integer not null default 0,
  locked_by text,
  locked_until timestamptz
) with (fillfactor = 50);
create index outbox_queue_due on outbox_queue (available_at, id);
insert into outbox_queue (id, available_at, attempts, locked_by, locked_until)
  select id, available_at, attempts, locked_by, locked_until from outbox where status = 'pending';
drop index outbox_due;
alter table outbox drop column locked_by;
alter table outbox drop column locked_until;
