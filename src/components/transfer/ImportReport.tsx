import Link from "next/link";
import type { RouterOutputs } from "~/trpc/react";
import { plural } from "../lib/format";
import { Alert } from "../ui/Alert";

type Report = RouterOutputs["transfer"]["importProjects"];

const counts = (c: { nodes: number; edges: number }) => `${plural(c.nodes, "step")}, ${plural(c.edges, "connection")}`;

/** The outcome per project: what was stored, read back and compared with the file field by field. */
export function ImportReport({ report }: { report: Report }) {
  return (
    <div data-testid="import-report" className="space-y-3">
      <Alert tone={report.failed ? "error" : "success"}>
        Imported {report.successful} of {report.total} {report.total === 1 ? "project" : "projects"}
        {report.failed ? `; ${report.failed} failed` : ""}.
      </Alert>
      <ul className="space-y-2 text-sm">
        {report.projects.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 px-3 py-2">
            <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
              {p.name}
            </Link>
            <p className="text-xs text-slate-600">
              Stored {counts(p.stored)} · file {counts(p.expected)} ·{" "}
              <span
                className="text-emerald-700"
                title="Every step, connection, department and stage was read back and compared with the file"
              >
                every field checked
              </span>
            </p>
            {p.name !== p.fileName && (
              <p className="text-xs text-slate-600">
                Named “{p.name}”: a project called “{p.fileName}” already exists.
              </p>
            )}
          </li>
        ))}
        {report.errors.map((e) => (
          <li key={e.index} className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            <span className="font-medium">{e.name}</span>: {e.error}
          </li>
        ))}
      </ul>
    </div>
  );
}
