import { automationScore, explainAutomation } from "~/domain/automation";
import { formatMinutes, isRange, parseEstimate } from "~/domain/duration";
import type { GraphNode, NodeFacts } from "~/domain/graph";
import { roleLabel } from "../../lib/format";
import { useEditorSelector } from "../editor-context";
import { Badge } from "../../ui/Badge";
import { SEVERITY_TONE } from "./labels";
import { InspectorSection } from "./Section";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-slate-500">{term}</dt>
      <dd className="text-right font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * Read-only facts. Duration and automation score come from the same pure functions the server
 * uses, so they follow an edit at once; bottlenecks need the whole graph and come from the server.
 */
export function NodeInsights({ node, facts }: { node: GraphNode; facts: NodeFacts | undefined }) {
  const parsed = node.avgTime ? parseEstimate(node.avgTime) : null;
  const estimate = parsed?.ok ? parsed.estimate : null;
  const minutes = estimate ? estimate.mode : (facts?.durationMinutes ?? 0);
  const automation = automationScore(node);
  const highlight = useEditorSelector((e) => e.highlight);
  const times = highlight?.times.get(node.id);
  const severity = highlight ? (highlight.bottlenecks.get(node.id) ?? null) : (facts?.bottleneckSeverity ?? null);
  const score = automation.final_score;

  return (
    <InspectorSection title="Insights">
      <dl className="space-y-2.5 text-sm">
        <Fact term="Duration">
          {node.avgTime ? (
            <>
              {formatMinutes(minutes)}{" "}
              <span className="font-normal text-slate-500">
                {estimate && isRange(estimate)
                  ? `most likely; ${formatMinutes(estimate.low)} to ${formatMinutes(estimate.high)}`
                  : `(${minutes.toLocaleString("en")} min)`}
              </span>
            </>
          ) : (
            <span className="font-normal text-slate-500">Not estimated</span>
          )}
        </Fact>
        <div>
          <Fact term="Automation score">{score} / 100</Fact>
          <div
            role="meter"
            aria-label="Automation score"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={score}
            className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-100"
          >
            <div
              className={`h-full rounded-full ${score >= 70 ? "bg-emerald-500" : score >= 40 ? "bg-amber-400" : "bg-slate-400"}`}
              style={{ width: `${score}%` }}
            />
          </div>
          <p className="mt-1.5 text-xs text-slate-500">{explainAutomation(automation)}</p>
        </div>
        {times && (
          <>
            <Fact term="Earliest start">{formatMinutes(times.es)}</Fact>
            <Fact term="Slack">
              {times.critical ? (
                <Badge tone="red">Critical, no slack</Badge>
              ) : (
                <span data-testid="node-slack">{formatMinutes(times.slack)}</span>
              )}
            </Fact>
          </>
        )}
        <Fact term="Bottleneck">
          {severity ? (
            <Badge tone={SEVERITY_TONE[severity]}>{roleLabel(severity)}</Badge>
          ) : (
            <span className="font-normal text-slate-500">{highlight || facts ? "None" : "Not analysed yet"}</span>
          )}
        </Fact>
      </dl>
    </InspectorSection>
  );
}
