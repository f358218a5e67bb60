import type { OrgRole, ProjectRole } from "~/domain/roles";
import { roleLabel } from "../lib/format";
import { Badge, type BadgeTone } from "./Badge";

const TONE: Record<OrgRole | ProjectRole, BadgeTone> = {
  OWNER: "violet",
  ADMIN: "brand",
  EDITOR: "brand",
  MEMBER: "slate",
  COMMENTER: "slate",
  VIEWER: "slate",
};

export function RoleBadge({ role }: { role: OrgRole | ProjectRole }) {
  return (
    <Badge tone={TONE[role]} data-testid="role-badge" title={`Your role: ${roleLabel(role)}`}>
      {roleLabel(role)}
    </Badge>
  );
}
