import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { layoutMatrix, NODE_WIDTH } from "~/domain/matrix";
import { STEP_SHAPE } from "~/domain/render/look";
import { ensureBuiltinTemplates } from "~/server/services/templates";
import { createOrgWithProject } from "~/server/test/actors";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";

const RSVG = "/usr/bin/rsvg-convert";
const PDFTOTEXT = "/usr/bin/pdftotext";
const PDFINFO = "/usr/bin/pdfinfo";
const run = promisify(execFile);
const MARGIN = 16;

/** Channels within `tolerance` of a #rrggbb colour (anti-aliased edges blend a little). */
function near(png: PNG, x: number, y: number, hex: string, tolerance = 60) {
  const at = (png.width * Math.round(y) + Math.round(x)) << 2;
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const got = [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
  return { ok: got.every((c, i) => Math.abs(c - want[i]!) <= tolerance), got };
}

describe.each(testDatabaseKinds())("the SVG export on %s", (kind) => {
  const db = useTestDatabase(kind);

  async function templateProject() {
    await ensureBuiltinTemplates(db());
    const fx = await createOrgWithProject(db(), "Pictures");
    const template = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).find((t) => t.name === "B2B customer onboarding")!;
    const project = await fx.ownerCaller.template.use({ organizationId: fx.orgId, templateId: template.id, name: "Onboarding" });
    return { ...fx, projectId: project.id };
  }

  it("is a small vector file of shapes and text, with the critical path when asked", async () => {
    const { ownerCaller, projectId } = await templateProject();
    const plain = await ownerCaller.transfer.exportSvg({ projectId });
    expect(plain).toMatchObject({ filename: "onboarding.svg", mimeType: "image/svg+xml" });
    expect(XMLValidator.validate(plain.content)).toBe(true);
    expect(plain.content).not.toMatch(/foreignObject/i);
    expect(plain.content.length).toBeLessThan(500_000);
    expect(plain.content).toContain(">Kickoff call</text>");
    const critical = await ownerCaller.transfer.exportSvg({ projectId, criticalPath: true });
    expect(critical.content).toContain("url(#arrow-CRITICAL)");
    const feed = await ownerCaller.activity.list({ projectId, action: "EXPORT" });
    expect(feed.items.map((i) => i.text)[0]).toMatch(/exported the project/);
  });

  it.skipIf(!existsSync(RSVG))("renders with rsvg-convert: the right size, lane colours and step outlines where they belong", async () => {
    const { ownerCaller, projectId } = await templateProject();
    const { content } = await ownerCaller.transfer.exportSvg({ projectId });
    const graph = await ownerCaller.graph.get({ projectId });
    const dir = await mkdtemp(join(tmpdir(), "fm-svg-"));
    try {
      await writeFile(join(dir, "m.svg"), content);
      await run(RSVG, ["-o", join(dir, "m.png"), join(dir, "m.svg")]);
      const png = PNG.sync.read(await import("node:fs/promises").then((fs) => fs.readFile(join(dir, "m.png"))));
      const layout = layoutMatrix(graph);
      expect([png.width, png.height]).toEqual([layout.width + 2 * MARGIN, layout.height + 2 * MARGIN]);
      expect(near(png, 2, 2, "#ffffff").ok).toBe(true);
      // Each stage's colour bar along the top of its header.
      for (const column of layout.columns.filter((c) => c.id)) {
        expect(near(png, MARGIN + column.x + column.width / 2, MARGIN + 2, column.color, 20), column.name).toMatchObject({ ok: true });
      }
      // Each step's outline, in its type's colour, at the top edge of its card.
      const column = new Map(layout.columns.map((c) => [c.id, c.x]));
      const row = new Map(layout.rows.map((r) => [r.id, r.y]));
      for (const node of graph.nodes.slice(0, 6)) {
        const x = MARGIN + column.get(node.stageId)! + node.x + NODE_WIDTH / 2;
        const y = MARGIN + row.get(node.departmentId)! + node.y + 1;
        expect(near(png, x, y, STEP_SHAPE[node.type].stroke), node.label).toMatchObject({ ok: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(PDFTOTEXT) || !existsSync(PDFINFO))(
    "prints to a landscape PDF with the title block and legend, fitted or tiled over pages",
    async () => {
      const { ownerCaller, projectId } = await templateProject();
      const analysis = await ownerCaller.analysis.leadTime({ projectId });
      const dir = await mkdtemp(join(tmpdir(), "fm-pdf-"));
      const read = async (file: { base64: string }, name: string) => {
        await writeFile(join(dir, name), Buffer.from(file.base64, "base64"));
        const { stdout: text } = await run(PDFTOTEXT, ["-layout", join(dir, name), "-"]);
        const { stdout: info } = await run(PDFINFO, [join(dir, name)]);
        return { text, info };
      };
      try {
        const a4 = await ownerCaller.transfer.exportPdf({ projectId, criticalPath: true });
        expect(a4).toMatchObject({ filename: "onboarding.pdf", mimeType: "application/pdf", pages: 1 });
        const fitted = await read(a4, "a4.pdf");
        expect(fitted.info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
        expect(fitted.info).toMatch(/Pages:\s+1/);
        for (const words of [
          "Onboarding",
          "Pictures",
          `Lead time ${analysis.formatted}`,
          "Process time",
          "Flow efficiency",
          "Critical path",
          "Rework loop",
        ]) {
          expect(fitted.text).toContain(words);
        }
        expect(fitted.text).toContain("Kickoff call");

        const letter = await ownerCaller.transfer.exportPdf({ projectId, pageSize: "LETTER", layout: "tile" });
        expect(letter.pages).toBeGreaterThan(1);
        const tiled = await read(letter, "letter.pdf");
        expect(tiled.info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
        expect(tiled.text).toContain(`page 1 of ${letter.pages}`);
        expect(tiled.text).not.toContain("Critical path");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
