-- The overdue sweep asks every minute, on every server, for the cases past their promised deadline
-- and not yet flagged. Items and the family's own deadlines had a partial index for that question
-- (0010); the promise did not, so each sweep read the whole cases table, a year of a province's cases.
-- Now all three parts of the sweep's question are answered from partial indexes on their deadlines.
create index cases_promise_running on cases (promised_deadline) where status = 'in-progress' and not overdue;
