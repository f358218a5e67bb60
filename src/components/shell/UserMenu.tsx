"use client";

import { useQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "~/trpc/react";
import { Avatar } from "../ui/Avatar";
import { Icon } from "../ui/Icon";
import { Menu } from "../ui/Menu";
import { MenuItem } from "../ui/MenuItem";
import { MenuSeparator } from "../ui/MenuSeparator";

type SessionUser = { name?: string | null; email?: string | null };

export function UserMenu({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.user.me.queryOptions());
  const name = me.data?.name ?? user.name ?? "Account";
  const email = me.data?.email ?? user.email ?? "";
  return (
    <Menu
      label="Account"
      align="right"
      triggerTestId="user-menu"
      triggerClassName="p-1 pr-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
      trigger={
        <>
          <Avatar name={name} url={me.data?.avatarUrl} size={28} />
          <span className="hidden max-w-40 truncate lg:inline">{name}</span>
          <Icon name="chevronDown" className="size-4 text-slate-400" />
        </>
      }
    >
      {(close) => (
        <>
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-500">{email}</p>
          </div>
          <MenuSeparator />
          <MenuItem href="/profile" onSelect={close}>
            <Icon name="user" className="size-4 text-slate-400" />
            Profile
          </MenuItem>
          <MenuItem onSelect={() => void signOut({ callbackUrl: "/login" })}>
            <Icon name="logout" className="size-4 text-slate-400" />
            Sign out
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
