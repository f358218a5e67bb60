import { expect, test } from "@playwright/test";
import { steps } from "./canvas-helpers";
import { DEMO, signIn } from "./helpers";

test("a small project's page arrives with its project and graph, so the editor opens without waiting for them", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByRole("link", { name: "Customer onboarding" }).first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const url = page.url();

  // The response itself carries the project and its graph (in the data React hydrates from).
  const html = await (await page.request.get(url)).text();
  expect(html).toContain("Customer onboarding");
  expect(html).toContain("Write sales-to-CS handoff brief");

  // The browser then asks for neither again.
  const asked: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/api/trpc/")) asked.push(...path.slice("/api/trpc/".length).split(","));
  });
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.reload();
  await expect(page.getByTestId("save-status")).toBeVisible();
  await expect(steps(page)).toHaveCount(24);
  expect(asked).not.toContain("project.get");
  expect(asked).not.toContain("graph.get");
  expect(problems).toEqual([]);

  // Someone who cannot open it still gets the page that says so.
  await page.goto("/projects/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("Project not found")).toBeVisible();
});
