import { index, pgTable } from "drizzle-orm/pg-core";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { templateCategory } from "./enums";
import { organizations } from "./organizations";
import { users } from "./users";

export const templates = pgTable(
  "templates",
  (t) => ({
    id: id(),
    /** NULL for the built-in templates every organization sees. */
    organizationId: t.uuid().references(() => organizations.id, { onDelete: "cascade" }),
    name: t.varchar({ length: 255 }).notNull(),
    description: t.text(),
    category: templateCategory().notNull().default("CUSTOM"),
    tags: t.text().array().notNull().default([]),
    thumbnailUrl: t.varchar({ length: 500 }),
    /** { format, nodes, edges, departments, stages } in the version snapshot format. */
    snapshot: t.jsonb().notNull(),
    usageCount: t.integer().notNull().default(0),
    createdBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  }),
  (table) => [
    index("templates_organization_id_idx").on(table.organizationId),
    index("templates_category_idx").on(table.category),
    index("templates_created_by_idx").on(table.createdBy),
  ],
);
