-- The hospital's joint window (issue 10, part 5): a clerk applies for the mother at the counter.
--
-- 授权委托书 to a hospital (Tongchuan 002 附件3). The mother authorizes an organisation, not a person,
-- for one baby, so it is kept apart from `authorizations` (one parent letting the other apply, which
-- pre-review looks up by the applicant). The letter's data is kept whole, so the printed letter is
-- always the one she signed, and `upload_id` is the signed letter as the material the form lists.
create table window_authorizations (
  mother_id_number text not null,
  birth_order integer not null,
  organisation_id text not null references organisations (id),
  staff_id text not null references staff (id),
  letter jsonb not null,
  letter_digest text not null,
  image_sha256 text not null,
  image_png bytea not null,
  upload_id text not null,
  signed_at timestamptz not null,
  primary key (mother_id_number, birth_order, organisation_id)
);

-- What the counter tablet signs: a letter or a form, bound to its digest. A session can be signed
-- only until it expires (minutes), but what was signed stays usable to submit afterwards, so an
-- application queued through a network outage is still sent with the signature it was given.
create table window_signing_sessions (
  id text primary key,
  organisation_id text not null references organisations (id),
  staff_id text not null references staff (id),
  region text not null,
  mother_id_number text not null,
  birth_order integer not null,
  purpose text not null check (purpose in ('letter', 'form')),
  digest text not null,
  summary jsonb not null,
  signers text[] not null,
  -- The form's own paper (附件1), when the window produces it as a material the form lists.
  produced_uploads jsonb not null default '{}',
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create table window_signatures (
  session_id text not null references window_signing_sessions (id),
  role text not null check (role in ('mother', 'father')),
  signer_id_number text not null,
  image_sha256 text not null,
  image_png bytea not null,
  signed_at timestamptz not null,
  primary key (session_id, role)
);

-- A case applied for at a window: which organisation and clerk, under which client transaction id.
create table window_applications (
  case_id text primary key references cases (id),
  organisation_id text not null references organisations (id),
  staff_id text not null references staff (id),
  client_txn_id text not null,
  signing_session_id text references window_signing_sessions (id),
  applied_at timestamptz not null
);
create index window_applications_organisation on window_applications (organisation_id, applied_at);
