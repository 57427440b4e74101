-- Signed gateway requests and payment notices carry a nonce; each is remembered for the signing
-- window so a captured request cannot be replayed, here or on another server sharing the store.
create table signed_request_nonces (
  sender text not null,
  nonce text not null,
  expires_at timestamptz not null,
  primary key (sender, nonce)
);
create index signed_request_nonces_expiry on signed_request_nonces (expires_at);

-- What a department decided under each transaction id, as a digest: the same id with other content
-- is refused rather than answered with the old decision.
alter table inbound_decisions add column content_digest text;
