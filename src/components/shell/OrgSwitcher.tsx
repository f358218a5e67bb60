"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RouterOutputs } from "~/trpc/react";
import { roleLabel } from "../lib/format";
import { Icon } from "../ui/Icon";
import { Menu } from "../ui/Menu";
import { MenuItem } from "../ui/MenuItem";
import { MenuSeparator } from "../ui/MenuSeparator";
import { CreateOrgDialog } from "./CreateOrgDialog";
import { OrgDot } from "./OrgDot";

type Org = RouterOutputs["org"]["list"][number];

export function OrgSwitcher({ orgs, current }: { orgs: Org[]; current: Org | undefined }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Menu
        label="Organizations"
        triggerTestId="org-switcher"
        triggerClassName="max-w-28 border sm:max-w-56 border-slate-200 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        trigger={
          <>
            <OrgDot color={current?.themeColor ?? null} />
            <span className="truncate">{current?.name ?? "Organizations"}</span>
            <Icon name="chevronDown" className="size-4 shrink-0 text-slate-400" />
          </>
        }
      >
        {(close) => (
          <>
            <p className="px-3 pt-1.5 pb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">Organizations</p>
            {orgs.map((org) => (
              <MenuItem
                key={org.id}
                checked={org.id === current?.id}
                onSelect={() => {
                  close();
                  router.push(`/dashboard?org=${org.id}`);
                }}
              >
                <OrgDot color={org.themeColor} />
                <span className="min-w-0 flex-1 truncate">{org.name}</span>
                <span className="text-xs text-slate-600">{roleLabel(org.myRole)}</span>
                {org.id === current?.id && <Icon name="check" className="size-4 text-brand-600" />}
              </MenuItem>
            ))}
            <MenuSeparator />
            <MenuItem
              onSelect={() => {
                close();
                setCreating(true);
              }}
            >
              <Icon name="plus" className="size-4 text-slate-400" />
              New organization
            </MenuItem>
          </>
        )}
      </Menu>
      <CreateOrgDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
