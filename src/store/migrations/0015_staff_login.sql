-- Staff log in through the same unified identity (OIDC) as parents: the identity names a person by
-- their citizen ID number, and this column says which staff account that person holds. Demo
-- accounts have none (they use the development login).
alter table staff add column login_id_number text;
create unique index staff_login on staff (login_id_number) where login_id_number is not null;
