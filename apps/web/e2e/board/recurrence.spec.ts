// A custom repeat rule built in the editor: every 2 weeks on Mon and Thu, read back in words on
// the card, and completing the task brings the next one on the Thursday of the same week. And
// Undo of a completion takes back the next occurrence it brought.
import { expect, test } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";
import { card } from "../support/board";

test.use({ timezoneId: "UTC" });

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The card's date for a day more than a week ahead: "Thu 4 Dec", or "4 Dec 2027" in another year. */
const cardDay = (d: Date, today: Date) =>
  d.getUTCFullYear() === today.getUTCFullYear()
    ? `${["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`
    : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

test("every 2 weeks on Mon and Thu: described in words, next occurrence on completion", async ({ page }) => {
  test.setTimeout(120_000);
  const today = new Date();
  // The Monday 8 to 14 days ahead, and the Thursday after it.
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 8));
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7));
  const thursday = new Date(monday);
  thursday.setUTCDate(monday.getUTCDate() + 3);

  await signUp(page, newAccount("repeat"));
  await quickAdd(page, "Team sync");

  await test.step("build the rule in the editor and read it back in words", async () => {
    await page.getByRole("button", { name: "Edit “Team sync”" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit task" });
    await dialog.getByLabel("Has a due date").check();
    await dialog.getByLabel("All day").uncheck();
    await dialog.getByLabel("Date", { exact: true }).fill(isoDay(monday));
    await dialog.getByLabel("Time", { exact: true }).fill("10:00");

    await dialog.getByRole("combobox", { name: "Repeat", exact: true }).selectOption("custom");
    await dialog.getByLabel("Every", { exact: true }).fill("2");
    await dialog.getByLabel("Unit").selectOption("WEEKLY");
    const days = dialog.getByRole("group", { name: "On days" });
    for (const day of ["Mon", "Thu"]) {
      await days.getByRole("button", { name: day }).click();
      await expect(days.getByRole("button", { name: day })).toHaveAttribute("aria-pressed", "true");
    }
    await expect(dialog.getByRole("group", { name: "Repeat" }).getByText("Every 2 weeks on Mon, Thu")).toBeVisible();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    const sync = card(page, "Team sync");
    await expect(sync).toContainText("Every 2 weeks on Mon, Thu");
    await expect(sync).toContainText(`${cardDay(monday, today)} 10:00`);
  });

  await test.step("completing it brings the next one, on the Thursday, with the same rule", async () => {
    await page.getByRole("checkbox", { name: "Complete “Team sync”" }).click();
    // The next task is created by a worker and arrives by live update.
    const next = card(page, "Team sync");
    await expect(next).toContainText(`${cardDay(thursday, today)} 10:00`, { timeout: 30_000 });
    await expect(next).toContainText("Every 2 weeks on Mon, Thu");
    await expect(page.getByRole("checkbox", { name: "Complete “Team sync”" })).not.toBeChecked();

    await page.reload();
    await expect(card(page, "Team sync")).toHaveCount(1);
    await expect(card(page, "Team sync")).toContainText(`${cardDay(thursday, today)} 10:00`);
    await page.getByRole("button", { name: "Edit “Team sync”" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit task" });
    await expect(dialog.getByLabel("Date", { exact: true })).toHaveValue(isoDay(thursday));
    await expect(dialog.getByRole("group", { name: "Repeat" }).getByText("Every 2 weeks on Mon, Thu")).toBeVisible();
  });
});

test("undo of a completed repeating task leaves one standup, and the history says why", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount("undo-repeat"));
  await quickAdd(page, "standup every weekday 9:30", ["standup"]);
  const standup = card(page, "standup");
  await expect(standup).toHaveCount(1);
  const firstText = await standup.innerText();

  await page.getByRole("checkbox", { name: "Complete “standup”" }).click();
  const toast = page.getByText("Completed “standup”");
  await expect(toast).toBeVisible();
  // Hovering holds the toast open while the worker's next occurrence arrives by live update.
  await toast.hover();
  await expect(standup).toHaveCount(1, { timeout: 30_000 });
  await expect(standup).not.toHaveText(firstText, { timeout: 30_000 });
  await page.getByRole("button", { name: "Undo" }).click();

  // One standup, the reopened one: the next occurrence is withdrawn (live, or on the next look).
  await expect(async () => {
    await page.reload();
    await expect(card(page, "standup")).toHaveCount(1, { timeout: 2_000 });
    expect(await card(page, "standup").innerText()).toBe(firstText);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("checkbox", { name: "Complete “standup”" })).not.toBeChecked();

  await page.goto("/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "Withdrawn by Repeat: the task before it was reopened" })).toHaveCount(1);
});
