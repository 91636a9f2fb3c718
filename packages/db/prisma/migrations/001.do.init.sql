-- Accounts, tasks, tags and the transactional outbox.

CREATE TABLE users (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  email          text NOT NULL,
  email_verified boolean NOT NULL DEFAULT false,
  image          text,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  updated_at     timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE sessions (
  id         text PRIMARY KEY,
  token      text NOT NULL,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  expires_at timestamptz(3) NOT NULL,
  ip_address text,
  user_agent text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sessions_token_key ON sessions (token);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE accounts (
  id                       text PRIMARY KEY,
  account_id               text NOT NULL,
  provider_id              text NOT NULL,
  user_id                  text NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  access_token             text,
  refresh_token            text,
  id_token                 text,
  access_token_expires_at  timestamptz(3),
  refresh_token_expires_at timestamptz(3),
  scope                    text,
  password                 text,
  created_at               timestamptz(3) NOT NULL DEFAULT now(),
  updated_at               timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX accounts_user_id_idx ON accounts (user_id);

CREATE TABLE verifications (
  id         text PRIMARY KEY,
  identifier text NOT NULL,
  value      text NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX verifications_identifier_idx ON verifications (identifier);

CREATE TYPE task_status AS ENUM ('OPEN', 'COMPLETED');
CREATE TYPE task_priority AS ENUM ('NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT');
CREATE TYPE recurrence_mode AS ENUM ('FIXED', 'FROM_COMPLETION');

CREATE TABLE tasks (
  id                    uuid PRIMARY KEY,
  user_id               text NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  title                 varchar(500) NOT NULL,
  description           text NOT NULL DEFAULT '',
  status                task_status NOT NULL DEFAULT 'OPEN',
  priority              task_priority NOT NULL DEFAULT 'NONE',
  due_at                timestamptz(3),
  all_day               boolean NOT NULL DEFAULT false,
  time_zone             varchar(64) NOT NULL DEFAULT 'UTC',
  remind_at             timestamptz(3),
  remind_before_minutes integer,
  rrule                 varchar(500),
  recurrence_mode       recurrence_mode,
  series_id             uuid,
  position              double precision NOT NULL DEFAULT 0,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz(3) NOT NULL DEFAULT now(),
  updated_at            timestamptz(3) NOT NULL DEFAULT now(),
  completed_at          timestamptz(3),
  deleted_at            timestamptz(3),
  -- The database keeps the invariants a buggy caller could break.
  CONSTRAINT tasks_reminder_one_kind CHECK (remind_at IS NULL OR remind_before_minutes IS NULL),
  CONSTRAINT tasks_relative_reminder_needs_due CHECK (remind_before_minutes IS NULL OR due_at IS NOT NULL),
  CONSTRAINT tasks_rrule_has_mode CHECK ((rrule IS NULL) = (recurrence_mode IS NULL)),
  CONSTRAINT tasks_version_positive CHECK (version >= 1)
);
CREATE INDEX tasks_user_id_status_due_at_idx ON tasks (user_id, status, due_at);
CREATE INDEX tasks_user_id_position_idx ON tasks (user_id, position);
CREATE INDEX tasks_series_id_idx ON tasks (series_id);

CREATE TABLE tags (
  id         uuid PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  name       varchar(50) NOT NULL,
  color      varchar(7) NOT NULL DEFAULT '#64748b',
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tags_user_id_name_key ON tags (user_id, name);

CREATE TABLE task_tags (
  task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE ON UPDATE CASCADE,
  tag_id  uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE ON UPDATE CASCADE,
  PRIMARY KEY (task_id, tag_id)
);
CREATE INDEX task_tags_tag_id_idx ON task_tags (tag_id);

CREATE TABLE outbox_events (
  id            uuid PRIMARY KEY,
  sequence      bigserial NOT NULL,
  topic         varchar(100) NOT NULL,
  type          varchar(100) NOT NULL,
  partition_key text NOT NULL,
  event         jsonb NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  published_at  timestamptz(3),
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text
);
CREATE UNIQUE INDEX outbox_events_sequence_key ON outbox_events (sequence);
CREATE INDEX outbox_events_published_at_sequence_idx ON outbox_events (published_at, sequence);
CREATE INDEX outbox_events_partition_key_sequence_idx ON outbox_events (partition_key, sequence);
