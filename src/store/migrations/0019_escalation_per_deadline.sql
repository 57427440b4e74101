-- An item sent back for a supplement and dispatched again runs to a new deadline: crossing its
-- thresholds again is news for the holder, so an escalation is once per threshold per deadline.
alter table supervision_escalations drop constraint supervision_escalations_pkey;
alter table supervision_escalations add primary key (case_id, item, threshold, due);
