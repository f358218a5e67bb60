import { sql } from "drizzle-orm";
import { check, index, pgTable, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * A personal API token for the REST API (/api/v1): one user's access to one organization,
 * read or read and write. Only its SHA-256 is stored; the token is shown once, when made.
 */
export const apiTokens = pgTable(
  "api_tokens",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: t
      .uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: t.varchar({ length: 100 }).notNull(),
    scope: t.varchar({ length: 5 }).notNull(),
    /** The first characters of the token, to tell tokens apart in a list. */
    prefix: t.varchar({ length: 12 }).notNull(),
    tokenHash: t.varchar({ length: 64 }).notNull(),
    lastUsedAt: t.timestamp({ withTimezone: true }),
    revokedAt: t.timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  }),
  (table) => [
    check("api_tokens_scope", sql`${table.scope} IN ('READ', 'WRITE')`),
    uniqueIndex("api_tokens_hash_key").on(table.tokenHash),
    index("api_tokens_user_idx").on(table.userId),
    index("api_tokens_organization_id_idx").on(table.organizationId),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
