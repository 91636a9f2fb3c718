// The workers' consumers seen from the browser, against the real product (`npm start`: web,
// workers, embedded bus): completing a daily task brings the next one, a reminder a few seconds
// ahead lands in the notification tray, and the history tells every step with before → after, live
// in an audit page open in another tab.
import { expect, test, type Page } from "@playwright/test";
import { newAccount, quickAdd, shot, signUp } from "../support/accounts";
import { card, expectLive } from "../support/board";


/** Calls a tRPC mutation over HTTP with the page's session cookie. */
async function mutate(page: Page, path: string, input: unknown): Promise<unknown> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: input });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}

test("recurrence, reminders and history, through the workers", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount("consumers"));

  await test.step("completing a daily task creates its next occurrence", async () => {
    await quickAdd(page, "Stand-up every day at 9am !medium", ["Stand-up"]);
    const first = card(page, "Stand-up");
    await expect(first).toHaveCount(1);
    const firstText = await first.innerText();
    await page.getByRole("checkbox", { name: "Complete “Stand-up”" }).click();
    // The next occurrence arrives through live sync; a reload is the fallback if the push is slow.
    await expect(async () => {
      await page.reload();
      await expect(card(page, "Stand-up")).toHaveCount(1, { timeout: 2_000 });
      expect(await card(page, "Stand-up").innerText()).not.toBe(firstText);
    }).toPass({ timeout: 30_000 });
    await shot(page, "next-occurrence");
  });

  await test.step("editing the priority is recorded", async () => {
    await page.getByRole("button", { name: "Edit “Stand-up”" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit task" });
    await dialog.getByLabel("Priority").selectOption("HIGH");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("a reminder a few seconds ahead shows up in the notification tray", async () => {
    await mutate(page, "task.create", { title: "Take the bread out", remindAt: new Date(Date.now() + 4_000).toISOString() });
    await expect(page.getByTestId("notification-count")).toHaveText("1", { timeout: 30_000 });
    await page.getByRole("button", { name: /Notifications, 1 unread/ }).click();
    const tray = page.getByRole("dialog", { name: "Notifications" });
    await expect(tray.getByRole("button", { name: /Take the bread out/ })).toBeVisible();
    await shot(page, "notification-tray");
    await tray.getByRole("button", { name: "Mark all read" }).click();
    await expect(page.getByTestId("notification-count")).toHaveCount(0);
  });

  await test.step("an audit page open in another tab shows a new change without a reload", async () => {
    const auditTab = await page.context().newPage();
    await auditTab.goto("/audit");
    await expectLive(auditTab);
    let navigations = 0;
    auditTab.on("framenavigated", () => navigations++);
    const watered = auditTab.getByTestId("audit-entry").filter({ hasText: "Water the plants" });
    await expect(watered).toHaveCount(0);
    await quickAdd(page, "Water the plants", ["Water the plants"]);
    await expect(watered).toHaveCount(1, { timeout: 15_000 });
    await expect(watered).toContainText("Created");
    expect(navigations).toBe(0);
    await auditTab.close();
  });

  await test.step("the history shows each step with before → after", async () => {
    await page.goto("/audit");
    const entries = page.getByTestId("audit-entry");
    await expect(entries.filter({ hasText: "Priority: medium → high" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "Completed · Stand-up" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "Created by Repeat" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "Created by Repeat from the previous task" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "Reminder sent" })).toHaveCount(1);
    await shot(page, "audit-page");

    await page.getByRole("checkbox", { name: "Completed", exact: true }).check();
    await expect(page).toHaveURL(/type=task.completed/);
    await expect(entries).toHaveCount(1);
    await entries.getByRole("link", { name: "Stand-up" }).click();
    await expect(page.getByRole("dialog", { name: "Edit task" })).toBeVisible();
  });
});
