import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { step as stepNode, steps } from "./canvas-helpers";
import { openProjectMenu, projectQuery, signUp, uniqueEmail } from "./helpers";

const file = (projects: unknown[]) => ({
  settings: {
    departments: [{ id: "d1", name: "Sales", color: "#00D4FF", order: 1 }],
    stages: [{ id: "s1", name: "Intake", color: "#00FF88", order: 1 }],
  },
  projects,
});

const step = (id: string, label: string, avgTime = "1h") => ({
  id,
  label,
  type: "ACTION",
  position: { x: 260, y: 120 },
  stage: "s1",
  department: "Sales",
  attributes: { avg_time: avgTime },
});

const clean = file([
  {
    id: "p1",
    name: "Imported onboarding",
    nodes: [step("a", "Welcome call"), { ...step("b", "Set up account", "2h"), position: { x: 260, y: 260 } }],
    edges: [{ id: "e1", source: "a", target: "b", relation_type: "REQUIRES", properties: {} }],
  },
]);

async function newOrganization(page: Page) {
  await signUp(page, "Ivan Importer", uniqueEmail("importer"));
  await page.getByLabel("Organization name").fill("Import Works");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("No projects yet")).toBeVisible();
}

async function upload(page: Page, name: string, content: string) {
  await page.getByTestId("import-projects").click();
  const dialog = page.getByRole("dialog", { name: "Import projects" });
  await dialog.getByTestId("import-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
  return dialog;
}

test("a file with problems lists every one by path and creates nothing", async ({ page }) => {
  await newOrganization(page);
  const broken = file([
    {
      id: "p1",
      name: "Broken",
      nodes: [step("a", "One", "2hrs"), step("a", "Two")],
      edges: [{ id: "e1", source: "a", target: "ghost", relation_type: "REQUIRES", properties: {} }],
    },
  ]);
  const dialog = await upload(page, "broken.json", JSON.stringify(broken));
  const problems = dialog.getByTestId("import-problems").getByRole("listitem");
  await expect(problems).toHaveText([
    /^projects\[0\]\.nodes\[0\]\.attributes\.avg_time: "2hrs" is not a duration/,
    'projects[0].nodes[1].id: duplicate id "a" (also projects[0].nodes[0])',
    'projects[0].edges[0].target: "ghost" is not the id of a node in this project',
  ]);
  await expect(dialog.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("No projects yet")).toBeVisible();
});

test("a clean import reports verified counts, and an exported project imports back the same", async ({ page }) => {
  await newOrganization(page);
  const dialog = await upload(page, "onboarding.json", JSON.stringify(clean));
  await expect(dialog.getByTestId("import-preview")).toContainText("Imported onboarding");
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  const report = dialog.getByTestId("import-report");
  await expect(report).toContainText("Imported 1 of 1 project");
  await expect(report).toContainText("Stored 2 steps, 1 connection · file 2 steps, 1 connection · every field checked");
  await report.getByRole("link", { name: "Imported onboarding" }).click();
  await expect(page.getByTestId("matrix-canvas")).toBeVisible();
  await expect(page.locator(".react-flow__node", { hasText: "Set up account" })).toBeVisible();

  await openProjectMenu(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "JSON (re-importable)" }).click();
  const exported = await readFile((await (await downloading).path())!, "utf8");

  await page.goto("/dashboard");
  const again = await upload(page, "export.json", exported);
  await expect(again.getByTestId("import-preview")).toContainText("Imported onboarding");
  await again.getByRole("button", { name: "Import", exact: true }).click();
  const second = again.getByTestId("import-report");
  await expect(second).toContainText("Stored 2 steps, 1 connection · file 2 steps, 1 connection · every field checked");
  await expect(second).toContainText("Named “Imported onboarding (imported)”: a project called “Imported onboarding” already exists.");
  await again.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("project-card").filter({ hasText: "Imported onboarding" })).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Imported onboarding (imported)" })).toBeVisible();
});

