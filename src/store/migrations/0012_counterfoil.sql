-- Counterfoil (副页) transfer batches: a batch goes from one organisation to the next on the
-- region's route (hop 0: the hospital's), one line per certificate. A certificate is in at most one
-- batch per hop. The receiver checks each line; each discrepancy is followed up once by the sender.
-- receiver_org is null where the receiver has no accounts here (the state archives): the sender
-- records what the signed sheet says.
create table counterfoil_batches (
  id bigint generated always as identity primary key,
  region text not null,
  hop smallint not null,
  sender_org text not null references organisations (id),
  receiver_org text references organisations (id),
  receiver_name jsonb not null,
  county text,
  month text,
  period_from date not null,
  period_to date not null,
  due date,
  status text not null check (
    status in ('assembled', 'sent', 'acknowledged', 'acknowledged-with-discrepancies', 'discrepancies-resolved')
  ),
  assembled_at timestamptz not null,
  assembled_by text not null references staff (id),
  sent_at timestamptz,
  sent_by text references staff (id),
  acknowledged_at timestamptz,
  acknowledged_by text references staff (id)
);
create index counterfoil_batches_sender on counterfoil_batches (sender_org, id);
create index counterfoil_batches_receiver on counterfoil_batches (receiver_org, id);
create table counterfoil_lines (
  batch_id bigint not null references counterfoil_batches (id),
  line_no integer not null,
  case_id text not null references cases (id),
  hop smallint not null,
  certificate_number text not null,
  details jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'received', 'missing', 'mismatched')),
  note text,
  primary key (batch_id, line_no),
  unique (case_id, hop)
);
create table counterfoil_follow_ups (
  batch_id bigint not null references counterfoil_batches (id),
  case_id text not null,
  kind text not null check (kind in ('resent', 'corrected', 'explained')),
  note text not null,
  at timestamptz not null,
  staff_id text not null references staff (id),
  primary key (batch_id, case_id)
);
