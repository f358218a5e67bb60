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
