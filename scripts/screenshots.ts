/**
 * Regenerates the README's screenshots: the seeded "Customer onboarding" project at three
 * viewport sizes, the editor and its Analysis tab (top, scrolled to the timeline, and a what-if);
 * then the hand-over flow: the export dialog, the PDF's first page (rendered with pdftoppm from
 * poppler-utils), and the import preview of a Camunda Modeler file.
 * Needs a running app (npm run build && npm start, or npm run dev):
 *   BASE_URL=http://localhost:3000 npm run docs:screenshots
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM } from "../e2e/chromium";

const BASE_URL = process.env.BASE_URL ?? "http://localhost:3000";
const OUT = process.env.OUT_DIR ?? "docs";
const SIZES = [
  { name: "project-1440x900", width: 1440, height: 900 },
  { name: "project-1280x720", width: 1280, height: 720 },
  { name: "project-390x844", width: 390, height: 844, mobile: true },
];

/** Signs in as the demo owner and opens the seeded "Customer onboarding". */
async function openDemoProject(page: Page) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel("Email").fill("demo@flowmatrix.dev");
  await page.getByLabel("Password").fill("flowmatrix-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
  await page.getByRole("link", { name: "Customer onboarding" }).first().click();
}

async function main() {
  const browser = await chromium.launch({
    ...CHROMIUM,
  });
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: 1,
      isMobile: size.mobile ?? false,
      hasTouch: size.mobile ?? false,
    });
    const page = await context.newPage();
    await openDemoProject(page);
    await page.getByTestId("matrix-canvas").waitFor();
    await page.locator(".react-flow__node-action").first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${OUT}/${size.name}.png` });
    console.log(`${OUT}/${size.name}.png`);
    await page.getByRole("tab", { name: "Analysis" }).click();
    await page.getByTestId("analysis-panel").waitFor();
    await page.waitForTimeout(600);
    const analysis = size.name.replace("project", "analysis");
    await page.screenshot({ path: `${OUT}/${analysis}.png` });
    await page.getByRole("region", { name: "Timeline of the critical path" }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/${analysis}-timeline.png` });
    const whatIf = page.getByRole("form", { name: "What if" });
    await whatIf.getByRole("combobox", { name: "Step 1" }).selectOption({ label: "Migrate historical data" });
    await whatIf.getByLabel("New time for step 1").fill("1d / 2d / 3d");
    await whatIf.getByRole("button", { name: "Compare" }).click();
    await page.getByTestId("what-if-explanation").waitFor();
    await page.getByTestId("what-if-answer").scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/${analysis}-what-if.png` });
    console.log(`${OUT}/${analysis}.png, ${OUT}/${analysis}-timeline.png, ${OUT}/${analysis}-what-if.png`);
    await context.close();
  }
  await handOver(browser);
  await browser.close();
}

async function handOver(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  await openDemoProject(page);
  await page.locator(".react-flow__node-action").first().waitFor();
  await page.getByTestId("export-image-button").click();
  const dialog = page.getByRole("dialog", { name: "Export picture" });
  await dialog.getByLabel("Highlight the critical path").check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/export-dialog.png` });
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  const pdf = `${OUT}/export.pdf`;
  await (await download).saveAs(pdf);
  execFileSync("pdftoppm", ["-png", "-f", "1", "-l", "1", "-r", "80", "-singlefile", pdf, `${OUT}/export-pdf-page1`]);
  execFileSync("rm", [pdf]);
  console.log(`${OUT}/export-dialog.png, ${OUT}/export-pdf-page1.png`);

  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByTestId("import-projects").click();
  const importer = page.getByRole("dialog", { name: "Import projects" });
  const camunda = readFileSync("src/domain/interchange/fixtures/camunda-order.bpmn");
  await importer.getByTestId("import-file").setInputFiles({ name: "order.bpmn", mimeType: "application/xml", buffer: camunda });
  await importer.getByTestId("import-notes").waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/import-bpmn-preview.png` });
  console.log(`${OUT}/import-bpmn-preview.png`);
  await context.close();
}

void main();
