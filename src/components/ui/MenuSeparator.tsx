export function MenuSeparator() {
  return <div role="separator" className="my-1 border-t border-slate-100" />;
}
