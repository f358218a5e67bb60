import { expect, test } from "@playwright/test";
import { addStep, openNewProject, step } from "./canvas-helpers";
import { acceptInvitation, openProjectMenu, signIn, signUp, uniqueEmail } from "./helpers";

test("a new user creates an organization and a project, shares it read-only with a colleague", async ({ browser }) => {
  const ownerPage = await (await browser.newContext()).newPage();
  const viewerPage = await (await browser.newContext()).newPage();
  const viewerEmail = uniqueEmail("viewer");
  await signUp(viewerPage, "Vera Viewer", viewerEmail);

  await signUp(ownerPage, "Olga Owner", uniqueEmail("owner"));
  await ownerPage.getByLabel("Organization name").fill("Initech Ops");
  await ownerPage.getByRole("button", { name: "Create organization" }).click();
  await expect(ownerPage.getByText("No projects yet")).toBeVisible();

  await ownerPage.getByRole("button", { name: "Create your first project" }).click();
  const dialog = ownerPage.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill("Invoice approval");
  await dialog.getByLabel("Description").fill("From received invoice to payment run");
  await dialog.getByRole("button", { name: "Create project" }).click();
  // A new project opens at once.
  await expect(ownerPage).toHaveURL(/\/projects\/[0-9a-f-]+$/);
  await expect(ownerPage.getByTestId("matrix-canvas")).toBeVisible();
  const projectUrl = ownerPage.url();

  await ownerPage.goto("/dashboard");
  const card = ownerPage.getByTestId("project-card").filter({ hasText: "Invoice approval" });
  await expect(card).toContainText("0 steps · 0 connections");
  await expect(card).toContainText("0% complete");
  await ownerPage.goto(projectUrl);
  await expect(ownerPage.getByTestId("matrix-canvas")).toBeVisible();
  await expect(ownerPage.locator('[data-testid^="lane-stage-"]').first()).toContainText("Request");
  await expect(ownerPage.locator('[data-testid^="lane-department-"]').first()).toContainText("Sales");
  await openProjectMenu(ownerPage);
  await expect(ownerPage.getByTestId("edit-project-button")).toBeVisible();
  await ownerPage.getByTestId("project-settings-link").click();
  const addForm = ownerPage.getByRole("form", { name: "Add member" });
  await addForm.getByLabel("Email address").fill(viewerEmail);
  await addForm.getByLabel("Role").selectOption("VIEWER");
  await addForm.getByRole("button", { name: "Add member" }).click();
  // The colleague is not in the organization yet: they get an invitation and join by accepting it.
  const link = await ownerPage.getByTestId("invitation-link").inputValue();
  await acceptInvitation(viewerPage, link);
  await ownerPage.reload();
  await expect(ownerPage.getByTestId("member-row").filter({ hasText: viewerEmail })).toBeVisible();

  await viewerPage.goto("/dashboard");
  const viewerCard = viewerPage.getByTestId("project-card").filter({ hasText: "Invoice approval" });
  await expect(viewerCard).toBeVisible();
  await viewerCard.getByRole("link", { name: "Invoice approval" }).click();
  await expect(viewerPage.getByTestId("read-only-badge")).toBeVisible();
  await expect(viewerPage.getByTestId("matrix-canvas")).toBeVisible();
  await openProjectMenu(viewerPage);
  await expect(viewerPage.getByRole("menuitem", { name: "Activity" })).toBeVisible();
  await expect(viewerPage.getByTestId("edit-project-button")).toHaveCount(0);
  await expect(viewerPage.getByTestId("project-settings-link")).toHaveCount(0);
});

test("inviting someone already in the organization says so on the address and invites nobody", async ({ page }) => {
  const ownerEmail = uniqueEmail("lone");
  await signUp(page, "Lone Owner", ownerEmail);
  await page.getByLabel("Organization name").fill("Solo Org");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Settings" }).click();
  const addForm = page.getByRole("form", { name: "Invite someone" });
  const email = addForm.getByLabel("Email address");
  await email.fill(ownerEmail.toUpperCase());
  await addForm.getByRole("button", { name: "Invite" }).click();
  // The refusal is about the address, so it is said on that field; editing the address clears it.
  await expect(email).toHaveAccessibleDescription(/is already a member of this organization/);
  await expect(addForm.getByRole("alert")).toHaveCount(1);
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);
  await email.fill(uniqueEmail("other"));
  await expect(email).not.toHaveAccessibleDescription(/already a member/);
});

