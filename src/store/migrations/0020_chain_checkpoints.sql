-- Chain checkpoints (tamper evidence): the head of every case's event chain, anchored now and
-- then and signed with the chain key, which lives outside the database. Append-only: a trigger
-- refuses every update, delete and truncate, in PGlite as in PostgreSQL. Someone able to drop
-- the trigger can still cut the newest checkpoints off; the checkpoint file the operator exports
-- (`onething checkpoint --out`) and keeps elsewhere catches that.

create table chain_checkpoints (
  -- 1, 2, 3… without gaps: each signature covers the one before, so a removed one shows.
  id bigint primary key,
  taken_at timestamptz not null,
  -- 'first' (the store's first, after keying an older chain), 'periodic', 'command', 'new-key'.
  reason text not null,
  -- Which chain key signed it (a public id derived from the key, never the key).
  key_id text not null,
  cases integer not null,
  events bigint not null,
  -- SHA-256 over every case's head (case id, version, hash) at this checkpoint, in case id order.
  heads_digest text not null,
  prev_signature text not null,
  signature text not null
);

-- Only the heads that moved since the checkpoint before: a case's head at checkpoint N is its row
-- with the highest checkpoint_id <= N.
create table chain_checkpoint_heads (
  checkpoint_id bigint not null references chain_checkpoints (id),
  case_id text not null,
  version integer not null,
  hash text not null,
  primary key (case_id, checkpoint_id)
);

create function refuse_chain_checkpoint_change() returns trigger language plpgsql as $$
begin
  raise exception 'chain checkpoints are append-only: % refused', tg_op;
end
$$;

create trigger chain_checkpoints_append_only before update or delete on chain_checkpoints
  for each row execute function refuse_chain_checkpoint_change();
create trigger chain_checkpoints_no_truncate before truncate on chain_checkpoints
  for each statement execute function refuse_chain_checkpoint_change();
create trigger chain_checkpoint_heads_append_only before update or delete on chain_checkpoint_heads
  for each row execute function refuse_chain_checkpoint_change();
create trigger chain_checkpoint_heads_no_truncate before truncate on chain_checkpoint_heads
  for each statement execute function refuse_chain_checkpoint_change();
