-- Supervisors log in through the unified identity like staff: an account in `staff` with the role
-- 'supervisor', the regions it supervises, and no organisation (it belongs to no department's
-- queue). Every other account keeps its organisation and supervises nothing.
alter table staff drop constraint staff_role_check;
alter table staff add constraint staff_role_check check (role in ('clerk', 'head', 'supervisor'));
alter table staff alter column organisation_id drop not null;
alter table staff add column supervises text[] not null default '{}';
alter table staff add constraint staff_supervisor_shape check (
  case when role = 'supervisor' then organisation_id is null and cardinality(supervises) > 0
       else organisation_id is not null and cardinality(supervises) = 0 end
);
