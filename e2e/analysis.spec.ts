import { expect, test } from "@playwright/test";
import { formatMinutes } from "../src/domain/duration";
import { addStep, connect, openNewProject, step } from "./canvas-helpers";
import { DEMO, projectQuery, signIn } from "./helpers";

type Segment =
  | { kind: "step"; nodeId: string; minutes: number; external: boolean }
  | { kind: "wait"; edgeId: string | null; toId: string; minutes: number };
type Flow = {
  processMinutes: number;
  waitingMinutes: number;
  flowEfficiency: number;
  ladder: Segment[];
  waits: (Segment & { share: number })[];
};

type Simulation = { percentiles: { p: number; minutes: number }[]; criticality: { nodes: Record<string, number> } };

/** The engine's own answer, as the page's session reads it. */
const engine = projectQuery;

test("the seeded project's analysis shows where the time goes, as the engine computed it", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page
    .getByTestId("project-card")
    .filter({ hasText: "Customer onboarding" })
    .getByRole("link", { name: "Customer onboarding" })
    .click();
  await page.getByRole("tab", { name: "Analysis" }).click();
  const result = await engine<{ formatted: string; flow: Flow }>(page, "analysis.leadTime");
  await expect(page.getByTestId("lead-time-total")).toHaveText(result.formatted);
  await expect(page.getByTestId("process-time")).toHaveText(formatMinutes(result.flow.processMinutes));
  await expect(page.getByTestId("waiting-time")).toHaveText(formatMinutes(result.flow.waitingMinutes));
  await expect(page.getByTestId("flow-efficiency")).toHaveText(`${(result.flow.flowEfficiency * 100).toFixed(1)}%`);
  // Mostly waiting: the wait for the first payment leads the list, and choosing it selects that connection.
  const firstWait = result.flow.waits[0]!;
  expect(firstWait.kind).toBe("wait");
  const waits = page.getByTestId("ranked-waits").getByRole("button");
  await expect(waits.first()).toContainText("Waiting for “First payment received?”");
  await expect(waits.first()).toContainText(`${formatMinutes(firstWait.minutes)}, ${Math.round(firstWait.share * 100)}%`);
  await waits.first().click();
  await expect(page.locator(".react-flow__edge.selected")).toHaveCount(1);
  await page.getByRole("tab", { name: "Details" }).click();
  await expect(page.getByTestId("inspector")).toContainText("Connection");

  // The ladder: one segment per step and wait on the critical path, in order, with the totals.
  await page.getByRole("tab", { name: "Analysis" }).click();
  const ladder = page.getByRole("list", { name: "Critical path, step by step" }).getByRole("button");
  await expect(ladder).toHaveCount(result.flow.ladder.length);
  await expect(page.getByTestId("timeline-ladder").getByRole("button", { includeHidden: true })).toHaveCount(result.flow.ladder.length);
  await expect(ladder.first()).toContainText("Contract signed");
  await expect(page.getByTestId("timeline-totals")).toContainText(`work ${formatMinutes(result.flow.processMinutes)}`);
  await expect(page.getByTestId("day-rule")).toContainText("a day is 24 hours");
  await expect(page.locator(".react-flow__node [data-critical]").first()).toBeVisible();

  // How sure: P50 / P80 / P95 as the engine computed them (the same default runs and seed).
  const simulation = await engine<Simulation>(page, "analysis.simulate");
  for (const p of [50, 80, 95]) {
    const minutes = simulation.percentiles.find((x) => x.p === p)!.minutes;
    await expect(page.getByTestId(`p${p}`)).toHaveText(formatMinutes(minutes));
  }
  await expect(page.getByTestId("probability-answer")).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId("sensitivity").getByRole("button").first()).toBeVisible();
  // The criticality overlay: every step coloured by how often it was critical, the legend says so.
  await page.getByLabel("Show criticality on the canvas").check();
  const always = Object.entries(simulation.criticality.nodes).find(([, c]) => c >= 0.8)![0];
  await expect(page.locator(`.react-flow__node[data-id="${always}"] [data-heat="critical"]`)).toHaveCount(1);
  await page.getByRole("button", { name: "Legend" }).click();
  await expect(page.getByTestId("heat-scale")).toContainText("80%+ of runs");
});

test("changing a critical step's duration changes the total and the highlighted path", async ({ page }) => {
  // Thirteen saved edits before the first check: slow on a busy 2-core machine.
  test.slow();
  await openNewProject(page, "What if");
  await addStep(page, "Sales", "Request", "Start");
  await addStep(page, "Sales", "Review", "Long branch", { x: 0, y: -40 });
  await addStep(page, "Finance", "Review", "Short branch");
  await addStep(page, "Sales", "Execute", "Finish");
  for (const [from, to] of [
    ["Start", "Long branch"],
    ["Start", "Short branch"],
    ["Long branch", "Finish"],
    ["Short branch", "Finish"],
  ] as const) {
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
