export function DemoHint() {
  return (
    <aside aria-label="Demo account" className="mt-6 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2.5 text-sm text-brand-700">
      <p className="font-medium">Just looking around?</p>
      <p className="mt-0.5 text-brand-700/90">
        Sign in as <code className="font-mono text-[13px]">demo@flowmatrix.dev</code> with password{" "}
        <code className="font-mono text-[13px]">flowmatrix-demo</code>.
      </p>
    </aside>
  );
}
