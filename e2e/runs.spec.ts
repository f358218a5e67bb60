import { expect, test } from "@playwright/test";
import { openNewProject, step, twoStepProcess } from "./canvas-helpers";

test.use({ timezoneId: "UTC" });

test("start a run, mark steps started and done, and see late steps marked on the map", async ({ page }) => {
  await openNewProject(page, "Run project");
  await twoStepProcess(page, ["Receive order", "1h"], ["Ship", "1h"]);

  await page.getByRole("tab", { name: "Runs" }).click();
  await expect(page.getByText("No runs yet.")).toBeVisible();
  const form = page.getByRole("form", { name: "Start a run" });
  await form.getByLabel("Name").fill("Order 1001");
  await form.getByLabel("Reference (optional)").fill("SO-1001");
  await form.getByLabel("Started at").fill("2026-12-07T09:00");
  await form.getByRole("button", { name: "Start run" }).click();

  const panel = page.getByRole("region", { name: "Run", exact: true });
  await expect(panel).toContainText("Order 1001");
  await expect(step(page, "Receive order").getByTestId("run-marker")).toHaveAttribute("data-run-state", "NOT_STARTED");

  // Receive order: planned 09:00-10:00, done at 11:00, an hour late.
  await step(page, "Receive order").click();
  const record = page.getByRole("region", { name: "Selected step in the run" });
  await record.getByLabel("At").fill("2026-12-07T09:00");
  await record.getByRole("button", { name: "Start", exact: true }).click();
  await expect(step(page, "Receive order").getByTestId("run-marker")).toHaveAttribute("data-run-state", "IN_PROGRESS");
  await record.getByLabel("At").fill("2026-12-07T11:00");
  await record.getByRole("button", { name: "Done", exact: true }).click();
  const marker = step(page, "Receive order").getByTestId("run-marker");
  await expect(marker).toHaveText("✓ done, 1h late");
  await expect(marker).toHaveAttribute("data-late", "true");
  await expect(page.getByRole("region", { name: "Late steps" })).toContainText("Receive order");

  // A finish before its start is refused, with the reason.
  await step(page, "Ship").click();
  await record.getByLabel("At").fill("2026-12-07T11:00");
  await record.getByRole("button", { name: "Start", exact: true }).click();
  await expect(step(page, "Ship").getByTestId("run-marker")).toHaveAttribute("data-run-state", "IN_PROGRESS");
  await record.getByLabel("At").fill("2026-12-07T10:30");
  await record.getByRole("button", { name: "Done", exact: true }).click();
  await expect(record.getByRole("alert")).toContainText("“Ship” cannot finish before it started");
  await record.getByLabel("At").fill("2026-12-07T11:30");
  await record.getByRole("button", { name: "Done", exact: true }).click();
  await expect(step(page, "Ship").getByTestId("run-marker")).toHaveText("✓ done, 30m late");
  await expect(page.getByTestId("run-counts")).toContainText("2 done · 0 in progress · 0 not started · 2 late");
  await expect(page.getByTestId("run-lead-time")).toContainText("actual lead time 2h 30m, through 2 steps");

  // Planned versus actual: "Receive order" took 2h against 1h, "Ship" 30m against 1h; take the medians, then undo.
  await page.getByRole("tab", { name: "Analysis" }).click();
  const actuals = page.getByRole("region", { name: "Planned versus actual" });
  await expect(page.getByTestId("lead-time-total")).toHaveText("2h");
  await expect(actuals.getByTestId("actuals-summary")).toContainText("1 run, 1 finished · actual lead time median 2h 30m");
  const row = actuals.getByRole("row", { name: /Receive order/ });
  await expect(row).toContainText("1h2h2h");
  await expect(row).toHaveAttribute("data-flagged", "true");
  await actuals.getByRole("button", { name: "Use the medians as estimates" }).click();
  await expect(actuals.getByRole("status")).toContainText("2 steps take the times of the runs");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByTestId("lead-time-total")).toHaveText("2h 30m");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByTestId("lead-time-total")).toHaveText("2h");
  await page.getByRole("tab", { name: "Runs" }).click();

  // Back to the list: the run is there, and the map shows no run.
  await page.getByRole("button", { name: "All runs" }).click();
  await expect(page.getByRole("region", { name: "Runs", exact: true })).toContainText("Order 1001");
  await expect(page.getByTestId("run-marker")).toHaveCount(0);
});
