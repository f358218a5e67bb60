import { expect, test } from "@playwright/test";
import { openNewProject, step, twoStepProcess } from "./canvas-helpers";

/** Five cases: "Check credit" takes 30 to 150 minutes (median 90), "Ship order" always 2h. */
function log() {
  const lines = ["Case ID;Activity;Start;End;User"];
  for (let i = 0; i < 5; i++) {
    const base = Date.UTC(2026, 11, 1 + i, 9);
    const t = (m: number) => new Date(base + m * 60_000).toISOString();
    const check = 30 * (i + 1);
    lines.push(
      `C${i};Check credit;${t(0)};${t(check)};Ann`,
      `C${i};Ship the order;${t(check)};${t(check + 120)};Bo`,
      `C${i};Coffee;${t(1)};${t(2)};Ann`,
    );
  }
  return lines.join("\n");
}

test("an imported CSV log puts the actual medians beside the estimates, which can be applied and undone", async ({ page }) => {
  await openNewProject(page, "Log project");
  await twoStepProcess(page, ["Check credit", "1h"], ["Ship order", "2h"]);

  await page.getByRole("tab", { name: "Runs" }).click();
  await page.getByRole("button", { name: "Import an event log…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import an event log" });
  await dialog.getByTestId("log-file").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(log()) });
  // The columns are guessed from their names.
  await expect(dialog.getByLabel("Case id")).toHaveValue("Case ID");
  await expect(dialog.getByLabel("Completion time")).toHaveValue("End");
  await dialog.getByRole("button", { name: "Check" }).click();
  await expect(dialog.getByTestId("log-preview")).toHaveText("5 cases, 15 events");
  await expect(dialog.getByLabel("Step for Check credit")).toHaveValue(/.+/);
  await expect(dialog.getByLabel("Step for Coffee")).toHaveValue("");
  // "Ship the order" is not close enough to a name: the person maps it.
  await dialog.getByLabel("Step for Ship the order").selectOption({ label: "Ship order" });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog.getByRole("status")).toContainText("Imported 5 cases with 10 step times; 5 events of activities left out");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("region", { name: "Runs", exact: true })).toContainText("Case C4");

  await page.getByRole("tab", { name: "Analysis" }).click();
  const actuals = page.getByRole("region", { name: "Planned versus actual" });
  await expect(actuals.getByTestId("actuals-summary")).toContainText("5 runs, 5 finished · actual lead time median 3h 30m");
  await expect(actuals.getByRole("row", { name: /Check credit/ })).toContainText("1h1h 30m");
  await expect(page.getByTestId("lead-time-total")).toHaveText("3h");
  const comparison = actuals.getByTestId("lead-comparison");
  await expect(comparison.getByRole("row", { name: /Planned/ })).toContainText("3h");
  await expect(comparison.getByRole("row", { name: /Actual, 5 cases/ })).toContainText("3h 30m");
  // The cases' distribution beside the Monte Carlo's, with the planned lead time marked.
  const distribution = actuals.getByTestId("lead-distribution");
  await expect(distribution.locator(".recharts-line")).toHaveCount(2);
  await expect(distribution).toContainText("Actual (5 cases)");
  await expect(distribution).toContainText("Monte Carlo");
  await expect(distribution).toContainText("Planned");
  // Off by 1.5x: marked on the canvas once the factor is below that.
  await expect(page.getByTestId("off-estimate")).toHaveCount(0);
  await actuals.getByLabel("Mark steps off their estimate by more than").selectOption("1.25");
  await expect(step(page, "Check credit").getByTestId("off-estimate")).toHaveText("runs take 1.5× the estimate");
  await expect(step(page, "Ship order").getByTestId("off-estimate")).toHaveCount(0);
  await actuals.getByRole("button", { name: "Use the medians as estimates" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByTestId("lead-time-total")).toHaveText("3h 30m");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByTestId("lead-time-total")).toHaveText("3h");
});