type Graph = { edges: { relationType: string; frequency: number }[] };

async function facts(page: Page) {
  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.getByTestId("lead-time-total")).toHaveText(/\d/);
  const leadTime = await page.getByTestId("lead-time-total").textContent();
  const stageOrder = await page.locator('[data-testid^="lane-stage-"]').allTextContents();
  const reworks = (await projectQuery<Graph>(page, "graph.get")).edges
    .filter((e) => e.relationType === "FEEDBACK_TO")
    .map((e) => ({ frequency: e.frequency }));
  return { leadTime, stageOrder, reworks };
}

test("BPMN export and import keep the stage order, the rework loop and the lead time", async ({ page }) => {
  await newOrganization(page);
  await page.getByTestId("start-from-template").click();
  await page.getByRole("group", { name: "Category" }).getByRole("button", { name: "Customer" }).click();
  await page
    .getByTestId("template-card")
    .filter({ hasText: "B2B customer onboarding" })
    .getByRole("button", { name: "Use template" })
    .click();
  const use = page.getByRole("dialog", { name: "Use template" });
  await use.getByLabel("Project name").fill("Acme rollout");
  await use.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Acme rollout", level: 1 })).toBeVisible();
  const original = await facts(page);
  expect(original.stageOrder.join(" ")).toMatch(/Contract.*Kickoff.*Set up.*Train.*Go live/);
  expect(original.reworks).toEqual([expect.objectContaining({ frequency: 0.3 })]);

  await openProjectMenu(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "BPMN 2.0 XML" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("acme-rollout.bpmn");
  const xml = await readFile((await download.path())!, "utf8");

  await page.goto("/dashboard");
  await page.getByTestId("import-projects").click();
  const dialog = page.getByRole("dialog", { name: "Import projects" });
  await dialog
    .getByTestId("import-file")
    .setInputFiles({ name: "acme-rollout.bpmn", mimeType: "application/xml", buffer: Buffer.from(xml) });
  const preview = dialog.getByTestId("import-preview");
  await expect(preview).toContainText("Acme rollout");
  await expect(preview).toContainText("1 rework");
  await expect(dialog.getByTestId("import-notes")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  const report = dialog.getByTestId("import-report");
  await expect(report).toContainText("every field checked");
  await report.getByRole("link", { name: "Acme rollout (imported)" }).click();
  await expect(page.getByRole("heading", { name: "Acme rollout (imported)", level: 1 })).toBeVisible();
  expect(await facts(page)).toEqual(original);
});

test("a BPMN file from another modeler imports with notes on what it left out, sub-processes flattened or kept", async ({ page }) => {
  await newOrganization(page);
  const xml = await readFile("src/domain/interchange/fixtures/camunda-order.bpmn", "utf8");
  await page.getByTestId("import-projects").click();
  const dialog = page.getByRole("dialog", { name: "Import projects" });
  await dialog.getByTestId("import-file").setInputFiles({ name: "order.bpmn", mimeType: "application/xml", buffer: Buffer.from(xml) });
  const notes = dialog.getByTestId("import-notes");
  await expect(notes).toContainText('Sub_fulfil "Fulfil": sub-process flattened into its 4 steps');
  await expect(notes).toContainText("Left out 1 data store reference: Store_erp");
  await expect(dialog.getByTestId("import-preview")).toContainText("12");

  await dialog.getByRole("radio", { name: "Keep as one step" }).check();
  await expect(notes).toContainText("kept as one step; left out its 7 elements");
  await expect(dialog.getByTestId("import-preview").getByRole("row").nth(1)).toContainText("9");
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await dialog.getByTestId("import-report").getByRole("link", { name: "Shop & Warehouse" }).click();
  await expect(stepNode(page, "Fulfil")).toBeVisible();
  await expect(steps(page)).toHaveCount(9);
});
