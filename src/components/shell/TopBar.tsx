"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon, type IconName } from "../ui/Icon";
import { Logo } from "../ui/Logo";
import { SearchPalette } from "../search/SearchPalette";
import { OrgSwitcher } from "./OrgSwitcher";
import { TopBarFrame } from "./TopBarFrame";
import { useCurrentOrg } from "./useCurrentOrg";
import { UserMenu } from "./UserMenu";

type TopBarProps = { user: { name?: string | null; email?: string | null } };

export function TopBar({ user }: TopBarProps) {
  const pathname = usePathname();
  const { orgs, current } = useCurrentOrg();
  const orgLinks: { href: string; label: string; icon: IconName }[] = current
    ? [
        { href: `/orgs/${current.id}/templates`, label: "Templates", icon: "grid" },
        { href: `/orgs/${current.id}/settings`, label: "Settings", icon: "settings" },
        { href: `/orgs/${current.id}/trash`, label: "Trash", icon: "trash" },
      ]
    : [];

  return (
    <TopBarFrame>
      <Link
        href={current ? `/dashboard?org=${current.id}` : "/dashboard"}
        aria-label="FlowMatrix dashboard"
        className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      >
        <span className="sm:hidden">
          <Logo showText={false} />
        </span>
        <span className="hidden sm:block">
          <Logo />
        </span>
      </Link>
      {orgs.data && orgs.data.length > 0 && (
        <nav aria-label="Organization" className="flex min-w-0 items-center gap-0.5 sm:ml-4 sm:gap-1">
          <OrgSwitcher orgs={orgs.data} current={current} />
          {orgLinks.map((link) => {
            const active = pathname === link.href;
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex shrink-0 items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm font-medium sm:px-2.5 focus-visible:outline-2 focus-visible:outline-brand-500 ${
                  active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                <Icon name={link.icon} className="size-4" />
                <span className="hidden lg:inline">{link.label}</span>
                <span className="sr-only lg:hidden">{link.label}</span>
              </Link>
            );
          })}
        </nav>
      )}
      <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
        <SearchPalette />
        <UserMenu user={user} />
      </div>
    </TopBarFrame>
  );
}
