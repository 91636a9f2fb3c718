// Prometheus text exposition (the workers' registry, daprd's /metrics) read into figures: a
// histogram's buckets summed over the series that match, the difference of two scrapes, and
// percentiles estimated as histogram_quantile() does (linear inside the bucket the rank falls in).
import type { LatencySummary } from "./stats.ts";

export type Labels = Record<string, string>;

export interface HistogramSnapshot {
  /** Cumulative counts by upper bound, ascending, +Inf last. */
  buckets: { le: number; count: number }[];
  count: number;
  sum: number;
}

interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match?.[1] || match[3] === undefined) continue;
    const labels: Labels = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      if (key !== undefined && value !== undefined) labels[key] = value;
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of a counter's (or gauge's) series whose labels pass `match`. */
export function readCounter(text: string, name: string, match: (labels: Labels) => boolean = () => true): number {
  return parse(text)
    .filter((s) => s.name === name && match(s.labels))
    .reduce((total, s) => total + s.value, 0);
}

/** A histogram's series whose labels pass `match`, added together. */
export function readHistogram(text: string, name: string, match: (labels: Labels) => boolean = () => true): HistogramSnapshot {
  const byLe = new Map<number, number>();
  let count = 0;
  let sum = 0;
  for (const sample of parse(text)) {
    if (!match(sample.labels)) continue;
    if (sample.name === `${name}_bucket`) {
      const le = sample.labels.le === "+Inf" ? Number.POSITIVE_INFINITY : Number(sample.labels.le);
      byLe.set(le, (byLe.get(le) ?? 0) + sample.value);
    } else if (sample.name === `${name}_count`) count += sample.value;
    else if (sample.name === `${name}_sum`) sum += sample.value;
  }
  const buckets = [...byLe.entries()].sort(([a], [b]) => a - b).map(([le, c]) => ({ le, count: c }));
  return { buckets, count, sum };
}

/** What happened between two scrapes of the same histogram. */
export function histogramDelta(after: HistogramSnapshot, before: HistogramSnapshot): HistogramSnapshot {
  const earlier = new Map(before.buckets.map((b) => [b.le, b.count]));
  return {
    buckets: after.buckets.map((b) => ({ le: b.le, count: b.count - (earlier.get(b.le) ?? 0) })),
    count: after.count - before.count,
    sum: after.sum - before.sum,
  };
}

/** The q-quantile (0..1), as Prometheus estimates it; NaN without observations. */
export function histogramQuantile(histogram: HistogramSnapshot, q: number): number {
  const total = histogram.buckets.at(-1)?.count ?? 0;
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const { le, count } of histogram.buckets) {
    if (count >= rank) {
      // Past the last finite bound nothing is known but that bound.
      if (le === Number.POSITIVE_INFINITY) return lower;
      return lower + (le - lower) * ((rank - below) / Math.max(count - below, 1e-9));
    }
    lower = le;
    below = count;
  }
  return lower;
}

/** p50 / p95 / p99 in milliseconds; `unitMs` is one unit of the histogram in ms (1000 for seconds). */
export function histogramSummary(histogram: HistogramSnapshot, unitMs: number): LatencySummary {
  const at = (q: number) => histogramQuantile(histogram, q) * unitMs;
  return { n: histogram.count, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
