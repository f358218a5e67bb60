"use client";

import { BRAIN_USAGES, NODE_STATUSES, NODE_TYPES, type BrainUsage, type GraphNode, type NodeStatus, type NodeType } from "~/domain/graph";
import { nodeFieldSchemas } from "~/domain/operations";
import { ESTIMATE_HELP } from "~/domain/duration";
import { SelectField } from "../../ui/SelectField";
import { useEditorSelector } from "../editor-context";
import { nodeCommit, nodeHeld } from "./commit";
import { CheckField } from "./CheckField";
import { DraftField, text } from "./DraftField";
import { EntityHeader } from "./EntityHeader";
import { BRAIN_LABEL, STATUS_LABEL, TYPE_LABEL } from "./labels";
import { NodeInsights } from "./NodeInsights";
import { NodePlacement } from "./NodePlacement";
import { InspectorSection } from "./Section";
import { StepDependencies } from "./StepDependencies";
import { TagInput } from "./TagInput";
import { check, parseWith, type Parsed } from "./useDraft";

/** "80", "80%" and " 80 % " are 80; the schema then says what range is allowed. */
const parsePercent =
  (what: string, schema: typeof nodeFieldSchemas.progress) =>
  (input: string): Parsed<number> => {
    const trimmed = input.trim().replace(/\s*%$/, "");
    if (trimmed === "" || Number.isNaN(Number(trimmed))) return { ok: false, error: `${what} must be a number from 0 to 100` };
    return check(schema, Number(trimmed));
  };
const parseProgress = parsePercent("Progress", nodeFieldSchemas.progress);
const parsePca = parsePercent("%C&A", nodeFieldSchemas.pca);

/** Every editable field of one step; keyed by node id by the caller so drafts never leak across steps. */
export function NodeInspector({ node }: { node: GraphNode }) {
  const editor = useEditorSelector((e) => ({ apply: e.apply, conflict: e.conflict, facts: e.facts, readOnly: e.readOnly }));
  const update = nodeCommit(editor, node.id);
  const held = nodeHeld(editor, node.id);
  const facts = editor.facts.get(node.id);

  return (
    <>
      <EntityHeader
        kind="Step"
        title={<span className="line-clamp-2 break-words">{node.label}</span>}
        deleteLabel="Delete step"
        onDelete={() => editor.apply([{ op: "deleteNode", id: node.id }])}
      />
      <fieldset disabled={editor.readOnly} className="min-w-0">
        <InspectorSection title="Step">
          <DraftField
            label="Label"
            value={node.label}
            format={String}
            parse={parseWith(nodeFieldSchemas.label)}
            commit={update("label")}
            held={held("label")}
          />
          <DraftField
            label="Description"
            multiline
            value={node.description}
            format={text}
            parse={parseWith(nodeFieldSchemas.description)}
            commit={update("description")}
            held={held("description")}
            placeholder="What happens in this step?"
          />
          <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.25fr)] gap-3">
            <SelectField label="Type" value={node.type} onChange={(e) => update("type")(e.target.value as NodeType, node.type)}>
              {NODE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABEL[t]}
                </option>
              ))}
            </SelectField>
            <SelectField label="Status" value={node.status} onChange={(e) => update("status")(e.target.value as NodeStatus, node.status)}>
              {NODE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </SelectField>
          </div>
          <NodePlacement node={node} />
          <div className="grid grid-cols-[5.5rem_1fr] gap-3">
            <DraftField
              label="Progress"
              inputMode="numeric"
              value={node.progress}
              format={String}
              parse={parseProgress}
              commit={update("progress")}
              held={held("progress")}
              placeholder="0-100"
            />
            <DraftField
              label="Assignee"
              value={node.assignee}
              format={text}
              parse={parseWith(nodeFieldSchemas.assignee)}
              commit={update("assignee")}
              held={held("assignee")}
              placeholder="Unassigned"
            />
          </div>
        </InspectorSection>

        <InspectorSection title="Dependencies">
          <StepDependencies node={node} />
        </InspectorSection>

        <InspectorSection title="How the work is done">
          <DraftField
            label="Average time"
            value={node.avgTime}
            format={text}
            parse={parseWith(nodeFieldSchemas.avgTime)}
            commit={update("avgTime")}
            held={held("avgTime")}
            placeholder="e.g. 2h30m, or 2h / 4h / 2d"
            hint={`Accepts ${ESTIMATE_HELP}.`}
          />
          <DraftField
            label="%C&A"
            inputMode="numeric"
            value={node.pca}
            format={String}
            parse={parsePca}
            commit={update("pca")}
            held={held("pca")}
            placeholder="100"
            hint="Percent complete and accurate: how much of this step's output the next step can use without fixing or asking (0-100)."
          />
          <TagInput
            label="Tools"
            noun="tool"
            value={node.tools}
            schema={nodeFieldSchemas.tools}
            commit={update("tools")}
            placeholder="Add a tool, press Enter"
          />
          <SelectField
            label="Brain usage"
            value={node.brainUsage}
            onChange={(e) => update("brainUsage")(e.target.value as BrainUsage, node.brainUsage)}
          >
            {BRAIN_USAGES.map((b) => (
              <option key={b} value={b}>
                {BRAIN_LABEL[b]}
              </option>
            ))}
          </SelectField>
          <CheckField
            id={`${node.id}-repetitive`}
            label="Repetitive"
            hint="Done the same way every time"
            checked={node.isRepetitive}
            onChange={(checked) => update("isRepetitive")(checked, node.isRepetitive)}
          />
          <CheckField
            id={`${node.id}-external`}
            label="External"
            hint="Done by the customer, a supplier or an authority: its time counts as waiting, and it is never an automation candidate"
            checked={node.external}
            onChange={(checked) => update("external")(checked, node.external)}
          />
          <TagInput
            label="Tags"
            noun="tag"
            value={node.tags}
            schema={nodeFieldSchemas.tags}
            commit={update("tags")}
            placeholder="Add a tag, press Enter"
          />
        </InspectorSection>
      </fieldset>

      <NodeInsights node={node} facts={facts} />
    </>
  );
}
