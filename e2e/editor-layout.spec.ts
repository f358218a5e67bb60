import { expect, test, type Page } from "@playwright/test";
import { steps } from "./canvas-helpers";
import { DEMO, signIn } from "./helpers";

async function openSeeded(page: Page) {
  await signIn(page, DEMO.email, DEMO.password);
  await page
    .getByTestId("project-card")
    .filter({ hasText: "Customer onboarding" })
    .getByRole("link", { name: "Customer onboarding" })
    .click();
  await expect(steps(page).first()).toBeVisible();
}

/** The canvas zoom, read off React Flow's viewport transform. */
async function zoomOf(page: Page) {
  return page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

/** The font size step labels are drawn at on screen: their CSS size times the zoom. */
async function renderedLabelPx(page: Page) {
  const css = await steps(page)
    .first()
    .getByText(/\S/)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  return css * (await zoomOf(page));
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test("the seeded project opens readable, with the editor filling the window and lane names pinned while panning", async ({ page }) => {
      await openSeeded(page);
      expect(await renderedLabelPx(page)).toBeGreaterThanOrEqual(11);

      const editor = (await page.getByRole("region", { name: "Process matrix editor" }).boundingBox())!;
      expect(editor.y + editor.height).toBeLessThanOrEqual(viewport.height);
      const canvas = (await page.getByTestId("matrix-canvas").boundingBox())!;
      if (viewport.width === 1440) expect(canvas.height / viewport.height).toBeGreaterThanOrEqual(0.8);
      await expect(page.getByRole("button", { name: "Zoom In" })).toBeInViewport();

      await expect(page.getByTestId("frozen-headers")).toHaveCount(0);
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.mouse.wheel(700, 500);
      const stages = page.getByTestId("frozen-stages");
      const departments = page.getByTestId("frozen-departments");
      await expect(stages).toBeVisible();
      await expect(departments).toBeVisible();
      // Whatever is in the middle of the view now, its row and column are named at the edges.
      const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
      const named = await page.evaluate(({ x, y }) => {
        const at = (testId: string, hit: (r: DOMRect) => boolean) =>
          [...document.querySelectorAll(`[data-testid="${testId}"] > div`)].find((el) => hit(el.getBoundingClientRect()))?.textContent;
        return {
          stage: at("frozen-stages", (r) => r.left <= x && r.right >= x),
          department: at("frozen-departments", (r) => r.top <= y && r.bottom >= y),
        };
      }, middle);
      expect(named.stage).toBeTruthy();
      expect(named.department).toBeTruthy();
      await expect(stages).toBeInViewport();
      expect((await stages.boundingBox())!.y).toBeCloseTo(canvas.y, 0);
      expect((await departments.boundingBox())!.x).toBeCloseTo(canvas.x, 0);
    });
  });
}

test("a panned view is remembered for the project; F toggles full screen", async ({ page }) => {
  await openSeeded(page);
  const canvas = (await page.getByTestId("matrix-canvas").boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await page.mouse.wheel(300, 200);
  const transform = page.locator(".react-flow__viewport");
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("flowmatrix:viewport:")))).toBe(true);
  const panned = await transform.getAttribute("style");
  await page.reload();
  await expect(steps(page).first()).toBeAttached();
  await expect(transform).toHaveAttribute("style", panned!);

  await page.getByTestId("matrix-canvas").click({ position: { x: 20, y: canvas.height - 120 } });
  await page.keyboard.press("f");
  const editor = page.getByRole("region", { name: "Process matrix editor" });
  await expect(editor).toHaveAttribute("data-full-screen", "true");
  const full = (await editor.boundingBox())!;
  expect(full).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
  await page.getByRole("button", { name: "Exit full screen" }).click();
  await expect(editor).not.toHaveAttribute("data-full-screen");
  await expect(page.getByRole("heading", { name: "Customer onboarding", level: 1 })).toBeInViewport();
});

test("the map opens on request and clicking it moves the view there", async ({ page }) => {
  await openSeeded(page);
  await expect(page.getByRole("img", { name: "Mini map" })).toHaveCount(0);
  await page.getByRole("button", { name: "Show the map" }).click();
  const map = page.locator(".react-flow__minimap");
  await expect(map).toBeVisible();
  const before = await page.locator(".react-flow__viewport").getAttribute("style");
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
  await expect(page.locator(".react-flow__viewport")).not.toHaveAttribute("style", before!);
  await page.getByRole("button", { name: "Hide the map" }).click();
  await expect(map).toHaveCount(0);
});
