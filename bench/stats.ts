// Percentiles and table printing for the benchmark.
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function printTable(rows: readonly (readonly string[])[]): string {
  const [header = [], ...body] = rows;
  const widths = header.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0)));
  const line = (row: readonly string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(" | ")} |`;
  const out = [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)];
  return out.join("\n");
}
