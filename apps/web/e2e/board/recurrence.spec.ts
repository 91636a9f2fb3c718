// A custom repeat rule built in the editor: every 2 weeks on Mon and Thu, read back in words on
// the card, and completing the task brings the next one on the Thursday of the same week.
import { expect, test, type Page } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";

test.use({ timezoneId: "UTC" });

const card = (page: Page, name: string | RegExp) => page.getByRole("listitem", { name });
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
