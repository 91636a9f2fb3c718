// Issue 14: a board's tasks are part of the server-rendered HTML. With JavaScript off the titles
// are there (Inbox, a project, Today); with it on, the hydrated page shows them without asking
// task.list again and without a hydration mismatch. The browser runs in Auckland, so Today's
// bounds only match when the server takes the zone (and the day) from the browser's `tz` cookie.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";
import { call } from "../support/trpc";
import { expectLive } from "../support/board";

const ZONE = "Pacific/Auckland";
const INBOX = ["Sand the porch door", "Buy exterior primer"];
const TODAY = "Water the lemon tree";
const PROJECT = ["Prune the roses", "Mulch the beds"];

test.use({ timezoneId: ZONE });

const card = (page: Page, title: string) => page.getByRole("main").getByRole("listitem", { name: title });

async function expectTitles(page: Page, titles: string[]) {
  for (const title of titles) await expect(card(page, title)).toBeVisible();
}

/**
 * Loads `path` and lets the hydrated page settle (live updates connected, a moment more for any
 * query a mounted component would start): the task.list requests it made, and hydration errors.
 */
async function loadAndWatch(page: Page, path: string, titles: string[]) {
  const taskLists: string[] = [];
  const hydrationErrors: string[] = [];
  const onRequest = (request: { url(): string }) => {
    const url = request.url();
    if (url.includes("/api/trpc/") && url.includes("task.list")) taskLists.push(url);
  };
  const onConsole = (message: { type(): string; text(): string }) => {
    // Production React reports a mismatch as a minified recoverable error (#418, #423, #425).
    if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text())) hydrationErrors.push(message.text());
  };
  page.on("request", onRequest);
  page.on("console", onConsole);
  try {
    await page.goto(path);
    await expectTitles(page, titles);
    await expectLive(page);
    await page.waitForTimeout(750);
  } finally {
    page.off("request", onRequest);
    page.off("console", onConsole);
  }
  return { taskLists, hydrationErrors };
}

test("the board's tasks are in the first paint: HTML without JavaScript, no task.list after load", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount("first-paint"));
  for (const title of INBOX) await quickAdd(page, title);
  await quickAdd(page, `${TODAY} today`);
  const project = await call<{ id: string }>(page, "project.create", { name: "Garden" });
  for (const title of PROJECT) await call(page, "task.create", { title, projectId: project.id });

  const pages = [
    { path: "/", titles: [...INBOX, TODAY] },
    { path: `/projects/${project.id}`, titles: PROJECT },
    { path: "/today", titles: [TODAY] },
  ];

  await test.step("without JavaScript, the server's HTML has the titles", async () => {
    let noScript: BrowserContext | undefined;
    try {
      noScript = await browser.newContext({ javaScriptEnabled: false, timezoneId: ZONE, storageState: await page.context().storageState() });
      const html = await noScript.newPage();
      for (const { path, titles } of pages) {
        await html.goto(path);
        await expectTitles(html, titles);
      }
    } finally {
      await noScript?.close();
    }
  });

  await test.step("with JavaScript, the hydrated board does not ask for its tasks again", async () => {
    for (const { path, titles } of pages) {
      const { taskLists, hydrationErrors } = await loadAndWatch(page, path, titles);
      expect(taskLists, `task.list requests after loading ${path}`).toEqual([]);
      expect(hydrationErrors, `hydration errors on ${path}`).toEqual([]);
    }
  });
});
