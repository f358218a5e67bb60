import { sql } from "drizzle-orm";
import { check, index, pgTable } from "drizzle-orm/pg-core";
import { createdAt, deletedAt, id, updatedAt } from "./columns";

export const users = pgTable(
  "users",
  (t) => ({
    id: id(),
    email: t.varchar({ length: 255 }).notNull().unique(),
    passwordHash: t.varchar({ length: 255 }).notNull(),
    name: t.varchar({ length: 255 }).notNull(),
    avatarUrl: t.varchar({ length: 500 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  }),
  (table) => [
    check("users_email_lowercase", sql`${table.email} = lower(${table.email})`),
    index("users_deleted_at_idx").on(table.deletedAt),
  ],
);

export type User = typeof users.$inferSelect;

/**
 * One row per sign-in. The session token names its row, and every request checks the row is
 * still live, so signing out, changing the password and "sign out everywhere" end tokens
 * that were copied elsewhere, not only the cookie in this browser.
 */
export const sessions = pgTable(
  "sessions",
  (t) => ({
    id: id(),
    userId: t
      .uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: t.timestamp({ withTimezone: true }).notNull(),
    revokedAt: t.timestamp({ withTimezone: true }),
    userAgent: t.varchar({ length: 500 }),
  }),
  (table) => [
    index("sessions_user_live_idx")
      .on(table.userId)
      .where(sql`${table.revokedAt} IS NULL`),
  ],
);

export type Session = typeof sessions.$inferSelect;

/**
 * Fixed-window counters for rate limits, keyed by what is limited ("signin-ip:203.0.113.7").
 * In the database, so a limit holds across every instance of the app.
 */
export const rateLimits = pgTable("rate_limits", (t) => ({
  key: t.varchar({ length: 400 }).primaryKey(),
  windowStart: t.timestamp({ withTimezone: true }).notNull(),
  count: t.integer().notNull(),
}));
