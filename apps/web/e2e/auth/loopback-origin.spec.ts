// The README says http://localhost:<port>, but people type http://127.0.0.1:<port>: the same
// server, so signing up, adding a task and staying signed in must work there too (the product runs
// with APP_URL=http://localhost:<port>, as `npm start` sets it).
import { expect, test } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";

test("signs up, adds a task and stays signed in at http://127.0.0.1:<port>", async ({ browser, baseURL }) => {
  const loopback = new URL(baseURL ?? "http://localhost:3100");
  loopback.hostname = "127.0.0.1";
  const context = await browser.newContext({ baseURL: loopback.origin });
  try {
    const page = await context.newPage();
    await signUp(page, newAccount("loopback"));
    await quickAdd(page, "Typed the address by hand");

    // The session cookie was set for 127.0.0.1 and comes back: a reload is still the board.
    await page.reload();
    await expect(page).toHaveURL(`${loopback.origin}/`);
    await expect(page.getByText("Typed the address by hand")).toBeVisible();
  } finally {
    await context.close();
  }
});
