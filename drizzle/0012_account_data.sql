-- What a person wrote stays theirs to read, also in projects they can no longer open: their
-- comments and their activity, for "Export my data".
CREATE POLICY own_comment ON comments FOR SELECT USING (user_id = app_user_id());
--> statement-breakpoint
CREATE POLICY own_activity ON activity_logs FOR SELECT USING (user_id = app_user_id());
--> statement-breakpoint
-- "Delete my account", for the acting user (the service checks the password and the
-- last-owner rule first). Their comments and activity stay, anonymized: no author, no address,
-- no browser. Memberships, undo history and sessions go; the account row is kept as a
-- tombstone with nothing personal left, so the rows that pointed to it still say "a former
-- member" and the email is free for a new account.
CREATE OR REPLACE FUNCTION app_delete_account() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me uuid := app_user_id();
BEGIN
  IF me IS NULL THEN
    RAISE EXCEPTION 'app_delete_account: nobody is acting';
  END IF;
  UPDATE activity_logs SET user_id = NULL, ip_address = NULL, user_agent = NULL WHERE user_id = me;
  UPDATE comments SET user_id = NULL WHERE user_id = me;
  UPDATE comments SET resolved_by = NULL WHERE resolved_by = me;
  UPDATE operation_batches SET user_id = NULL WHERE user_id = me;
  DELETE FROM undo_entries WHERE user_id = me;
  DELETE FROM project_members WHERE user_id = me;
  DELETE FROM organization_members WHERE user_id = me;
  DELETE FROM sessions WHERE user_id = me;
  UPDATE users
  SET email = 'deleted-' || me::text || '@deleted.invalid', name = 'Deleted user', avatar_url = NULL, password_hash = '!',
      deleted_at = now()
  WHERE id = me;
END
$$;
