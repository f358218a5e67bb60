import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS, type GraphEdge, type GraphNode } from "../graph";
import { CRITICAL_STROKE, RELATION_STROKE } from "./look";
import { renderMatrixSvg, wrapText } from "./matrix-svg";

const lane = (id: string, name: string, position: number) => ({ id, name, color: "#3f8a8c", position });

function node(id: string, label: string, fields: Partial<GraphNode> = {}): GraphNode {
  return { ...DEFAULT_NODE_FIELDS, id, label, x: 24, y: 24, departmentId: "d1", stageId: "s1", ...fields };
}

const edge = (id: string, sourceId: string, targetId: string, fields: Partial<GraphEdge> = {}): GraphEdge => ({
  id,
  sourceId,
  targetId,
  relationType: "REQUIRES",
  lagTime: null,
  lagWorking: false,
  frequency: 1,
  condition: null,
  ...fields,
});

const drawing = {
  departments: [lane("d1", "Sales & <Legal>", 0)],
  stages: [lane("s1", "Request", 0), lane("s2", "Review", 1)],
  nodes: [
    node("a", `Check "credit" & <limits>`, { avgTime: "2h", status: "COMPLETED", progress: 100, type: "TRIGGER" }),
    node("b", "Sign the contract", { stageId: "s2", avgTime: "1d / 2d / 4d", type: "DECISION" }),
  ],
  edges: [edge("e1", "a", "b", { lagTime: "3d" }), edge("e2", "b", "a", { relationType: "FEEDBACK_TO", frequency: 0.3 })],
};

describe("the vector matrix", () => {
  it("is well-formed SVG of shapes and text, with every name escaped", () => {
    const { svg, width, height } = renderMatrixSvg(drawing);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/foreignObject/i);
    expect(svg).toContain("Sales &amp; &lt;Legal&gt;");
    expect(svg).toContain("Check &quot;credit&quot; &amp;");
    expect(svg).toContain(">Done</text>");
    expect(svg).toContain(">1d / 2d / 4d</text>");
    expect(svg).toContain(">+3d</text>");
    expect(svg).toContain(">x0.3</text>");
    expect(svg).toContain(`stroke-dasharray="${RELATION_STROKE.FEEDBACK_TO.dash}"`);
    expect(width).toBeGreaterThan(600);
    expect(svg).toContain(`width="${width}" height="${height}"`);
  });

  it("draws the critical path in amber only when asked", () => {
    expect(renderMatrixSvg(drawing).svg).not.toContain(`stroke="${CRITICAL_STROKE.color}"`);
    const critical = renderMatrixSvg({ ...drawing, criticalPath: ["a", "b"] }).svg;
    expect(critical).toContain(`stroke="${CRITICAL_STROKE.color}"`);
    expect(critical).toContain('marker-end="url(#arrow-CRITICAL)"');
  });

  it("wraps long names onto lines and cuts what does not fit with an ellipsis", () => {
    expect(wrapText("Prepare the employment contract", 100, 13, 2)).toEqual(["Prepare the", "employment…"]);
    expect(wrapText("Short", 100, 13, 2)).toEqual(["Short"]);
    expect(wrapText("Supercalifragilisticexpialidocious", 60, 13, 1)[0]).toMatch(/…$/);
  });
});
