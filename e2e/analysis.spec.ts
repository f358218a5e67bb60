import { expect, test } from "@playwright/test";
import { addStep, connect, openNewProject, step } from "./canvas-helpers";
import { DEMO, signIn } from "./helpers";

test("the seeded project's analysis panel shows its lead time and critical path", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByTestId("project-card").filter({ hasText: "Product launch" }).getByRole("link", { name: "Product launch" }).click();
  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.getByTestId("lead-time-total")).toHaveText(/\d+[dhm]/);
  await expect(page.getByRole("region", { name: "Critical path" }).getByRole("button").first()).toBeVisible();
  await expect(page.locator(".react-flow__node [data-critical]").first()).toBeVisible();
});

test("changing a critical step's duration changes the total and the highlighted path", async ({ page }) => {
  // Thirteen saved edits before the first check: slow on a busy 2-core machine.
  test.slow();
  await openNewProject(page, "What if");
  await addStep(page, "Sales", "Request", "Start");
  await addStep(page, "Sales", "Review", "Long branch", { x: 0, y: -40 });
  await addStep(page, "Finance", "Review", "Short branch");
  await addStep(page, "Sales", "Execute", "Finish");
  for (const [from, to] of [["Start", "Long branch"], ["Start", "Short branch"], ["Long branch", "Finish"], ["Short branch", "Finish"]] as const) {
    await connect(page, from, to);
    await page.getByRole("button", { name: /^Requires/ }).click();
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
  }
  const setDuration = async (label: string, value: string) => {
    await step(page, label).click();
    const field = page.getByTestId("inspector").getByLabel("Average time");
    await field.fill(value);
    await field.press("Enter");
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
  };
  await setDuration("Start", "1h");
  await setDuration("Long branch", "5h");
  await setDuration("Short branch", "2h");
  await setDuration("Finish", "1h");

  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.getByTestId("lead-time-total")).toHaveText("7h");
  await expect(step(page, "Long branch").locator("[data-critical]")).toHaveCount(1);
  await expect(step(page, "Short branch").locator("[data-critical]")).toHaveCount(0);

  await page.getByRole("tab", { name: "Details" }).click();
  await setDuration("Short branch", "8h");
  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.getByTestId("lead-time-total")).toHaveText("10h");
  await expect(step(page, "Short branch").locator("[data-critical]")).toHaveCount(1);
  await expect(step(page, "Long branch").locator("[data-critical]")).toHaveCount(0);
});
