-- Instance administrators (ADMIN_EMAILS) read the whole instance's history and its users; every
-- such read is recorded here first, in the read's own transaction (docs/administration.md). Like
-- audit_entries the record is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, so an
-- administrator cannot erase what they looked at. No foreign key to users: deleting an account
-- must not need to delete (and so be refused by) the record of what its administrator read.
CREATE TABLE admin_reads (
  id          uuid PRIMARY KEY,
  admin_id    text NOT NULL,
  -- The address that made them an administrator at the time of the read.
  admin_email varchar(320) NOT NULL,
  -- The procedure ("admin.users", "admin.history", "admin.reads") and the filters it was given.
  procedure   varchar(100) NOT NULL,
  filters     jsonb NOT NULL DEFAULT '{}',
  read_at     timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX admin_reads_read_at_id_idx ON admin_reads (read_at, id);

CREATE FUNCTION admin_reads_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_reads is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER admin_reads_no_update_delete
  BEFORE UPDATE OR DELETE ON admin_reads
  FOR EACH ROW EXECUTE FUNCTION admin_reads_immutable();
CREATE TRIGGER admin_reads_no_truncate
  BEFORE TRUNCATE ON admin_reads
  FOR EACH STATEMENT EXECUTE FUNCTION admin_reads_immutable();

-- The instance history filtered by person is a read by actor.
CREATE INDEX audit_entries_actor_occurred_at_id_idx ON audit_entries (actor, occurred_at, id);
