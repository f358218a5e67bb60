CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"scope" varchar(5) NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_scope" CHECK ("api_tokens"."scope" IN ('READ', 'WRITE'))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "api_tokens_organization_id_idx" ON "api_tokens" USING btree ("organization_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens TO flowmatrix_app;
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A person sees and revokes only their own tokens.
CREATE POLICY own_token ON api_tokens USING (user_id = app_user_id());
--> statement-breakpoint
-- The REST API's sign-in: who a token stands for, before anyone is acting. Only a live token of
-- a live account that is still a member of the token's organization answers; its last use is
-- kept to the minute.
CREATE OR REPLACE FUNCTION app_token_owner(p_hash text)
RETURNS TABLE (token_id uuid, user_id uuid, organization_id uuid, scope varchar)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    UPDATE api_tokens t SET last_used_at = now()
    FROM users u, organization_members m
    WHERE t.token_hash = p_hash AND t.revoked_at IS NULL
      AND u.id = t.user_id AND u.deleted_at IS NULL
      AND m.organization_id = t.organization_id AND m.user_id = t.user_id
      AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = t.organization_id AND o.deleted_at IS NULL)
    RETURNING t.id, t.user_id, t.organization_id, t.scope;
END
$$;
