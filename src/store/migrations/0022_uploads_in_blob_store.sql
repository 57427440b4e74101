-- Uploaded files move out of the table into the content-addressed blob store (src/blobs), under the
-- sha256 the row already carries. New rows keep only the metadata (bytes null); rows written before
-- this migration keep their bytes and are still read from here, so nothing has to be copied at start.
alter table uploads alter column bytes drop not null;
