// "#home", "#q3-plan", "#çà_1": a tag starts after a space (so "C#" stays in the title).
import { MaskedText } from "./masked-text.ts";

export const TAG_LIMITS = { length: 50, count: 20 } as const;

export function scanTags(input: MaskedText): string[] {
  const names = new Map<string, string>();
  for (const match of input.current.matchAll(/(?<!\S)#([\p{L}\p{N}_-]+)(?!\S)/gu)) {
    const name = match[1] ?? "";
    if (name.length > TAG_LIMITS.length) continue;
    if (!names.has(name.toLowerCase()) && names.size >= TAG_LIMITS.count) continue;
    input.consume("tag", { start: match.index, end: match.index + match[0].length });
    // Tags are per user and matched case-insensitively; the first spelling wins.
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}
