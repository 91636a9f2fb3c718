// The administration page end to end: the instance administrator (ADMIN_EMAILS) sees every user,
// the whole instance's history (another person's new task among it, filterable by person) and the
// record of their own reads; anyone else is told "Administrators only", page and API alike.
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_EMAIL } from "../support/admin";
import { newAccount, quickAdd, signUp } from "../support/accounts";

/** The instance history is read once per load (each read is recorded): reload until the entry is there. */
async function reloadUntilVisible(page: Page, text: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("audit-entry").filter({ hasText: text }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test("an administrator reads the users, the instance history and their own reads; anyone else is refused", async ({ browser }) => {
  const ana = newAccount("ana");
  const anaContext = await browser.newContext();
  const anaPage = await anaContext.newPage();
  await signUp(anaPage, ana);
  await quickAdd(anaPage, "Water the plants");

  const admin = { ...newAccount("admin"), email: E2E_ADMIN_EMAIL };
  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signUp(page, admin);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();

  const users = page.getByRole("region", { name: "Users" });
  await expect(users.getByRole("row").filter({ hasText: ana.email })).toContainText(ana.name);
  await expect(users.getByRole("row").filter({ hasText: E2E_ADMIN_EMAIL })).toBeVisible();

  // Ana's task reaches the history through the audit consumer; it names her as the one who acted.
  await reloadUntilVisible(page, "Water the plants");
  const entry = page.getByTestId("audit-entry").filter({ hasText: "Water the plants" }).first();
  await expect(entry).toHaveAttribute("data-actor", ana.name);
  await expect(entry).toContainText(`Created by ${ana.name}`);

  // By person: only Ana's changes; the filter is in the URL.
  await page.getByLabel("Person").selectOption({ label: `${ana.name} (${ana.email})` });
  await expect(page).toHaveURL(/person=/);
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  for (const actor of await page.getByTestId("audit-entry").evaluateAll((items) => items.map((item) => item.getAttribute("data-actor")))) {
    expect(actor).toBe(ana.name);
  }

  // The reads just made are on record, with their filters.
  await page.getByRole("button", { name: "Refresh" }).click();
  const reads = page.getByTestId("admin-read");
  await expect(reads.filter({ hasText: "admin.users" }).first()).toContainText(E2E_ADMIN_EMAIL);
  await expect(reads.filter({ hasText: "admin.history" }).filter({ hasText: "userId" }).first()).toBeVisible();

  // Ana is no administrator: the page says so and the API refuses, with nothing of the data.
  await anaPage.goto("/admin");
  await expect(anaPage.getByRole("heading", { name: "Administrators only" })).toBeVisible();
  await expect(anaPage.getByRole("region", { name: "Users" })).toHaveCount(0);
  const refused = await anaPage.request.get("/api/trpc/admin.users");
  expect(refused.status()).toBe(403);
  const body = await refused.text();
  expect(body).toContain("Administrators only");
  expect(body).not.toContain(E2E_ADMIN_EMAIL);

  await anaContext.close();
  await adminContext.close();
});
