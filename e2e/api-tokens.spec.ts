import { expect, test } from "@playwright/test";
import { openNewProject } from "./canvas-helpers";

test("a token made in the profile reads the projects over the REST API until it is revoked", async ({ page }) => {
  await openNewProject(page, "Token project");
  await page.goto("/profile");
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Token name").fill("ERP integration");
  await form.getByLabel("Access").selectOption({ label: "Read only" });
  await form.getByRole("button", { name: "Make token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^fm_/);
  const list = page.getByRole("list", { name: "API tokens" });
  await expect(list).toContainText("ERP integration");
  await expect(list).toContainText(`${token.slice(0, 10)}…`);
  await expect(list).toContainText("last used never");

  const auth = { Authorization: `Bearer ${token}` };
  const projects = await page.request.get("/api/v1/projects", { headers: auth });
  expect(projects.status()).toBe(200);
  expect((await projects.json()).projects.map((p: { name: string }) => p.name)).toContain("Token project");
  expect((await page.request.get("/api/v1/projects")).status()).toBe(401);
  const openapi = await page.request.get("/api/v1/openapi.json");
  expect((await openapi.json()).components.securitySchemes.bearerToken.scheme).toBe("bearer");

  await page.reload();
  await expect(list).not.toContainText("last used never");
  await list.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog", { name: "Revoke this token?" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  expect((await page.request.get("/api/v1/projects", { headers: auth })).status()).toBe(401);
});
