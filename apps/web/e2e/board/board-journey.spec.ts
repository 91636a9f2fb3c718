// The main scenario, as one person would live it: sign up, capture three tasks in plain
// words, find them again, change one, complete and delete with undo, and find everything intact
// after a reload and after signing out and in again.
import { expect, test } from "@playwright/test";
import { newAccount, quickAdd, shot, signIn, signUp } from "../support/accounts";
import { card } from "../support/board";


test("sign up, quick add, filter, search, edit, complete/undo, delete/undo, reload, sign out and in", async ({ page }) => {
  const account = newAccount("journey");
  await test.step("sign up lands on an empty board", async () => {
    await signUp(page, account);
    await expect(page.getByRole("heading", { name: "You're all clear" })).toBeVisible();
    await shot(page, "empty-board");
  });

  await test.step("quick add three tasks, each previewed before saving", async () => {
    await quickAdd(page, "Pay rent every month on the 1st at 9am #home !high", ["Pay rent", /every month/i, "home", "High"]);
    await quickAdd(page, "call mum tomorrow 6pm #family", ["call mum", "Tomorrow", "family"]);
    await page.getByLabel("New task").fill("write report friday !urgent #work");
    await shot(page, "quick-add-preview");
    await quickAdd(page, "write report friday !urgent #work", ["write report", "Urgent", "work"]);
  });

  await test.step("cards are grouped by day and show their chips", async () => {
    const mum = page.getByRole("list", { name: "Tomorrow tasks" }).getByRole("listitem", { name: "call mum" });
    await expect(mum).toContainText("18:00");
    await expect(mum).toContainText("family");

    const rent = card(page, "Pay rent");
    await expect(rent).toContainText(/monthly on the 1st|every month/i);
    await expect(rent).toContainText("High");
    await expect(rent).toContainText("home");
    await expect(rent).toContainText("09:00");

    const report = card(page, "write report");
    await expect(report).toContainText("Urgent");
    await expect(report).toContainText("work");
    await expect(report).toContainText(/Fri|Today|Tomorrow/);
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(3);
    await shot(page, "board-three-tasks");
  });

  await test.step("filter by tag, kept in the URL", async () => {
    await page.getByRole("button", { name: "Tags", exact: true }).click();
    await page.getByRole("checkbox", { name: /work/ }).check();
    await expect(page).toHaveURL(/tag=/);
    await expect(card(page, "write report")).toBeVisible();
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(3);
  });

  await test.step("search narrows the list (debounced)", async () => {
    await page.getByLabel("Search tasks").fill("mum");
    await expect(page).toHaveURL(/q=mum/);
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
    await expect(card(page, "call mum")).toBeVisible();
    await page.getByLabel("Search tasks").fill("");
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(3);
  });

  await test.step("edit title and priority in the editor", async () => {
    await page.getByRole("button", { name: "Edit “write report”" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit task" });
    await expect(dialog).toBeVisible();
    await shot(page, "editor");
    await dialog.getByLabel("Title").fill("write quarterly report");
    await dialog.getByLabel("Priority").selectOption("MEDIUM");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    const edited = card(page, "write quarterly report");
    await expect(edited).toContainText("Medium");
    await expect(edited).not.toContainText("Urgent");
  });

  await test.step("complete, then undo from the toast", async () => {
    await page.getByRole("checkbox", { name: "Complete “call mum”" }).click();
    await expect(card(page, "call mum")).toHaveCount(0);
    const toast = page.getByText("Completed “call mum”");
    await expect(toast).toBeVisible();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(card(page, "call mum")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Complete “call mum”" })).not.toBeChecked();
  });

  await test.step("delete, then undo from the toast", async () => {
    await page.getByRole("button", { name: "Delete “Pay rent”" }).click();
    await expect(card(page, "Pay rent")).toHaveCount(0);
    await expect(page.getByText("Deleted “Pay rent”")).toBeVisible();
    await page.getByRole("button", { name: "Undo" }).last().click();
    await expect(card(page, "Pay rent")).toBeVisible();
  });

  await test.step("tags panel lists the tags with their counts", async () => {
    await page.getByRole("button", { name: "Manage tags" }).click();
    const dialog = page.getByRole("dialog", { name: "Tags" });
    const tags = dialog.getByRole("list", { name: "Your tags" });
    await expect(tags.getByRole("listitem")).toHaveCount(3);
    await expect(tags.getByRole("listitem").filter({ has: page.getByLabel("Name of tag home") })).toContainText("1 open");
    await shot(page, "tags-panel");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  await test.step("usable at phone width", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByLabel("New task")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Complete “call mum”" })).toBeVisible();
    await shot(page, "phone");
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  const expectSameBoard = async () => {
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(3);
    await expect(card(page, "Pay rent")).toContainText("High");
    await expect(card(page, "call mum")).toContainText("family");
    await expect(card(page, "write quarterly report")).toContainText("Medium");
  };

  await test.step("a reload shows the same state", async () => {
    await page.reload();
    await expectSameBoard();
  });

  await test.step("sign out and in again", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, account);
    await expectSameBoard();
  });
});
