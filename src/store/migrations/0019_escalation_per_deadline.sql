-- An item sent back for a supplement and dispatched again runs to a new deadline: crossing its
-- thresholds again is news for the holder, so an escalation is once per threshold per deadline.
alter table supervision_escalations drop constraint supervision_escalations_pkey;
alter table supervision_escalations add primary key (case_id, item, threshold, due);

-- Supervision places a region's working calendar from its first dispatch: an index answers that at
-- once, where a scan of every item took a quarter second per table at 100k cases.
create index case_items_region_dispatched on case_items (region, dispatched_at);
