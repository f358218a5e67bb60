import Link from "next/link";

const ITEM_CLASS =
  "flex w-full items-center gap-2 px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 focus:bg-slate-100 focus:outline-none";

type CommonProps = { children: React.ReactNode; onSelect?: () => void; checked?: boolean; testId?: string };
type MenuItemProps = CommonProps & ({ href: string } | { href?: undefined });

/** A link or a button inside a <Menu>; `checked` turns it into a menuitemradio. */
export function MenuItem({ children, onSelect, checked, href, testId }: MenuItemProps) {
  const role = checked === undefined ? "menuitem" : "menuitemradio";
  if (href) {
    return (
      <Link href={href} role={role} aria-checked={checked} tabIndex={-1} className={ITEM_CLASS} onClick={onSelect} data-testid={testId}>
        {children}
      </Link>
    );
  }
  return (
    <button type="button" role={role} aria-checked={checked} tabIndex={-1} className={ITEM_CLASS} onClick={onSelect} data-testid={testId}>
      {children}
    </button>
  );
}
