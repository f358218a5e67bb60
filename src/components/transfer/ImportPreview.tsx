import type { RouterOutputs } from "~/trpc/react";
import { Alert } from "../ui/Alert";

type Preview = RouterOutputs["transfer"]["previewImport"];

const axes = (names: string[]) => (names.length ? names.join(", ") : "—");

/** What the file would create, every problem that stops it, and what was left out or changed on the way in. */
export function ImportPreview({ preview }: { preview: Preview }) {
  return (
    <div className="space-y-3">
      {preview.problems.length > 0 && (
        <Alert tone="error">
          <p className="font-medium">
            {preview.problems.length === 1 ? "1 problem" : `${preview.problems.length.toLocaleString("en")} problems`} to fix before
            importing:
          </p>
          <ul
            data-testid="import-problems"
            className="mt-1 max-h-48 list-disc space-y-0.5 overflow-y-auto pl-4 font-mono text-xs break-words"
          >
            {preview.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
      {preview.notes.length > 0 && (
        <Alert tone="info">
          <p className="font-medium">
            {preview.notes.length === 1 ? "1 note" : `${preview.notes.length.toLocaleString("en")} notes`} on what the file becomes (nothing
            is written until you import):
          </p>
          <ul data-testid="import-notes" className="mt-1 max-h-40 list-disc space-y-0.5 overflow-y-auto pl-4 text-xs break-words">
            {preview.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </Alert>
      )}
      {preview.projects.length > 0 && (
        <div className="max-h-56 overflow-auto rounded-lg border border-slate-200">
          <table data-testid="import-preview" className="w-full text-left text-sm">
            <caption className="sr-only">Projects in the file</caption>
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-3 py-2 font-medium">Project</th>
                <th className="px-3 py-2 text-right font-medium">Steps</th>
                <th className="px-3 py-2 text-right font-medium">Connections</th>
                <th className="px-3 py-2 font-medium">Departments / stages to create</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.projects.map((p, i) => (
                <tr key={i}>
                  <td className="px-3 py-2 font-medium break-words">{p.name}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{p.nodes.toLocaleString("en")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {p.edges.toLocaleString("en")}
                    {p.reworks > 0 && <span className="block text-xs text-slate-500">{p.reworks.toLocaleString("en")} rework</span>}
                  </td>
                  <td className="px-3 py-2 text-xs text-slate-600">
                    {axes(p.departments)} / {axes(p.stages)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
