-- One baby, one case, platform-wide: the baby's key (mother, birth minute, birth order) is unique
-- across regions, applicants and servers. Cases from before carry a key of their own.
alter table cases add column baby_key text;
update cases set baby_key = 'legacy:' || id where baby_key is null;
alter table cases alter column baby_key set not null;
create unique index cases_one_per_baby on cases (baby_key);
-- Both parents follow the case.
alter table cases add column father_id_number text;
update cases set father_id_number = state->'form'->'father'->>'idNumber';
create index cases_father on cases (father_id_number);

-- The application in progress, one per baby (the mother and the birth order), kept on the server
-- so a reload, the Back button or a closed browser loses nothing.
create table drafts (
  mother_id_number text not null,
  birth_order smallint not null,
  owner_id_number text not null,
  region text not null,
  body jsonb not null,
  updated_at timestamptz not null,
  primary key (mother_id_number, birth_order)
);

-- The applicant invites the other parent to act in their own login: sign the same form, verify
-- their face, confirm. The application is kept so the invitee sees and signs exactly that form.
create table invitations (
  id text primary key,
  mother_id_number text not null,
  birth_order smallint not null,
  region text not null,
  inviter_id_number text not null,
  invitee_id_number text not null,
  invitee_role text not null,
  tasks jsonb not null,
  form_digest text not null,
  application jsonb not null,
  created_at timestamptz not null
);
create index invitations_invitee on invitations (invitee_id_number, created_at);

-- The other parent's signature over a form digest, made in their own login.
create table co_signatures (
  mother_id_number text not null,
  signer_id_number text not null,
  role text not null,
  form_digest text not null,
  image_sha256 text not null,
  image_png bytea not null,
  signed_at timestamptz not null,
  primary key (mother_id_number, signer_id_number, form_digest)
);

-- A notice may reach a parent before any case exists (an invitation to sign).
alter table notifications alter column case_id drop not null;

-- 好差评 for supervision: the latest rating of each item, with the reason given.
create table ratings (
  case_id text not null references cases (id),
  item text not null,
  region text not null,
  department text not null,
  score smallint not null,
  comment text not null,
  rated_at timestamptz not null,
  primary key (case_id, item)
);
create index ratings_region on ratings (region, rated_at);

-- What the built-in simulators (departments, the post, payments) have accepted and will answer,
-- kept in the store so it survives a restart, as a real system's own store would.
create table simulator_queue (
  simulator text not null,
  key text not null,
  due_at timestamptz not null,
  payload jsonb not null,
  primary key (simulator, key)
);
create index simulator_queue_due on simulator_queue (simulator, due_at);

-- A simulation run's progress, so `onething simulate` resumes after a kill.
create table simulation_runs (
  run text primary key,
  state jsonb not null,
  updated_at timestamptz not null
);

-- Items waiting for the family, for the simulation's parents and the reminders.
create index case_items_with_family on case_items (region) where holder = 'applicant';
