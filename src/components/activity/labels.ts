/** Filter choices in the words the feed uses; values are the activity_logs enums. */
export const ENTITY_TYPE_OPTIONS = [
  { value: "NODE", label: "Steps" },
  { value: "EDGE", label: "Connections" },
  { value: "DEPARTMENT", label: "Departments" },
  { value: "STAGE", label: "Stages" },
  { value: "PROJECT", label: "Project" },
  { value: "MEMBER", label: "Members" },
  { value: "COMMENT", label: "Comments" },
  { value: "VERSION", label: "Versions" },
] as const;

export const ACTION_OPTIONS = [
  { value: "CREATE", label: "Added" },
  { value: "UPDATE", label: "Changed" },
  { value: "MOVE", label: "Moved" },
  { value: "DELETE", label: "Deleted" },
  { value: "RESTORE", label: "Restored" },
  { value: "ARCHIVE", label: "Archived" },
  { value: "SHARE", label: "Shared" },
] as const;

export type EntityTypeFilter = (typeof ENTITY_TYPE_OPTIONS)[number]["value"];
export type ActionFilter = (typeof ACTION_OPTIONS)[number]["value"];

export type ActivityFilters = { userId?: string; entityType?: EntityTypeFilter; action?: ActionFilter };

/** A dot per kind of change, so a long feed can be scanned by colour. */
export const ACTION_DOT: Record<string, string> = {
  CREATE: "bg-emerald-500",
  UPDATE: "bg-brand-500",
  MOVE: "bg-violet-500",
  DELETE: "bg-red-500",
  RESTORE: "bg-amber-500",
  ARCHIVE: "bg-slate-400",
  SHARE: "bg-teal-500",
};
