-- Cases: an append-only, hash-chained event log per case, and projections updated in the same
-- transaction. Kept to PostgreSQL 15 syntax: PGlite runs 18, the CI server 15.

create table cases (
  id text primary key,
  region text not null,
  client_txn_id text not null unique,
  mother_id_number text not null,
  applicant_id_number text not null,
  status text not null,
  overdue boolean not null default false,
  submitted_at timestamptz not null,
  promised_deadline timestamptz,
  version integer not null,
  last_hash text not null,
  state jsonb not null,
  updated_at timestamptz not null
);
create index cases_mother on cases (mother_id_number);
create index cases_applicant on cases (applicant_id_number);
create index cases_region_status on cases (region, status);

create table case_events (
  case_id text not null references cases (id),
  seq integer not null,
  type text not null,
  at timestamptz not null,
  payload jsonb not null,
  prev_hash text not null,
  hash text not null,
  primary key (case_id, seq)
);

-- One row per item: the department work queues and supervision read this.
create table case_items (
  case_id text not null references cases (id),
  item text not null,
  region text not null,
  department text not null,
  status text not null,
  dispatched_at timestamptz,
  deadline timestamptz,
  decided_at timestamptz,
  overdue boolean not null default false,
  holder text,
  rating smallint,
  primary key (case_id, item)
);
create index case_items_open on case_items (deadline) where status = 'dispatched';
create index case_items_department on case_items (department, status);

-- The transactional outbox: department dispatches and notifications commit with the change that
-- causes them, and workers claim them in batches with FOR UPDATE SKIP LOCKED.
create table outbox (
  id integer generated always as identity primary key,
  kind text not null,
  topic text not null,
  idempotency_key text not null unique,
  case_id text,
  payload jsonb not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  available_at timestamptz not null,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null,
  settled_at timestamptz
);
create index outbox_pending on outbox (available_at) where status = 'pending';

-- Every inbound department decision, by its transaction id: a replay returns the stored answer.
create table inbound_decisions (
  txn_id text primary key,
  case_id text not null,
  item text not null,
  received_at timestamptz not null,
  response jsonb not null
);

-- The parents' in-app inbox.
create table notifications (
  id integer generated always as identity primary key,
  case_id text not null,
  recipient_id_number text not null,
  template text not null,
  body jsonb not null,
  created_at timestamptz not null,
  read_at timestamptz
);
create index notifications_recipient on notifications (recipient_id_number, created_at);
