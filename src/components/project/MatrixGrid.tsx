import { EmptyState } from "../ui/EmptyState";
import { MatrixNodeChip } from "./MatrixNodeChip";

type Lane = { id: string; name: string; color: string };
type MatrixNode = { id: string; label: string; status: string; departmentId: string | null; stageId: string | null };

/** 8-digit hex: the lane colour at a given opacity (alpha as two hex digits). */
const tint = (color: string, alpha: string) => `${color}${alpha}`;

export function MatrixGrid({ departments, stages, nodes }: { departments: Lane[]; stages: Lane[]; nodes: MatrixNode[] }) {
  const cell = (departmentId: string, stageId: string) =>
    nodes.filter((n) => n.departmentId === departmentId && n.stageId === stageId);
  if (departments.length === 0 || stages.length === 0) {
    return (
      <EmptyState title="This matrix has no lanes">
        A project needs at least one department and one stage to draw its matrix.
      </EmptyState>
    );
  }
  return (
    <div id="matrix" className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table data-testid="matrix" className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">Process matrix: departments by stages</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 w-32 min-w-32 border-b sm:w-44 sm:min-w-44 border-slate-200 bg-slate-50 px-4 py-3 text-left">
              <span className="text-xs font-medium tracking-wide text-slate-400 uppercase">Departments</span>
            </th>
            {stages.map((stage) => (
              <th key={stage.id} scope="col" className="min-w-48 border-b border-l border-slate-200 bg-slate-50 px-3 py-3 text-left">
                <span
                  data-testid="stage-chip"
                  className="inline-flex max-w-full items-center gap-2 rounded-full border px-3 py-1 font-medium text-slate-800"
                  style={{ backgroundColor: tint(stage.color, "1f"), borderColor: tint(stage.color, "66") }}
                >
                  <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: stage.color }} />
                  <span className="truncate">{stage.name}</span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {departments.map((department, row) => (
            <tr key={department.id}>
              <th
                scope="row"
                data-testid="department-label"
                className={`sticky left-0 z-10 border-l-4 bg-white px-4 py-3 text-left align-top font-medium text-slate-800 ${row > 0 ? "border-t border-t-slate-200" : ""}`}
                style={{ borderLeftColor: department.color, backgroundImage: `linear-gradient(${tint(department.color, "14")}, ${tint(department.color, "14")})` }}
              >
                {department.name}
              </th>
              {stages.map((stage) => (
                <td
                  key={stage.id}
                  aria-label={`${department.name} · ${stage.name}`}
                  className={`h-32 border-l border-slate-200 bg-[radial-gradient(circle,var(--color-slate-200)_1px,transparent_1px)] bg-[size:16px_16px] p-2 align-top ${row > 0 ? "border-t" : ""}`}
                >
                  <ul className="space-y-1.5">
                    {cell(department.id, stage.id).map((node) => (
                      <MatrixNodeChip key={node.id} label={node.label} status={node.status} />
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
