"use client";

import { useId, useState } from "react";
import { can } from "~/domain/roles";
import type { RouterOutputs } from "~/trpc/react";
import { errorMessage } from "../lib/trpc-errors";
import { SaveAsTemplateDialog } from "../templates/SaveAsTemplateDialog";
import { EXPORT_FORMATS, useProjectExport } from "../transfer/useProjectExport";
import { buttonClass } from "../ui/button-styles";
import { Icon } from "../ui/Icon";
import { Menu } from "../ui/Menu";
import { MenuItem } from "../ui/MenuItem";
import { EditProjectDialog } from "./EditProjectDialog";

type Project = RouterOutputs["project"]["get"];
type Dialog = "details" | "template" | null;

/** Everything one does to the project as a whole, in one menu so the canvas keeps the page. */
export function ProjectMenu({ project }: { project: Project }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const exportFile = useProjectExport(project.id);
  const editable = can.editGraph(project.myRole);
  const close = () => setDialog(null);
  const exportHeading = useId();
  return (
    <div className="flex min-w-0 items-center gap-2">
      {exportFile.error && (
        <p role="alert" className="truncate text-sm text-red-700">
          {errorMessage(exportFile.error)}
        </p>
      )}
      <Menu
        label="Project"
        align="right"
        triggerTestId="project-menu"
        triggerClassName={buttonClass("secondary", "sm")}
        trigger={
          <>
            {exportFile.isPending ? "Exporting…" : "Project"}
            <Icon name="chevronDown" className="size-4" />
          </>
        }
      >
        {(dismiss) => {
          const choose = (then: () => void) => () => {
            dismiss();
            then();
          };
          return (
            <>
              <MenuItem href={`/projects/${project.id}/activity`}>
                <Icon name="restore" className="size-4 text-slate-500" />
                Activity
              </MenuItem>
              {editable && (
                <>
                  <MenuItem testId="edit-project-button" onSelect={choose(() => setDialog("details"))}>
                    <Icon name="pencil" className="size-4 text-slate-500" />
                    Edit details…
                  </MenuItem>
                  <MenuItem testId="save-as-template-button" onSelect={choose(() => setDialog("template"))}>
                    <Icon name="grid" className="size-4 text-slate-500" />
                    Save as template…
                  </MenuItem>
                  <div role="group" aria-labelledby={exportHeading} className="border-t border-slate-100">
                    <p id={exportHeading} className="px-3 pt-2 pb-1 text-xs font-medium text-slate-600">
                      Export
                    </p>
                    {EXPORT_FORMATS.map(({ format, label }) => (
                      <MenuItem key={format} onSelect={choose(() => exportFile.mutate(format))}>
                        <Icon name="arrowDown" className="size-4 text-slate-500" />
                        {label}
                      </MenuItem>
                    ))}
                  </div>
                </>
              )}
              {can.manageProject(project.myRole) && (
                <MenuItem href={`/projects/${project.id}/settings`} testId="project-settings-link">
                  <Icon name="settings" className="size-4 text-slate-500" />
                  Settings
                </MenuItem>
              )}
            </>
          );
        }}
      </Menu>
      {editable && <EditProjectDialog project={project} open={dialog === "details"} onClose={close} />}
      {editable && <SaveAsTemplateDialog project={project} open={dialog === "template"} onClose={close} />}
    </div>
  );
}
