-- Personal data at rest (issue 13; store/personal-data.ts). After this migration the `*_id_number`
-- look-up columns hold blind indexes, and the numbers themselves are sealed (AES-256-GCM) in the
-- columns below or inside the JSON documents. The SQL adds the columns; the rows already stored are
-- converted right after it, in the same transaction, by store/personal-data-sweep.ts, because only
-- the application holds the keys.
alter table case_signatures add column signer text;
alter table co_signatures add column signer text;
alter table face_verifications add column person text;
alter table drafts add column owner text;
alter table invitations add column people jsonb;
-- Staff search by the masked number lists show (3505**********1244): a blind index of that mask
-- replaces the reversed plain-text index of 0014, which would need the number in clear.
alter table cases add column mother_id_masked text;
drop index if exists cases_mother_reversed;
create index cases_mother_masked on cases (mother_id_masked);
