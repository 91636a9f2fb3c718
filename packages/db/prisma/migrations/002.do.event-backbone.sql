-- The event backbone: consumers' idempotency records, dead letters for operators, and the
-- outbox's wake-up hint for the relay.

-- One row per (consumer, event) whose effect committed; written in the same transaction as the
-- effect, so a redelivered event is recognised and changes nothing.
CREATE TABLE processed_events (
  consumer     varchar(100) NOT NULL,
  event_id     text NOT NULL,
  processed_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_events_processed_at_idx ON processed_events (processed_at);

-- Events a consumer gave up on (malformed, or failing after its retries). One row per consumer
-- and event: a replay that fails again updates it.
CREATE TABLE dead_letters (
  id          uuid PRIMARY KEY,
  consumer    varchar(100) NOT NULL,
  topic       varchar(100) NOT NULL,
  event_id    text NOT NULL,
  event       jsonb NOT NULL,
  error       text NOT NULL,
  attempts    integer NOT NULL,
  failed_at   timestamptz(3) NOT NULL DEFAULT now(),
  replayed_at timestamptz(3)
);
CREATE UNIQUE INDEX dead_letters_consumer_event_id_key ON dead_letters (consumer, event_id);
CREATE INDEX dead_letters_failed_at_idx ON dead_letters (failed_at);

-- A hint only (PITFALLS 11): one empty notification per inserting statement, so the relay wakes
-- at once instead of at its next poll. The relay still polls, so a lost notification costs
-- latency, never an event.
CREATE FUNCTION outbox_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_events', '');
  RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_events_notify
  AFTER INSERT ON outbox_events
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify();

