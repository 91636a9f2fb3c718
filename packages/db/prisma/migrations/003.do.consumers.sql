-- What the workers' consumers keep: the immutable audit trail, in-app notifications, the reminder
-- each task currently wants, and which task each completed occurrence of a series spawned.

-- One row per event, written by the audit consumers. Immutable: the triggers below refuse every
-- UPDATE, DELETE and TRUNCATE, so not even a buggy consumer or an operator's slip can rewrite
-- history. No foreign keys on purpose: a cascade from users or tasks would be a DELETE.
CREATE TABLE audit_entries (
  id             uuid PRIMARY KEY,
  event_id       text NOT NULL,
  user_id        text NOT NULL,
  type           varchar(100) NOT NULL,
  actor          text NOT NULL,
  task_id        text,
  version        integer,
  occurred_at    timestamptz(3) NOT NULL,
  recorded_at    timestamptz(3) NOT NULL DEFAULT now(),
  correlation_id text NOT NULL,
  causation_id   text NOT NULL,
  previous       jsonb,
  snapshot       jsonb,
  diff           jsonb NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX audit_entries_event_id_key ON audit_entries (event_id);
CREATE INDEX audit_entries_user_id_occurred_at_id_idx ON audit_entries (user_id, occurred_at, id);
CREATE INDEX audit_entries_user_id_task_id_occurred_at_idx ON audit_entries (user_id, task_id, occurred_at);

CREATE FUNCTION audit_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_immutable();
CREATE TRIGGER audit_entries_no_truncate
  BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_immutable();

-- In-app notifications. event_id is the id of the event announcing it (reminder.fired), derived
-- from the reminder job, so a job that fires twice, or on two replicas, creates one row.
CREATE TABLE notifications (
  id         uuid PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  task_id    uuid REFERENCES tasks (id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind       varchar(50) NOT NULL,
  title      varchar(500) NOT NULL,
  body       text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  read_at    timestamptz(3),
  event_id   text NOT NULL
);
CREATE UNIQUE INDEX notifications_event_id_key ON notifications (event_id);
CREATE INDEX notifications_user_id_created_at_idx ON notifications (user_id, created_at);
CREATE INDEX notifications_user_id_read_at_idx ON notifications (user_id, read_at);

-- The reminder a task currently wants, and the bus job that carries it. A job that fires for a
-- name that no longer matches its task's row is a no-op, which makes scheduling before commit
-- safe. task_version keeps an older event from undoing a newer one.
CREATE TABLE reminder_jobs (
  task_id      uuid PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id      text NOT NULL,
  job_name     text NOT NULL,
  fire_at      timestamptz(3) NOT NULL,
  status       varchar(20) NOT NULL,
  task_version integer NOT NULL,
  updated_at   timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT reminder_jobs_status CHECK (status IN ('SCHEDULED', 'FIRED', 'CANCELLED'))
);

-- Each completed occurrence spawns at most one next occurrence, whatever happens to it later
-- (reopened and completed again, on another day): keyed by the completed task, not by the next
-- due date, which FROM_COMPLETION rules compute from the completion time.
CREATE TABLE recurrence_slots (
  source_task_id uuid PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE ON UPDATE CASCADE,
  series_id      uuid NOT NULL,
  next_task_id   uuid NOT NULL,
  next_due_at    timestamptz(3) NOT NULL,
  created_at     timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX recurrence_slots_next_task_id_key ON recurrence_slots (next_task_id);
