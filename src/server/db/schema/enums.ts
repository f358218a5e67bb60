import { pgEnum } from "drizzle-orm/pg-core";

export const orgRole = pgEnum("org_role", ["OWNER", "ADMIN", "MEMBER"]);
export const projectRole = pgEnum("project_role", ["OWNER", "EDITOR", "COMMENTER", "VIEWER"]);
export const projectStatus = pgEnum("project_status", ["ACTIVE", "ARCHIVED"]);
export const nodeType = pgEnum("node_type", ["TRIGGER", "ACTION", "DECISION", "ARTIFACT"]);
export const nodeStatus = pgEnum("node_status", ["PENDING", "READY", "IN_PROGRESS", "COMPLETED", "BLOCKED"]);
export const relationType = pgEnum("relation_type", ["REQUIRES", "BLOCKS", "FEEDBACK_TO"]);
export const bottleneckSeverity = pgEnum("bottleneck_severity", ["LOW", "MEDIUM", "HIGH", "CRITICAL"]);
export const templateCategory = pgEnum("template_category", [
  "SW_DEVELOPMENT",
  "HW_DEVELOPMENT",
  "MARKETING",
  "DESIGN",
  "OPERATIONS",
  "CUSTOM",
  "HR",
  "FINANCE",
  "CUSTOMER",
]);
export const activityAction = pgEnum("activity_action", [
  "CREATE",
  "UPDATE",
  "MOVE",
  "DELETE",
  "RESTORE",
  "ARCHIVE",
  "EXPORT",
  "IMPORT",
  "SHARE",
]);
export const entityType = pgEnum("entity_type", [
  "PROJECT",
  "NODE",
  "EDGE",
  "DEPARTMENT",
  "STAGE",
  "MEMBER",
  "VERSION",
  "COMMENT",
  "TEMPLATE",
]);

export type OrgRole = (typeof orgRole.enumValues)[number];
export type ProjectRole = (typeof projectRole.enumValues)[number];
export const historyStack = pgEnum("history_stack", ["UNDO", "REDO"]);
