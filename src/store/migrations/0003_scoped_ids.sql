-- Transaction ids are the sender's own: a department's decision ids are unique per department,
-- an applicant's submission ids per applicant. A global key let one sender's id swallow another's.
alter table inbound_decisions add column department text not null default '';
alter table inbound_decisions drop constraint inbound_decisions_pkey;
alter table inbound_decisions add primary key (department, txn_id);
alter table cases drop constraint cases_client_txn_id_key;
alter table cases add constraint cases_applicant_client_txn unique (applicant_id_number, client_txn_id);
