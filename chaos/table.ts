// The table `npm run chaos` prints (and docs/reliability.md keeps): one row per scenario.
import { duplicated, lost, outOfOrder } from "./books.ts";
import type { ScenarioResult } from "./scenarios.ts";

export function formatTable(results: ScenarioResult[]): string {
  const header = ["scenario", "events", "lost", "duplicated", "out of order", "dead-lettered", "recovery", "reminders due", "failed requests", "notes"];
  const rows = [
    header,
    ...results.map((r) => [
      r.title,
      String(r.books.events),
      String(lost(r.books)),
      String(duplicated(r.books)),
      String(outOfOrder(r.books)),
      `${r.books.deadLettered} (poison ${r.books.deadLettered - r.books.deadLetteredUnexpected})`,
      `${(r.recoveryMs / 1000).toFixed(1)} s`,
      String(r.books.remindersDue),
      String(r.httpErrors),
      r.notes,
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  const lines = rows.map((row) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`);
  lines.splice(1, 0, `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  return lines.join("\n");
}
