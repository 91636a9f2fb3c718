// A comma-separated configuration value as its entries: trimmed, blanks dropped ("a, b,," → [a, b]).
export function commaList(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
