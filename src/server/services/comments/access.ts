import { can } from "~/domain/roles";
import type { ProjectAccess } from "../access";
import { forbidden } from "../errors";
import { requireWritable } from "../guards";

/** Commenting needs COMMENTER or higher, and an archived project is read-only for everyone. */
export function writable(access: ProjectAccess): boolean {
  return can.comment(access.projectRole) && access.project.status !== "ARCHIVED";
}

export function assertWritable(access: ProjectAccess) {
  if (!can.comment(access.projectRole)) throw forbidden("This needs the project role COMMENTER or higher");
  requireWritable(access.project.status, "comment");
}
