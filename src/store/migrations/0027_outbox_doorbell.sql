-- Rows put in the outbox ring a bell when their transaction commits: every server listening on the
-- database (LISTEN outbox) sends them at once, instead of finding them at its next poll (half a second
-- later on average, on every step of every case). The payload is the schema, so servers of other
-- schemas on one database (the tests') can tell the bell is not theirs. One ring per statement;
-- PostgreSQL folds a transaction's identical rings into one.
create function outbox_doorbell() returns trigger language plpgsql as $$
begin
  perform pg_notify('outbox', current_schema());
  return null;
end
$$;
create trigger outbox_doorbell after insert on outbox for each statement execute function outbox_doorbell();
