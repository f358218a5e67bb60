import { expect, test } from "@playwright/test";
import { addStep, openNewProject, step, twoStepProcess } from "./canvas-helpers";

test.use({ timezoneId: "UTC" });

test("a department's working calendar moves the planned finish date, and the analysis says which rule counts", async ({ page }) => {
  await openNewProject(page, "Calendar project");
  await addStep(page, "Sales", "Request", "Draft the offer");
  await step(page, "Draft the offer").click();
  const field = page.getByTestId("inspector").getByLabel("Average time");
  await field.fill("3d");
  await field.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.getByRole("tab", { name: "Analysis" }).click();
  const planned = page.getByRole("region", { name: "Planned dates" });
  // Friday 4 December 2026, 16:00: without a calendar three days are 72 hours.
  await planned.getByLabel("Start").fill("2026-12-04T16:00");
  await expect(page.getByTestId("calendar-rule")).toContainText("No working calendar is set: time runs 24 hours a day, 7 days a week.");
  await expect(page.getByTestId("planned-finish")).toContainText("Mon, Dec 7, 2026");
  await expect(page.getByTestId("planned-days")).toContainText("3 days of work · 3 days on the calendar");

  // Sales works Monday to Friday, 09:00 to 17:00: three working days end on Wednesday at 16:00.
  await page.getByRole("button", { name: "Options for department Sales" }).click();
  await page.getByRole("menuitem", { name: "Working calendar…" }).click();
  const dialog = page.getByRole("dialog", { name: "Working calendar of Sales" });
  await dialog.getByRole("radio", { name: "Working hours of its own" }).check();
  await dialog.getByLabel("Time zone").selectOption("UTC");
  await dialog.getByLabel("Ends at").fill("08:00");
  await dialog.getByRole("button", { name: "Save calendar" }).click();
  await expect(dialog.getByText("The working day must end after it starts")).toBeVisible();
  await dialog.getByLabel("Ends at").fill("17:00");
  await dialog.getByRole("button", { name: "Save calendar" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("planned-finish")).toContainText("Wed, Dec 9, 2026");
  await expect(page.getByTestId("planned-finish")).toContainText("04:00 PM");
  await expect(page.getByTestId("calendar-rule")).toContainText("some departments have their own");
  await expect(page.getByTestId("planned-days")).toContainText("3 days of work · 5 days on the calendar");
  await expect(page.getByTestId("day-rule")).toContainText("working calendars are set");
  // The Monte Carlo counts the same working time from the same start.
  await expect(page.getByTestId("simulation-dated")).toContainText("Counted in working hours from Fri, Dec 4, 2026");
  await expect(page.getByRole("list", { name: "Done by" })).toContainText("P80 done by Wed, Dec 9, 2026, 04:00 PM");

  // A holiday on the Tuesday moves it a day.
  await page.getByRole("button", { name: "Options for department Sales" }).click();
  await page.getByRole("menuitem", { name: "Working calendar…" }).click();
  await dialog.getByLabel("Holidays").fill("2026-12-08");
  await dialog.getByRole("button", { name: "Save calendar" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("planned-finish")).toContainText("Thu, Dec 10, 2026");
  await expect(page.getByTestId("planned-days")).toContainText("3 days of work · 6 days on the calendar · 1 step sets the date");
});

test("a wait marked as working time counts office hours, with the keyboard alone", async ({ page }) => {
  await openNewProject(page, "Working wait");
  await twoStepProcess(page, ["Draft", "3d"], ["Sign", "1h"]);
  await page.getByRole("button", { name: "Options for department Sales" }).click();
  await page.getByRole("menuitem", { name: "Working calendar…" }).click();
  const dialog = page.getByRole("dialog", { name: "Working calendar of Sales" });
  await dialog.getByRole("radio", { name: "Working hours of its own" }).check();
  await dialog.getByLabel("Time zone").selectOption("UTC");
  await dialog.getByRole("button", { name: "Save calendar" }).click();
  await expect(dialog).toBeHidden();

  // From the step, open its dependency and give it a four-hour wait.
  await step(page, "Sign").click();
  const inspector = page.getByTestId("inspector");
  await inspector
    .getByRole("list", { name: "Depends on" })
    .getByRole("button", { name: /^Draft/ })
    .focus();
  await page.keyboard.press("Enter");
  await expect(inspector.getByRole("button", { name: "Delete connection" })).toBeVisible();
  await inspector.getByLabel("Lag").focus();
  await page.keyboard.type("4h");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Draft ends Wednesday 16:00. An elapsed wait ends at 20:00, so Sign runs Thursday 09:00-10:00.
  await page.getByRole("tab", { name: "Analysis" }).click();
  await page.getByRole("region", { name: "Planned dates" }).getByLabel("Start").fill("2026-12-04T16:00");
  await expect(page.getByTestId("planned-finish")).toContainText("Thu, Dec 10, 2026, 10:00 AM");

  // In working time: one hour on Wednesday, three on Thursday; Sign runs 12:00-13:00.
  await page.getByRole("tab", { name: "Details" }).click();
  await inspector.getByRole("checkbox", { name: "Wait in working time" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.locator('[data-testid^="edge-label-"]')).toContainText("+4h working");
  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.getByTestId("planned-finish")).toContainText("Thu, Dec 10, 2026, 01:00 PM");
  await expect(page.getByTestId("calendar-rule")).toContainText("except those marked as working time");
});
