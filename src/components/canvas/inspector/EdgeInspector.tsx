"use client";

import { ESTIMATE_HELP } from "~/domain/duration";
import { RELATION_TYPES, type GraphEdge, type RelationType } from "~/domain/graph";
import { edgeFieldSchemas } from "~/domain/operations";
import { SelectField } from "../../ui/SelectField";
import { useEditorSelector } from "../editor-context";
import { edgeCommit, edgeHeld } from "./commit";
import { CheckField } from "./CheckField";
import { DraftField, text } from "./DraftField";
import { EntityHeader } from "./EntityHeader";
import { RELATION_LABEL } from "./labels";
import { InspectorSection } from "./Section";
import { check, parseWith, type Parsed } from "./useDraft";

const parseFrequency = (input: string): Parsed<number> => {
  const trimmed = input.trim();
  if (trimmed === "" || Number.isNaN(Number(trimmed))) return { ok: false, error: "Frequency must be a number, e.g. 0.5 or 2" };
  return check(edgeFieldSchemas.frequency, Number(trimmed));
};

function relationHint(type: RelationType, source: string, target: string) {
  if (type === "FEEDBACK_TO") return `Work loops back from “${source}” to “${target}”; it adds rework time, not a dependency.`;
  if (type === "BLOCKS") return `“${source}” blocks “${target}”: it starts once “${source}” finishes, plus the lag.`;
  return `“${target}” requires “${source}”: it starts once “${source}” finishes, plus the lag.`;
}

export function EdgeInspector({ edge }: { edge: GraphEdge }) {
  const editor = useEditorSelector((e) => ({ apply: e.apply, conflict: e.conflict, readOnly: e.readOnly, state: e.state }));
  const update = edgeCommit(editor, edge.id);
  const held = edgeHeld(editor, edge.id);
  const source = editor.state.nodes.get(edge.sourceId)?.label ?? "Unknown step";
  const target = editor.state.nodes.get(edge.targetId)?.label ?? "Unknown step";

  return (
    <>
      <EntityHeader
        kind="Connection"
        title={
          <span className="flex flex-col items-start">
            <NodeLink id={edge.sourceId} label={source} />
            <span className="flex max-w-full items-center gap-1">
              <span aria-label="to" className="shrink-0 text-slate-500">
                →
              </span>
              <NodeLink id={edge.targetId} label={target} />
            </span>
          </span>
        }
        deleteLabel="Delete connection"
        onDelete={() => editor.apply([{ op: "deleteEdge", id: edge.id }])}
      />
      <fieldset disabled={editor.readOnly} className="min-w-0">
        <InspectorSection title="Dependency">
          <SelectField
            label="Relation"
            value={edge.relationType}
            onChange={(e) => update("relationType")(e.target.value as RelationType, edge.relationType)}
            hint={relationHint(edge.relationType, source, target)}
          >
            {RELATION_TYPES.map((r) => (
              <option key={r} value={r}>
                {RELATION_LABEL[r]}
              </option>
            ))}
          </SelectField>
          <DraftField
            label="Lag"
            value={edge.lagTime}
            format={text}
            parse={parseWith(edgeFieldSchemas.lagTime)}
            commit={update("lagTime")}
            held={held("lagTime")}
            placeholder="None"
            hint={`Wait between the two steps: ${ESTIMATE_HELP}.`}
          />
          {edge.relationType !== "FEEDBACK_TO" && (
            <CheckField
              id={`${edge.id}-lag-working`}
              label="Wait in working time"
              hint={`The wait counts only “${target}”’s working hours (a review that takes 2 office days); otherwise it runs day and night, like a delivery.`}
              checked={edge.lagWorking}
              onChange={(checked) => update("lagWorking")(checked, edge.lagWorking)}
            />
          )}
          {edge.relationType === "FEEDBACK_TO" && (
            <DraftField
              label="Frequency"
              inputMode="decimal"
              value={edge.frequency}
              format={String}
              parse={parseFrequency}
              commit={update("frequency")}
              held={held("frequency")}
              hint="Expected loops per run of the process."
            />
          )}
          <DraftField
            label="Condition"
            value={edge.condition}
            format={text}
            parse={parseWith(edgeFieldSchemas.condition)}
            commit={update("condition")}
            held={held("condition")}
            placeholder="Always"
            hint="When this path is taken, e.g. “amount > 10k”."
          />
        </InspectorSection>
      </fieldset>
    </>
  );
}

function NodeLink({ id, label }: { id: string; label: string }) {
  const focusNode = useEditorSelector((e) => e.focusNode);
  return (
    <button
      type="button"
      onClick={() => focusNode(id)}
      title={`Show “${label}”`}
      className="max-w-full min-w-0 truncate rounded text-left hover:text-brand-700 hover:underline"
    >
      {label}
    </button>
  );
}
