// bench:live's first-paint phase (issue 14): how long a person waits for their board. A user with
// 30 tasks opens the Inbox in Chromium again and again (warm: the browser's cache holds the
// scripts, the server its compiled routes); each load is timed inside the page, from navigation
// start to the frame after the 30 cards are in the document, beside the server's first byte of
// the HTML (the bare baseline: what the board costs on top of answering at all).
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { cookiePairs, signUpOverHttp, trpcFetch } from "@taskboard/devtools";
import { ms, printTable, summarise } from "./stats.ts";

export interface FirstPaintOptions {
  base: string;
  /** The origin the browser loads (the one the product trusts and sets its cookies for). */
  origin: string;
  tasks: number;
  loads: number;
  warmLoads: number;
  note: (message: string) => void;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LOAD_TIMEOUT_MS = 20_000;

// Runs in the page before its HTML is parsed: notes when the cards are all there, then waits one
// frame (they are painted by then) and keeps the moment in window.__firstPaint, in ms since the
// navigation started. A string, so the bench needs no DOM types.
const watchCards = (count: number) => `
  (() => {
    const done = () => requestAnimationFrame(() => { window.__firstPaint = performance.now(); });
    const check = () => document.querySelectorAll("main [data-task-id]").length >= ${count};
    const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); done(); } });
    observer.observe(document, { childList: true, subtree: true });
  })();
`;

interface Load {
  visible: number;
  ttfb: number;
  htmlDone: number;
  taskListRequests: number;
}

export async function measureFirstPaint(options: FirstPaintOptions): Promise<string> {
  if (!fs.existsSync(CHROMIUM)) {
    return `skipped: chromium not installed (${CHROMIUM}); \`apt-get install -y chromium\`\n`;
  }
  const user = await signUpOverHttp({ base: options.base, origin: options.origin, name: "First paint bench", emailPrefix: "bench-first-paint" });
  for (let i = 0; i < options.tasks; i++) {
    const res = await trpcFetch({ base: options.base, origin: options.origin, cookie: user.cookie }, "task.create", { title: `First paint ${i}` });
    if (!res.ok) throw new Error(`task.create answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    const context = await browser.newContext();
    await context.addCookies(cookiePairs(user.cookie).map(([name, value]) => ({ name, value, url: options.origin })));
    await context.addInitScript({ content: watchCards(options.tasks) });
    const page = await context.newPage();
    let taskListRequests = 0;
    page.on("request", (request) => {
      if (request.url().includes("/api/trpc/") && request.url().includes("task.list")) taskListRequests++;
    });

    const loads: Load[] = [];
    for (let i = 0; i < options.warmLoads + options.loads; i++) {
      taskListRequests = 0;
      await page.goto(`${options.origin}/`, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
      await page.waitForFunction("window.__firstPaint !== undefined", undefined, { timeout: LOAD_TIMEOUT_MS });
      // Let a query started by hydration show up before the next load.
      await page.waitForTimeout(300);
      const timing = (await page.evaluate(`(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return { visible: window.__firstPaint, ttfb: nav.responseStart, htmlDone: nav.responseEnd };
      })()`)) as Omit<Load, "taskListRequests">;
      if (i >= options.warmLoads) loads.push({ ...timing, taskListRequests });
    }
    options.note(`first paint: ${loads.length} loads of ${options.tasks} tasks measured`);

    const line = (label: string, values: number[]) => {
      const s = summarise(values);
      return [label, String(s.n), ms(s.p50), ms(s.p95), ms(Math.max(...values))];
    };
    return [
      `### First paint: navigation → the Inbox's ${options.tasks} task titles visible (Chromium, ${options.loads} warm loads after ${options.warmLoads} unmeasured)`,
      "",
      printTable([
        ["measure (from navigation start)", "n", "p50", "p95", "max"],
        line(`${options.tasks} task titles visible (the frame after they are in the page)`, loads.map((l) => l.visible)),
        line("first byte of the HTML (TTFB, the bare baseline)", loads.map((l) => l.ttfb)),
        line("last byte of the HTML", loads.map((l) => l.htmlDone)),
      ]),
      `task.list requests made by the page after it loaded: ${loads.reduce((sum, l) => sum + l.taskListRequests, 0)} in ${loads.length} loads.`,
      "",
    ].join("\n");
  } finally {
    await browser?.close();
  }
}
