-- A department system claims a task before working on it; a second claim by another
-- organisation is refused.
create table task_claims (
  task_id text primary key,
  department text not null,
  claimed_at timestamptz not null
);
