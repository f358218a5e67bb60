import { can, type ProjectRole } from "~/domain/roles";
import type { Project } from "~/server/db/schema";
import { DomainError, forbidden } from "../errors";

export type CommentAccess = { organizationId: string; project: Pick<Project, "id" | "status">; projectRole: ProjectRole };

/** Commenting needs COMMENTER or higher, and an archived project is read-only for everyone. */
export function writable(access: CommentAccess): boolean {
  return can.comment(access.projectRole) && access.project.status !== "ARCHIVED";
}

export function assertWritable(access: CommentAccess) {
  if (!can.comment(access.projectRole)) throw forbidden("This needs the project role COMMENTER or higher");
  if (access.project.status === "ARCHIVED") {
    throw new DomainError("PROJECT_ARCHIVED", "This project is archived; unarchive it to comment");
  }
}
