// "!urgent", "!high", "!medium"/"!med", "!low", "!1".."!4" and "p1".."p4" (1 = most urgent, as
// in Todoist). When several are typed, the last one wins, like a correction.
import { MaskedText } from "./masked-text.ts";
import type { TQuickAddPriority } from "./quick-add-result.schema.ts";

const BY_WORD: Record<string, TQuickAddPriority> = {
  urgent: "URGENT", high: "HIGH", medium: "MEDIUM", med: "MEDIUM", low: "LOW", none: "NONE",
  "1": "URGENT", "2": "HIGH", "3": "MEDIUM", "4": "LOW",
};

export function scanPriority(input: MaskedText): TQuickAddPriority {
  let priority: TQuickAddPriority = "NONE";
  const pattern = /(?<!\S)(?:!(urgent|high|medium|med|low|none|[1-4])|p([1-4]))(?!\S)/giu;
  for (const match of input.current.matchAll(pattern)) {
    const key = (match[1] ?? match[2] ?? "").toLowerCase();
    const value = BY_WORD[key];
    if (!value) continue;
    priority = value;
    input.consume("priority", { start: match.index, end: match.index + match[0].length });
  }
  return priority;
}
