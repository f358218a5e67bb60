import { expect, test } from "@playwright/test";
import { addStep, openNewProject, step, steps } from "./canvas-helpers";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { XMLValidator } from "fast-xml-parser";
import { DEMO, openProjectMenu, signIn, signUp, uniqueEmail } from "./helpers";

const run = promisify(execFile);

test("a built-in template becomes a new project with the template's steps", async ({ page }) => {
  await signUp(page, "Tara Template", uniqueEmail("template"));
  await page.getByLabel("Organization name").fill("Org Templates");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByTestId("start-from-template").click();
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();

  await page.getByRole("group", { name: "Category" }).getByRole("button", { name: "Hardware development" }).click();
  const cards = page.getByTestId("template-card");
  await expect(cards).toHaveCount(2);
  const npi = cards.filter({ hasText: "Electronics new product introduction" });
  await expect(npi.getByRole("img", { name: "Preview of Electronics new product introduction" })).toBeVisible();
  await expect(npi).toContainText("22 steps");

  await npi.getByRole("button", { name: "Use template" }).click();
  const dialog = page.getByRole("dialog", { name: "Use template" });
  await dialog.getByLabel("Project name").fill("Doorbell v2");
  await dialog.getByRole("button", { name: "Create project" }).click();

  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: "Doorbell v2", level: 1 })).toBeVisible();
  await expect(steps(page)).toHaveCount(22);
  await expect(step(page, "DVT exit review")).toBeVisible();
  await expect(page.locator('[data-testid^="lane-stage-"]').filter({ hasText: "PVT" })).toBeVisible();
});

test("a business-process template becomes a project with a lead time", async ({ page }) => {
  await signUp(page, "Finn Finance", uniqueEmail("finance"));
  await page.getByLabel("Organization name").fill("Org Finance");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByTestId("start-from-template").click();
  await page.getByRole("group", { name: "Category" }).getByRole("button", { name: "Finance" }).click();
  const cards = page.getByTestId("template-card");
  await expect(cards).toHaveCount(3);
  const p2p = cards.filter({ hasText: "Procure-to-pay" });
  await expect(p2p).toContainText("18 steps");
  await p2p.getByRole("button", { name: "Use template" }).click();
  const dialog = page.getByRole("dialog", { name: "Use template" });
  await dialog.getByLabel("Project name").fill("Purchasing");
  await dialog.getByRole("button", { name: "Create project" }).click();

  await expect(page.getByRole("heading", { name: "Purchasing", level: 1 })).toBeVisible();
  await expect(steps(page)).toHaveCount(18);
  await page.getByRole("tab", { name: "Analysis" }).click();
  // Request to remittance: approvals, a week for delivery and the invoice, 3 weeks of payment terms.
  await expect(page.getByTestId("lead-time-total")).toHaveText("34d 12h");
});

test("a project saved as a template shows up in the organization's gallery", async ({ page }) => {
  await openNewProject(page, "Quote flow");
  await addStep(page, "Sales", "Request", "Receive order");
  await addStep(page, "Finance", "Review", "Approve credit");

  await openProjectMenu(page);
  await page.getByTestId("save-as-template-button").click();
  const dialog = page.getByRole("dialog", { name: "Save as template" });
  await dialog.getByLabel("Name").fill("Quote flow template");
  await dialog.getByLabel("Category").selectOption({ label: "Operations" });
  await dialog.getByLabel("Tags").fill("sales, credit");
  await dialog.getByRole("button", { name: "Save template" }).click();
  await dialog.getByRole("link", { name: "Open the template gallery" }).click();

  const own = page.getByRole("list", { name: "Organization templates" });
  const card = own.getByTestId("template-card").filter({ hasText: "Quote flow template" });
  await expect(card).toContainText("2 steps");
  await page.getByLabel("Search templates").fill("quote flow");
  await expect(page.getByTestId("template-card")).toHaveCount(1);
  await page.getByLabel("Search templates").fill("");
  await page.getByRole("group", { name: "Tags" }).getByRole("button", { name: "#credit" }).click();
  await expect(page.getByTestId("template-card")).toHaveCount(1);
  await expect(card).toBeVisible();
});

test("the canvas exports as a PNG image named after the project", async ({ page }) => {
  await openNewProject(page, "Export me");
  await addStep(page, "Sales", "Request", "Receive order");
  await page.getByTestId("export-image-button").click();
  const dialog = page.getByRole("dialog", { name: "Export picture" });
  await dialog.getByRole("radio", { name: "PNG" }).check();
  await expect(dialog.getByTestId("export-filename")).toHaveText("export-me.png");
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  const png = await download;
  await expect(dialog).toBeHidden();
  expect(png.suggestedFilename()).toBe("export-me.png");
  const bytes = await readFile((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
});

test("the seeded project exports as a vector SVG that rsvg-convert renders, and as a PDF with its title block", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByRole("link", { name: "Customer onboarding" }).first().click();
  await expect(page.getByTestId("matrix-canvas")).toBeVisible();
  const dir = await mkdtemp(join(tmpdir(), "fm-e2e-export-"));
  const save = async (format: "SVG" | "PDF", name: string, pdf?: { pageSize: string; pages: string }) => {
    await page.getByTestId("export-image-button").click();
    const dialog = page.getByRole("dialog", { name: "Export picture" });
    await dialog.getByRole("radio", { name: format }).check();
    if (pdf) {
      await dialog.getByLabel("Page size").selectOption({ label: pdf.pageSize });
      await dialog.getByLabel("Pages").selectOption({ label: pdf.pages });
    }
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    const file = await download;
    const path = join(dir, name);
    await file.saveAs(path);
    return { file, path };
  };
  const svg = await save("SVG", "m.svg");
  expect(svg.file.suggestedFilename()).toBe("customer-onboarding.svg");
  const text = await readFile(svg.path, "utf8");
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text).not.toMatch(/foreignObject/i);
  expect(text.length).toBeLessThan(500_000);
  if (existsSync("/usr/bin/rsvg-convert")) {
    await run("/usr/bin/rsvg-convert", ["-o", join(dir, "m.png"), svg.path]);
    expect((await readFile(join(dir, "m.png"))).subarray(1, 4).toString()).toBe("PNG");
  }
  const pdf = await save("PDF", "m.pdf", { pageSize: "A4, landscape", pages: "Fit on one page" });
  expect(pdf.file.suggestedFilename()).toBe("customer-onboarding.pdf");
  expect((await readFile(pdf.path)).subarray(0, 5).toString()).toBe("%PDF-");
  if (existsSync("/usr/bin/pdftotext")) {
    const { stdout } = await run("/usr/bin/pdftotext", [pdf.path, "-"]);
    expect(stdout).toContain("Customer onboarding");
    expect(stdout).toMatch(/Lead time \d/);
    expect(stdout).toContain("Flow efficiency");
  }
});
