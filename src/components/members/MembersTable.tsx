"use client";

import { roleLabel } from "../lib/format";
import { Avatar } from "../ui/Avatar";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/field-styles";

export type Member = { userId: string; name: string; email: string; avatarUrl: string | null; role: string };

type MembersTableProps = {
  members: Member[];
  roles: readonly string[];
  currentUserId: string;
  /** Whether the signed-in user may change this member's role or remove them. */
  canManage: (member: Member) => boolean;
  isRoleAllowed?: (role: string) => boolean;
  onChangeRole: (member: Member, role: string) => void;
  onRemove: (member: Member) => void;
  busyUserId?: string | null;
};

export function MembersTable(props: MembersTableProps) {
  const { members, roles, currentUserId, canManage, isRoleAllowed = () => true, onChangeRole, onRemove, busyUserId } = props;
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-y border-slate-100 bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
            <th scope="col" className="px-5 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Email
            </th>
            <th scope="col" className="px-3 py-2">
              Role
            </th>
            <th scope="col" className="px-5 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const manageable = canManage(member);
            const isMe = member.userId === currentUserId;
            return (
              <tr key={member.userId} data-testid="member-row" aria-busy={busyUserId === member.userId || undefined}>
                <th scope="row" className="px-5 py-3 text-left font-medium text-slate-900">
                  <span className="flex items-center gap-3">
                    <Avatar name={member.name} url={member.avatarUrl} size={28} />
                    <span className="truncate">{member.name}</span>
                    {isMe && <Badge>You</Badge>}
                  </span>
                </th>
                <td className="px-3 py-3 text-slate-600">{member.email}</td>
                <td className="px-3 py-3">
                  <select
                    aria-label={`Role for ${member.name}`}
                    value={member.role}
                    disabled={!manageable || busyUserId === member.userId}
                    onChange={(e) => onChangeRole(member, e.target.value)}
                    className={`${inputClass} w-36 py-1.5`}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role} disabled={role !== member.role && !isRoleAllowed(role)}>
                        {roleLabel(role)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-5 py-3 text-right">
                  {manageable && !isMe && (
                    <Button variant="dangerGhost" size="sm" onClick={() => onRemove(member)}>
                      Remove<span className="sr-only"> {member.name}</span>
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
