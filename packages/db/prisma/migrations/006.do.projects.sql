-- Shared boards (docs/projects.md): projects with ordered sections, members with a role, and
-- invitations by email. Every user has one Inbox (personal, never shared); every existing task
-- moves to its owner's Inbox here, keeping its id, its history and its events.

CREATE TYPE project_role AS ENUM ('OWNER', 'EDITOR', 'VIEWER');
CREATE TYPE project_view AS ENUM ('LIST', 'KANBAN');
CREATE TYPE invitation_status AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED');

CREATE TABLE projects (
  id          uuid PRIMARY KEY,
  owner_id    text NOT NULL REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE,
  name        varchar(100) NOT NULL,
  color       varchar(7) NOT NULL DEFAULT '#64748b',
  is_inbox    boolean NOT NULL DEFAULT false,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  archived_at timestamptz(3),
  deleted_at  timestamptz(3)
);
-- One Inbox per person.
CREATE UNIQUE INDEX projects_one_inbox ON projects (owner_id) WHERE is_inbox;

CREATE TABLE project_members (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id    text NOT NULL REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE,
  role       project_role NOT NULL,
  -- This member's own sidebar order and view of the project.
  position   double precision NOT NULL DEFAULT 0,
  view       project_view NOT NULL DEFAULT 'LIST',
  joined_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_members_user_id_idx ON project_members (user_id);
-- Exactly one owner per project.
CREATE UNIQUE INDEX project_members_one_owner ON project_members (project_id) WHERE role = 'OWNER';

CREATE TABLE project_invitations (
  id           uuid PRIMARY KEY,
  project_id   uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- Lower-cased: an invitation waits for the sign-up of this address.
  email        varchar(320) NOT NULL,
  role         project_role NOT NULL CHECK (role <> 'OWNER'),
  invited_by   text NOT NULL REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE,
  status       invitation_status NOT NULL DEFAULT 'PENDING',
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  responded_at timestamptz(3)
);
-- At most one open invitation per address and project.
CREATE UNIQUE INDEX project_invitations_one_pending ON project_invitations (project_id, email) WHERE status = 'PENDING';
CREATE INDEX project_invitations_email_status_idx ON project_invitations (email, status);

CREATE TABLE sections (
  id         uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE,
  name       varchar(100) NOT NULL,
  position   double precision NOT NULL DEFAULT 0,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3)
);
CREATE INDEX sections_project_id_position_idx ON sections (project_id, position);

-- A task's project and section, and the member it is assigned to. tasks.user_id stays the
-- task's creator: it never changes, which is why it is the events' partition key (per-task order).
ALTER TABLE tasks ADD COLUMN project_id uuid REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE tasks ADD COLUMN section_id uuid REFERENCES sections(id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE tasks ADD COLUMN assignee_id text REFERENCES users(id) ON DELETE SET NULL ON UPDATE CASCADE;

-- Every existing user gets an Inbox, and their tasks move into it.
CREATE FUNCTION create_inbox_for(p_user_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  inbox_id uuid := gen_random_uuid();
BEGIN
  INSERT INTO projects (id, owner_id, name, is_inbox) VALUES (inbox_id, p_user_id, 'Inbox', true)
    ON CONFLICT DO NOTHING;
  IF FOUND THEN
    INSERT INTO project_members (project_id, user_id, role) VALUES (inbox_id, p_user_id, 'OWNER');
  END IF;
END $$;

SELECT create_inbox_for(id) FROM users;
UPDATE tasks t SET project_id = p.id FROM projects p WHERE p.owner_id = t.user_id AND p.is_inbox;
ALTER TABLE tasks ALTER COLUMN project_id SET NOT NULL;
CREATE INDEX tasks_project_id_position_idx ON tasks (project_id, position);
CREATE INDEX tasks_assignee_id_idx ON tasks (assignee_id);
CREATE INDEX tasks_section_id_idx ON tasks (section_id);

-- A new account gets its Inbox in the transaction that creates it, whoever creates it
-- (better-auth's sign-up, a test, an import): no code path can forget it.
CREATE FUNCTION users_create_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM create_inbox_for(NEW.id);
  RETURN NEW;
END $$;
CREATE TRIGGER users_create_inbox AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_create_inbox();

-- History: the project an entry belongs to, so a project's history is one indexed read for its
-- members. Entries written before projects belong to their task's (now Inbox) project; the
-- immutability triggers are paused for this one backfill, inside this migration's transaction.
ALTER TABLE audit_entries ADD COLUMN project_id uuid;
ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete;
UPDATE audit_entries a SET project_id = t.project_id FROM tasks t WHERE t.id::text = a.task_id;
ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete;
CREATE INDEX audit_entries_project_id_occurred_at_id_idx ON audit_entries (project_id, occurred_at, id);