test("a deleted project goes to the trash and can be restored", async ({ page }) => {
  await signUp(page, "Tidy Owner", uniqueEmail("tidy"));
  await page.getByLabel("Organization name").fill("Tidy Org");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByRole("button", { name: "Create your first project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill("Short-lived");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("matrix-canvas")).toBeVisible();
  await openProjectMenu(page);
  await page.getByTestId("project-settings-link").click();
  await page.getByRole("button", { name: "Delete project" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete project" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText("No projects yet")).toBeVisible();

  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Trash" }).click();
  await expect(page.getByTestId("trash-item")).toContainText("Short-lived");
  await expect(page.getByTestId("trash-item")).toContainText("removed in 30 days");
  await expect(page.getByText("Deleted projects stay here for 30 days")).toBeVisible();

  // The owner shortens the retention; the trash says so.
  const trashUrl = page.url();
  await page.goto(trashUrl.replace(/\/trash$/, "/settings"));
  const days = page.getByLabel("Days deleted projects stay in the trash");
  await days.fill("0");
  await page.getByRole("button", { name: "Save" }).first().click();
  await expect(page.getByText("Enter a whole number of days from 1 to 3650")).toBeVisible();
  await days.fill("7");
  await page.getByRole("button", { name: "Save" }).first().click();
  await expect(page.getByText("Organization details saved.")).toBeVisible();
  await page.goto(trashUrl);
  await expect(page.getByTestId("trash-item")).toContainText("removed in 7 days");
  await page.getByRole("button", { name: "Restore Short-lived" }).click();
  await expect(page.getByText("Trash is empty")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByTestId("project-card").filter({ hasText: "Short-lived" })).toBeVisible();
});

test("the demo member sees only the project shared with them", async ({ page }) => {
  await signIn(page, "sam@flowmatrix.dev", "flowmatrix-demo");
  await expect(page.getByTestId("project-card")).toHaveCount(1);
  await expect(page.getByTestId("project-card")).toContainText("Customer onboarding");
});

test("a card's menu duplicates, archives and deletes; the header counts archived apart; the owner empties the trash", async ({ page }) => {
  await openNewProject(page, "Payroll");
  await addStep(page, "Sales", "Request", "Collect hours");
  await page.goto("/dashboard");
  const card = (name: string) => page.getByTestId("project-card").filter({ has: page.getByRole("link", { name, exact: true }) });

  await card("Payroll").getByRole("button", { name: "Actions for Payroll" }).click();
  await page.getByRole("menuitem", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Payroll (copy)", level: 1 })).toBeVisible();
  await expect(step(page, "Collect hours")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByText("2 projects · 1 member")).toBeVisible();

  // Keyboard only: open the copy's menu, down to Archive, Enter.
  await card("Payroll (copy)").getByRole("button", { name: "Actions for Payroll (copy)" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Open" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Archive" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("1 active, 1 archived · 1 member")).toBeVisible();
  await expect(card("Payroll (copy)")).toHaveCount(0);

  await card("Payroll").getByRole("button", { name: "Actions for Payroll" }).click();
  await page.getByRole("menuitem", { name: "Move to trash…" }).click();
  await page.getByRole("dialog", { name: "Move Payroll to the trash?" }).getByRole("button", { name: "Move to trash" }).click();
  await expect(card("Payroll")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Trash" }).click();
  await expect(page.getByTestId("trash-item")).toContainText("1 step · 0 connections");
  await page.getByRole("button", { name: "Empty trash" }).click();
  await page.getByRole("dialog", { name: "Empty the trash?" }).getByRole("button", { name: "Delete 1 project for good" }).click();
  await expect(page.getByText("1 project deleted for good.")).toBeVisible();
  await expect(page.getByText("Trash is empty")).toBeVisible();
});
