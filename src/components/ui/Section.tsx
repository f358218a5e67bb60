import { Card } from "./Card";

type SectionProps = {
  id?: string;
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  tone?: "default" | "danger";
  children: React.ReactNode;
};

/** A titled settings card; the heading names the region for assistive tech. */
export function Section({ id, title, description, actions, tone = "default", children }: SectionProps) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <section id={id} aria-labelledby={headingId}>
      <Card className={tone === "danger" ? "border-red-200" : ""}>
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <div>
            <h2 id={headingId} className={`text-base font-semibold ${tone === "danger" ? "text-red-700" : "text-slate-900"}`}>
              {title}
            </h2>
            {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
          </div>
          {actions}
        </div>
        <div className="px-5 py-4">{children}</div>
      </Card>
    </section>
  );
}
