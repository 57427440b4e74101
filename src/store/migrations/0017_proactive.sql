-- 免申即办 (issue 11 part 4): one invitation per baby when the hospital's delivery record arrives,
-- and when the mother first opened it. Applied and finished come from cases by baby_key.
create table proactive_invitations (
  baby_key text primary key,
  region text not null,
  mother_id_number text not null,
  birth_order integer not null,
  born_at timestamptz not null,
  invited_at timestamptz not null,
  opened_at timestamptz
);
create index proactive_invitations_region on proactive_invitations (region, invited_at);
create index proactive_invitations_mother on proactive_invitations (mother_id_number);

-- The policy what-if (issue 11 part 5) replays the facts each case was decided on. The case keeps
-- only the form, which lacks what many rules read (ethnic groups, e-licences, maternity
-- insurance, hukou types), so the facts are kept beside the case when it is accepted.
create table decided_facts (
  case_id text primary key references cases (id),
  region text not null,
  submitted_at timestamptz not null,
  facts jsonb not null
);
create index decided_facts_region_time on decided_facts (region, submitted_at, case_id);
