-- Materials the shared data cannot supply, uploaded before submission. The id is derived from the
-- material and the content hash, so the same file uploaded twice for one material is kept once.
create table uploads (
  id text not null,
  owner_id_number text not null,
  material text not null,
  mime text not null,
  size integer not null,
  sha256 text not null,
  bytes bytea not null,
  created_at timestamptz not null,
  primary key (id, owner_id_number)
);

-- Face checks passed during an application (Zibo 000 附件1: the mother and the father).
create table face_verifications (
  mother_id_number text not null,
  person_id_number text not null,
  score real not null,
  verified_at timestamptz not null,
  primary key (mother_id_number, person_id_number)
);
