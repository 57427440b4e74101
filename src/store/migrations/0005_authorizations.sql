-- 授权委托书: the mother's signed letter letting another person (Fujian: only the father) apply.
-- Signed in her own login; looked up at pre-review, never taken from the applicant's request.
create table authorizations (
  mother_id_number text not null,
  grantee_id_number text not null,
  grantee_role text not null,
  letter_digest text not null,
  image_sha256 text not null,
  image_png bytea not null,
  signed_at timestamptz not null,
  primary key (mother_id_number, grantee_id_number)
);
