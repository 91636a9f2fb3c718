// What the Dapr benchmark and the swap drill read from a running daprd, from outside: its
// Prometheus metrics and its subscriptions (the metadata API). Its memory: processes.ts.

export async function scrapeMetrics(metricsPort: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`daprd metrics answered ${response.status}`);
  return response.text();
}

/** The topics daprd has subscribed for the app (GET /v1.0/metadata); empty while it has none. */
export async function subscribedTopics(httpPort: number): Promise<string[]> {
  try {
    const response = await fetch(`http://127.0.0.1:${httpPort}/v1.0/metadata`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return [];
    const metadata = (await response.json()) as { subscriptions?: { topic: string }[] };
    return (metadata.subscriptions ?? []).map((s) => s.topic);
  } catch {
    return [];
  }
}

/** Waits until daprd has taken the app's subscription to every topic in `topics`. */
export async function waitSubscribed(httpPort: number, topics: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const subscribed = await subscribedTopics(httpPort);
    if (topics.every((t) => subscribed.includes(t))) return;
    if (Date.now() > deadline) throw new Error(`daprd on ${httpPort} has not subscribed to ${topics.join(", ")} after ${timeoutMs / 1000} s (has: ${subscribed.join(", ") || "none"})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
