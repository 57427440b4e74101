-- The outbox claim reads due rows in the order of this index and stops at its limit. With 0001's index
-- on available_at alone it was answered by a bitmap scan and a sort: every claim visited the table row
-- of every entry still in the index, and rows sent a moment ago stay there (dead) until vacuum. In a
-- 2,000-family replay a claim took 4–10 ms on average, a third of the database's time. An index scan in
-- order stops at the limit, and marks the entries of dead rows so that later claims skip them: 1.8 ms.
create index outbox_due on outbox (available_at, id) where status = 'pending';
drop index outbox_pending;
