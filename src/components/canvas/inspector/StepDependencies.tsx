"use client";

import { useId, useMemo, useRef, useState } from "react";
import { DURATION_HELP } from "~/domain/duration";
import { RELATION_TYPES, type GraphNode, type RelationType } from "~/domain/graph";
import { layoutMatrix } from "~/domain/matrix";
import { edgeFieldSchemas } from "~/domain/operations";
import { buttonClass } from "../../ui/button-styles";
import { Field } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { SelectField } from "../../ui/SelectField";
import { createEdgeOp } from "../canvas-ops";
import { useEditorSelector } from "../editor-context";
import { dependencyProblem, stepLinks, stepOptions, type StepLink, type StepOption } from "./dependencies";
import { RELATION_LABEL } from "./labels";
import { StepCombobox } from "./StepCombobox";
import { check } from "./useDraft";

/** The step's connections in words, each to open or remove, and a keyboard way to add a dependency. */
export function StepDependencies({ node }: { node: GraphNode }) {
  const editor = useEditorSelector((e) => ({ apply: e.apply, state: e.state, setSelection: e.setSelection }));
  const { dependsOn, leadsTo } = useMemo(() => stepLinks(editor.state, node.id), [editor.state, node.id]);
  const addRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = (link: StepLink) => {
    setError(editor.apply([{ op: "deleteEdge", id: link.edgeId }])?.message ?? null);
    // The button goes with its row; focus stays in the section instead of dropping to the page.
    addRef.current?.focus();
  };

  // Opening a connection shows it in the inspector, with its wait, relation and condition.
  const open = (link: StepLink) => editor.setSelection({ nodes: [], edges: [link.edgeId] });

  return (
    <>
      <LinkList
        title="Depends on"
        links={dependsOn}
        removeLabel={(l) => `Remove dependency on ${l.otherLabel}`}
        onOpen={open}
        onRemove={remove}
      />
      <LinkList
        title="Leads to"
        links={leadsTo}
        removeLabel={(l) => `Remove connection to ${l.otherLabel}`}
        onOpen={open}
        onRemove={remove}
      />
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <AddDependency node={node} inputRef={addRef} />
    </>
  );
}

function LinkList({
  title,
  links,
  removeLabel,
  onOpen,
  onRemove,
}: {
  title: string;
  links: StepLink[];
  removeLabel: (link: StepLink) => string;
  onOpen: (link: StepLink) => void;
  onRemove: (link: StepLink) => void;
}) {
  const headingId = useId();
  return (
    <div className="space-y-1">
      <h4 id={headingId} className="text-sm font-medium text-slate-700">
        {title}
      </h4>
      {links.length === 0 ? (
        <p className="text-xs text-slate-500">None</p>
      ) : (
        <ul aria-labelledby={headingId} className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {links.map((link) => (
            <li key={link.edgeId} className="flex items-center gap-1 py-1 pr-1 pl-2.5 text-sm text-slate-700">
              {/* Two lines, so a long step name cannot push the relation out of sight. */}
              <button
                type="button"
                onClick={() => onOpen(link)}
                title={`Open the connection: ${link.text}`}
                className="min-w-0 flex-1 rounded text-left hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                <span className="block truncate">{link.otherLabel}</span>
                <span className="block truncate text-xs text-slate-500">
                  <span className="sr-only"> · </span>
                  {link.detail}
                </span>
              </button>
              <button
                type="button"
                aria-label={removeLabel(link)}
                title={removeLabel(link)}
                onClick={() => onRemove(link)}
                className="shrink-0 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:hidden"
              >
                <Icon name="x" className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Step, relation and optional lag, then Add: one createEdge from the chosen step to this one. */
function AddDependency({ node, inputRef }: { node: GraphNode; inputRef: React.Ref<HTMLInputElement> }) {
  const editor = useEditorSelector((e) => ({ apply: e.apply, dismissNotice: e.dismissNotice, state: e.state }));
  const { state } = editor;
  const errorId = useId();
  const lagErrorId = useId();
  const [source, setSource] = useState<StepOption | null>(null);
  const [relation, setRelation] = useState<RelationType>("REQUIRES");
  const [lag, setLag] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const options = useMemo(() => {
    const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });
    return stepOptions(state, layout, node.id);
  }, [state, node.id]);
  const parsedLag = check(edgeFieldSchemas.lagTime, lag);

  const add = () => {
    const problem = dependencyProblem(state, source?.id ?? null, node.id);
    if (problem || !parsedLag.ok || !source) {
      setError(problem);
      return;
    }
    const failed = editor.apply([createEdgeOp(crypto.randomUUID(), source.id, node.id, relation, parsedLag.value)]);
    if (failed) {
      // Shown here, next to the control; the canvas banner would only repeat it.
      editor.dismissNotice();
      setError(failed.message);
      return;
    }
    setError(null);
    setSource(null);
    setLag("");
    setAdded((n) => n + 1);
  };

  return (
    <div role="group" aria-label="Add dependency" className="space-y-3 rounded-lg bg-slate-50 p-3">
      <StepCombobox
        key={added}
        label="Add dependency on"
        options={options}
        inputRef={inputRef}
        describedBy={error ? errorId : undefined}
        onChoose={(option) => {
          setSource(option);
          setError(null);
        }}
      />
      <div className="grid grid-cols-[minmax(0,1fr)_6.5rem] gap-3">
        <SelectField label="Relation" value={relation} onChange={(e) => setRelation(e.target.value as RelationType)}>
          {RELATION_TYPES.map((r) => (
            <option key={r} value={r}>
              {RELATION_LABEL[r]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Lag"
          value={lag}
          onChange={(e) => setLag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
          placeholder="None"
          autoComplete="off"
          title={`Optional wait: ${DURATION_HELP}`}
          aria-invalid={parsedLag.ok ? undefined : true}
          aria-describedby={parsedLag.ok ? undefined : lagErrorId}
        />
      </div>
      {!parsedLag.ok && (
        <p id={lagErrorId} role="alert" className="text-sm text-red-600">
          {parsedLag.error}
        </p>
      )}
      <div className="flex items-start gap-3">
        <button type="button" onClick={add} className={buttonClass("secondary", "sm", "shrink-0")}>
          <Icon name="plus" className="size-3.5" />
          Add
        </button>
        {error && (
          <p id={errorId} role="alert" className="min-w-0 pt-1 text-sm break-words text-red-600">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
