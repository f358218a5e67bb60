export function OrgDot({ color }: { color: string | null }) {
  return <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full" style={{ background: color ?? "#0ea5e9" }} />;
}
