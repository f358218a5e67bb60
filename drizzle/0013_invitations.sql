CREATE TYPE "public"."invitation_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED');--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid,
	"email" varchar(255) NOT NULL,
	"org_role" "org_role" DEFAULT 'MEMBER' NOT NULL,
	"project_role" "project_role",
	"status" "invitation_status" DEFAULT 'PENDING' NOT NULL,
	"invited_by" uuid,
	"responded_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_project_role" CHECK (("invitations"."project_id" IS NULL) = ("invitations"."project_role" IS NULL)),
	CONSTRAINT "invitations_email_lower" CHECK ("invitations"."email" = lower("invitations"."email"))
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_pending_org_key" ON "invitations" USING btree ("organization_id","email") WHERE "invitations"."project_id" IS NULL AND "invitations"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_pending_project_key" ON "invitations" USING btree ("project_id","email") WHERE "invitations"."project_id" IS NOT NULL AND "invitations"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "invitations_project_id_idx" ON "invitations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "invitations_invited_by_idx" ON "invitations" USING btree ("invited_by");--> statement-breakpoint
-- Consent before joining: adding someone who is not in the organization yet creates an
-- invitation, and only the person signed in with that email can accept it. The invitee cannot
-- see the organization (or the project) before joining, so they read and answer invitations
-- through the definer functions below, which answer only about invitations addressed to the
-- acting user's own email. The people who manage the organization (or the project) see its
-- invitations through the policy.
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO flowmatrix_app;
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_invitation ON invitations USING (
  CASE WHEN project_id IS NULL THEN organization_id = ANY ((SELECT app_org_ids())::uuid[])
       ELSE project_id = ANY ((SELECT app_project_ids())::uuid[]) END
);
--> statement-breakpoint
-- Members are no longer looked up by email across tenants: an invitation is addressed to the
-- email whether or not an account uses it, so the answer reveals nothing about accounts.
DROP FUNCTION IF EXISTS app_account_by_email(text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_my_email() RETURNS varchar
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT email FROM users WHERE id = app_user_id() AND deleted_at IS NULL
$$;
--> statement-breakpoint
-- Invitations addressed to the acting user, any status, with what they need to decide.
CREATE OR REPLACE FUNCTION app_my_invitations(one_id uuid)
RETURNS TABLE (id uuid, status invitation_status, organization_id uuid, organization_name varchar, organization_slug varchar,
  project_id uuid, project_name varchar, project_slug varchar, org_role org_role, project_role project_role,
  invited_by_name varchar, created_at timestamptz, expires_at timestamptz, gone boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id, i.status, o.id, o.name, o.slug, p.id, p.name, p.slug, i.org_role, i.project_role, u.name, i.created_at, i.expires_at,
         o.deleted_at IS NOT NULL OR p.deleted_at IS NOT NULL
  FROM invitations i
  JOIN organizations o ON o.id = i.organization_id
  LEFT JOIN projects p ON p.id = i.project_id
  LEFT JOIN users u ON u.id = i.invited_by
  WHERE i.email = app_my_email() AND (one_id IS NULL OR i.id = one_id)
  ORDER BY i.created_at DESC, i.id
$$;
--> statement-breakpoint
-- Whether an invitation exists for another address (a link opened in the wrong account).
CREATE OR REPLACE FUNCTION app_invitation_for_someone_else(inv uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT app_user_id() IS NOT NULL AND EXISTS (SELECT 1 FROM invitations WHERE id = inv AND email IS DISTINCT FROM app_my_email())
$$;
--> statement-breakpoint
-- Accepting: the acting user joins the organization (within its member limit) and the project,
-- with the roles the invitation names, in the caller's transaction. The outcome says why not.
CREATE OR REPLACE FUNCTION app_accept_invitation(inv uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me uuid := app_user_id();
  i invitations%ROWTYPE;
  org_settings jsonb;
  member_count integer;
BEGIN
  SELECT * INTO i FROM invitations WHERE id = inv AND email = app_my_email() FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 'NOT_FOUND';
  ELSIF i.status <> 'PENDING' THEN
    RETURN 'WAS_' || i.status::text;
  ELSIF i.expires_at <= now() THEN
    RETURN 'EXPIRED';
  END IF;
  SELECT settings INTO org_settings FROM organizations WHERE id = i.organization_id AND deleted_at IS NULL FOR UPDATE;
  IF NOT FOUND OR (i.project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects WHERE id = i.project_id AND deleted_at IS NULL)) THEN
    RETURN 'GONE';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM organization_members WHERE organization_id = i.organization_id AND user_id = me) THEN
    SELECT count(*)::int INTO member_count FROM organization_members WHERE organization_id = i.organization_id;
    IF member_count >= coalesce((org_settings ->> 'max_members')::int, 2147483647) THEN
      RETURN 'FULL';
    END IF;
    INSERT INTO organization_members (organization_id, user_id, role, invited_by) VALUES (i.organization_id, me, i.org_role, i.invited_by);
  END IF;
  IF i.project_id IS NOT NULL THEN
    INSERT INTO project_members (organization_id, project_id, user_id, role, invited_by)
    VALUES (i.organization_id, i.project_id, me, i.project_role, i.invited_by)
    ON CONFLICT DO NOTHING;
  END IF;
  UPDATE invitations SET status = 'ACCEPTED', responded_at = now(), updated_at = now() WHERE id = inv;
  RETURN 'ACCEPTED';
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_decline_invitation(inv uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  current_status invitation_status;
BEGIN
  SELECT status INTO current_status FROM invitations WHERE id = inv AND email = app_my_email() FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 'NOT_FOUND';
  ELSIF current_status <> 'PENDING' THEN
    RETURN 'WAS_' || current_status::text;
  END IF;
  UPDATE invitations SET status = 'DECLINED', responded_at = now(), updated_at = now() WHERE id = inv;
  RETURN 'DECLINED';
END
$$;
