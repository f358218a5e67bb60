import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { openProjectMenu, signUp, uniqueEmail } from "./helpers";

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
  await expect(report).toContainText("Stored 2 steps, 1 connection · file 2 steps, 1 connection · verified");
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
  await expect(again.getByTestId("import-report")).toContainText("Stored 2 steps, 1 connection · file 2 steps, 1 connection · verified");
  await again.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("project-card").filter({ hasText: "Imported onboarding" })).toHaveCount(2);
});
