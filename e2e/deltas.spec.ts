import { expect, test } from "@playwright/test";
import { step } from "./canvas-helpers";
import { signUp, uniqueEmail } from "./helpers";

/** Start, then two checks side by side, then Finish: the manual check (2d) holds the critical path. */
const process = {
  settings: {
    departments: [
      { id: "d1", name: "Sales", color: "#00D4FF", order: 1 },
      { id: "d2", name: "Finance", color: "#FFB800", order: 2 },
    ],
    stages: [
      { id: "s1", name: "Intake", color: "#00FF88", order: 1 },
      { id: "s2", name: "Checks", color: "#FF6B6B", order: 2 },
      { id: "s3", name: "Close", color: "#9B59B6", order: 3 },
    ],
  },
  projects: [
    {
      id: "p1",
      name: "Credit approval",
      nodes: [
        {
          id: "a",
          label: "Receive application",
          type: "TRIGGER",
          position: { x: 120, y: 120 },
          stage: "s1",
          department: "Sales",
          attributes: { avg_time: "1h" },
        },
        {
          id: "b",
          label: "Manual credit check",
          type: "ACTION",
          position: { x: 420, y: 120 },
          stage: "s2",
          department: "Sales",
          attributes: { avg_time: "2d" },
        },
        {
          id: "c",
          label: "Issue first invoice",
          type: "ACTION",
          position: { x: 420, y: 320 },
          stage: "s2",
          department: "Finance",
          attributes: { avg_time: "1d" },
        },
        {
          id: "d",
          label: "Open the account",
          type: "ACTION",
          position: { x: 720, y: 120 },
          stage: "s3",
          department: "Sales",
          attributes: { avg_time: "1h" },
        },
      ],
      edges: [
        { id: "e1", source: "a", target: "b", relation_type: "REQUIRES", properties: {} },
        { id: "e2", source: "a", target: "c", relation_type: "REQUIRES", properties: {} },
        { id: "e3", source: "b", target: "d", relation_type: "REQUIRES", properties: {} },
        { id: "e4", source: "c", target: "d", relation_type: "REQUIRES", properties: {} },
      ],
    },
  ],
};

test("what if a step were automated, and how a saved version differs from now, in figures and in words", async ({ page }) => {
  await signUp(page, "Dana Delta", uniqueEmail("delta"));
  await page.getByLabel("Organization name").fill("Delta Works");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByTestId("import-projects").click();
  const dialog = page.getByRole("dialog", { name: "Import projects" });
  await dialog
    .getByTestId("import-file")
    .setInputFiles({ name: "credit.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(process)) });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await dialog.getByTestId("import-report").getByRole("link", { name: "Credit approval" }).click();
  await expect(step(page, "Manual credit check")).toBeVisible();

  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.getByTestId("lead-time-total")).toHaveText("2d 2h");
  const whatIf = page.getByRole("form", { name: "What if" });
  // Asking before choosing a step says what is missing and asks nothing.
  await whatIf.getByRole("button", { name: "Compare" }).click();
  await expect(whatIf.getByText("Choose a step", { exact: true }).last()).toBeVisible();
  await expect(page.getByTestId("what-if-answer")).toHaveCount(0);

  await whatIf.getByRole("combobox", { name: "Step 1" }).selectOption({ label: "Manual credit check" });
  const time = whatIf.getByLabel("New time for step 1");
  await expect(time).toHaveValue("2d");
  await time.fill("2 days");
  await expect(whatIf.getByText('"2 days" is not a duration like 45m')).toBeVisible();
  await whatIf.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByTestId("what-if-answer")).toHaveCount(0);
  await whatIf.getByLabel("Automated (takes no time)").check();
  await expect(time).toBeDisabled();
  await whatIf.getByRole("button", { name: "Compare" }).click();
  const answer = page.getByTestId("what-if-answer");
  await expect(answer.getByTestId("what-if-lead-time")).toHaveText("2d 2h → 1d 2h(−1d)");
  await expect(answer.getByTestId("what-if-work")).toHaveText("2d 2h → 1d 2h(−1d)");
  await expect(answer.getByTestId("what-if-waiting")).toHaveText("0m → 0m");
  // No ranges and no loops: every run of the simulation takes the critical path's time.
  await expect(answer.getByTestId("what-if-p80")).toHaveText("2d 2h → 1d 2h(−1d)");
  await expect(answer.getByTestId("what-if-explanation")).toHaveText(
    "−1d: “Manual credit check” left the critical path; “Issue first invoice” now leads it; “Manual credit check” takes 2d less.",
  );
  // Nothing was saved: the project's own lead time is as it was.
  await expect(page.getByTestId("lead-time-total")).toHaveText("2d 2h");

  // A saved version compared with now says the same kind of thing about a real edit.
  await page.getByRole("tab", { name: "History" }).click();
  await page.getByRole("button", { name: "Save version" }).click();
  const save = page.getByRole("dialog", { name: "Save version" });
  await save.getByLabel("Comment").fill("Before the faster check");
  await save.getByRole("button", { name: "Save version" }).click();
  const v1 = page.getByTestId("version-row").filter({ hasText: "Before the faster check" });
  await expect(v1).toContainText("v1");

  await step(page, "Manual credit check").click();
  await page.getByRole("tab", { name: "Details" }).click();
  const field = page.getByTestId("inspector").getByLabel("Average time");
  await field.fill("4h");
  await field.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.getByRole("tab", { name: "History" }).click();
  await v1.getByRole("button", { name: "Compare v1 with now" }).click();
  const changes = page.getByTestId("change-list");
  await expect(changes.getByTestId("compare-lead-time")).toHaveText("2d 2h → 1d 2h(−1d)");
  await expect(changes.getByTestId("compare-work")).toHaveText("2d 2h → 1d 2h(−1d)");
  await expect(changes.getByTestId("compare-flow-efficiency")).toHaveText("100% → 100%");
  await expect(changes.getByTestId("compare-explanation")).toHaveText(
    "−1d: “Manual credit check” left the critical path; “Issue first invoice” now leads it; “Manual credit check” takes 1d 20h less.",
  );
});
