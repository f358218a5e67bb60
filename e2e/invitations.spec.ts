import { expect, test, type Page } from "@playwright/test";
import { openNewProject } from "./canvas-helpers";
import { openProjectMenu, PASSWORD, signUp, uniqueEmail } from "./helpers";

async function openOrgSettings(page: Page) {
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("form", { name: "Invite someone" })).toBeVisible();
}

async function invite(page: Page, formName: string, email: string, role: string) {
  const form = page.getByRole("form", { name: formName });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: formName === "Invite someone" ? "Invite" : "Add member" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation ready for ${email}`);
  return page.getByTestId("invitation-row").filter({ hasText: email }).getByTestId("invitation-link").inputValue();
}

test("someone without an account joins the organization only by accepting the invitation link", async ({ browser }) => {
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  await openNewProject(owner, "Hiring");
  await openOrgSettings(owner);
  const email = uniqueEmail("newcomer");
  const link = await invite(owner, "Invite someone", email, "ADMIN");
  expect(link).toMatch(/\/invitations\/[0-9a-f-]{36}$/);
  await expect(owner.getByTestId("invitation-row")).toContainText("Admin · invited by Casey Canvas");
  await expect(owner.getByTestId("member-row").filter({ hasText: email })).toHaveCount(0);

  // The newcomer opens the link signed out: sign-in, then "Create an account", then back to the invitation.
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(link);
  await expect(newcomer).toHaveURL(/\/login\?from=/);
  await newcomer.getByRole("link", { name: "Create an account" }).click();
  await newcomer.getByLabel("Name").fill("Nia Newcomer");
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByLabel("Password").fill(PASSWORD);
  await newcomer.getByRole("button", { name: "Create account" }).click();
  const answer = newcomer.getByTestId("invitation-answer");
  await expect(answer).toContainText("Casey Canvas invited you to join Org Hiring as admin.", { timeout: 20_000 });
  await expect(answer.getByRole("heading", { name: "You are invited" })).toBeVisible();

  // Keyboard only: Tab to Accept, Enter.
  const accept = answer.getByRole("button", { name: "Accept the invitation to Org Hiring" });
  await accept.focus();
  await newcomer.keyboard.press("Enter");
  await expect(newcomer).toHaveURL(/\/dashboard\?org=/);
  // As an admin they see every project of the organization.
  await expect(newcomer.getByTestId("project-card").filter({ hasText: "Hiring" })).toBeVisible();

  await owner.reload();
  await expect(owner.getByTestId("member-row").filter({ hasText: email })).toContainText("Nia Newcomer");
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);
});

test("a project invitation waits on the dashboard; declining joins nothing, and the wrong account is told so", async ({ browser }) => {
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  const guest = await (await browser.newContext()).newPage();
  const stranger = await (await browser.newContext()).newPage();
  const guestEmail = uniqueEmail("guest");
  await signUp(guest, "Gail Guest", guestEmail);
  await signUp(stranger, "Stan Stranger", uniqueEmail("stranger"));
  await openNewProject(owner, "Audit");
  await openProjectMenu(owner);
  await owner.getByTestId("project-settings-link").click();
  const link = await invite(owner, "Add member", guestEmail, "VIEWER");

  // Someone else with the link sees nothing of the project.
  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { name: "This invitation is for someone else" })).toBeVisible();
  await expect(stranger.getByTestId("invitation-answer")).not.toContainText("Audit");

  // The guest finds it on the dashboard and declines.
  await guest.goto("/dashboard");
  const card = guest.getByTestId("received-invitation");
  await expect(card).toContainText("Casey Canvas invited you to the project Audit in Org Audit as viewer.");
  await card.getByRole("button", { name: "Decline the invitation to Audit" }).click();
  await expect(card).toHaveCount(0);
  await expect(guest.getByRole("heading", { name: /Welcome to FlowMatrix/ })).toBeVisible();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "You declined this invitation" })).toBeVisible();

  await owner.reload();
  await expect(owner.getByTestId("member-row").filter({ hasText: guestEmail })).toHaveCount(0);
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);

  // Invited again, the guest accepts from the dashboard and lands on the project, read-only.
  await invite(owner, "Add member", guestEmail, "VIEWER");
  await guest.goto("/dashboard");
  await guest.getByRole("button", { name: "Accept the invitation to Audit" }).click();
  await expect(guest.getByTestId("matrix-canvas")).toBeVisible();
  await expect(guest.getByTestId("read-only-badge")).toBeVisible();
});

test("an owner withdraws an invitation, and its link then says so", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const invitee = await (await browser.newContext()).newPage();
  const email = uniqueEmail("withdrawn");
  await signUp(invitee, "Wes Withdrawn", email);
  await openNewProject(owner, "Withdrawals");
  await openOrgSettings(owner);
  const link = await invite(owner, "Invite someone", email, "MEMBER");
  await owner.getByRole("button", { name: `Withdraw the invitation for ${email}` }).click();
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
  await invitee.goto("/dashboard");
  await expect(invitee.getByTestId("received-invitation")).toHaveCount(0);
});
