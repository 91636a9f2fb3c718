-- The per-user change feed behind live updates: the sync consumer appends one row per event it
-- handles (in the same transaction as its idempotency record), Socket.IO pushes it, and a browser
-- that missed some catches up by `seq`. Plus the table the Socket.IO PostgreSQL adapter keeps
-- payloads too large for NOTIFY in.

-- One row per user: the last seq handed out. `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`
-- locks the row until the transaction ends, so concurrent appends for one user take seq numbers
-- one after the other, in commit order, and a rolled-back append gives its number back (no gaps).
CREATE TABLE user_change_counters (
  user_id  text PRIMARY KEY,
  last_seq bigint NOT NULL
);

-- No foreign key to users: this is a derived log, and an event that arrives after its user was
-- deleted must not be dead-lettered for it.
CREATE TABLE user_changes (
  user_id    text NOT NULL,
  seq        bigint NOT NULL,
  kind       varchar(50) NOT NULL,
  entity_id  text NOT NULL,
  version    integer NOT NULL,
  payload    jsonb NOT NULL,
  event_id   text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, seq)
);
CREATE UNIQUE INDEX user_changes_event_id_key ON user_changes (event_id);
CREATE INDEX user_changes_created_at_idx ON user_changes (created_at);

-- @socket.io/postgres-adapter: a broadcast over NOTIFY's 8000-byte limit is stored here and only
-- its id is notified; the adapter deletes old rows itself.
CREATE TABLE socket_io_attachments (
  id         bigserial PRIMARY KEY,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  payload    bytea NOT NULL
);
CREATE INDEX socket_io_attachments_created_at_idx ON socket_io_attachments (created_at);
