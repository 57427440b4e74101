-- The father's confirmation in his own login, after face verification (Anhui 004 附件2 二 1).
create table father_confirmations (
  mother_id_number text not null,
  father_id_number text not null,
  face_score real not null,
  confirmed_at timestamptz not null,
  primary key (mother_id_number, father_id_number)
);
