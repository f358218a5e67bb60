import { can, type ProjectRole } from "~/domain/roles";
import type { Project } from "~/server/db/schema";
import { forbidden } from "../errors";
import { requireWritable } from "../guards";

export type CommentAccess = { organizationId: string; project: Pick<Project, "id" | "status">; projectRole: ProjectRole };

/** Commenting needs COMMENTER or higher, and an archived project is read-only for everyone. */
export function writable(access: CommentAccess): boolean {
  return can.comment(access.projectRole) && access.project.status !== "ARCHIVED";
}

export function assertWritable(access: CommentAccess) {
  if (!can.comment(access.projectRole)) throw forbidden("This needs the project role COMMENTER or higher");
  requireWritable(access.project.status, "comment");
}
