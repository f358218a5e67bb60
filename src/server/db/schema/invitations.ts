import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { orgRole, projectRole } from "./enums";
import { organizations } from "./organizations";
import { projects } from "./projects";
import { users } from "./users";

export const invitationStatus = pgEnum("invitation_status", ["PENDING", "ACCEPTED", "DECLINED", "REVOKED"]);

/**
 * An offer to join an organization (project_id null) or a project in it, addressed to an
 * email. Nobody becomes a member until the person signed in with that email accepts: the
 * invitee reads and answers it through definer functions, since they cannot see the
 * organization before joining it.
 */
export const invitations = pgTable(
  "invitations",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: t.uuid().references(() => projects.id, { onDelete: "cascade" }),
    email: t.varchar({ length: 255 }).notNull(),
    /** The organization role they get on accepting (MEMBER for a project invitation). */
    orgRole: orgRole().notNull().default("MEMBER"),
    /** The project role they get on accepting; set exactly when project_id is. */
    projectRole: projectRole(),
    status: invitationStatus().notNull().default("PENDING"),
    invitedBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    respondedAt: t.timestamp({ withTimezone: true }),
    expiresAt: t.timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  }),
  (table) => [
    check("invitations_project_role", sql`(${table.projectId} IS NULL) = (${table.projectRole} IS NULL)`),
    check("invitations_email_lower", sql`${table.email} = lower(${table.email})`),
    uniqueIndex("invitations_pending_org_key")
      .on(table.organizationId, table.email)
      .where(sql`${table.projectId} IS NULL AND ${table.status} = 'PENDING'`),
    uniqueIndex("invitations_pending_project_key")
      .on(table.projectId, table.email)
      .where(sql`${table.projectId} IS NOT NULL AND ${table.status} = 'PENDING'`),
    index("invitations_email_idx").on(table.email),
    index("invitations_project_id_idx").on(table.projectId),
    index("invitations_invited_by_idx").on(table.invitedBy),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
