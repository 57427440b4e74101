-- The applicant's handwritten signature. The case-submitted event records the form digest it
-- signs and the image's hash (so the hash chain binds them); the image itself lives here.
create table case_signatures (
  case_id text not null references cases (id),
  signer_id_number text not null,
  form_digest text not null,
  image_sha256 text not null,
  image_png bytea not null,
  signed_at timestamptz not null,
  primary key (case_id, signer_id_number)
);
