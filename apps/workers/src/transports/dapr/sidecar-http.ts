// Plain HTTP calls to daprd for the APIs the SDK 3.18 does not cover (Jobs) or covers with a
// 30-second hidden wait (sidecar readiness). Every call carries the API token when configured.
import type { TDaprConfig } from "./config.ts";
import { SidecarUnavailableError } from "./errors.ts";

export interface SidecarResponse {
  status: number;
  body: string;
}

export function sidecarBaseUrl(config: TDaprConfig): string {
  const host = config.DAPR_HOST.includes(":") ? `[${config.DAPR_HOST}]` : config.DAPR_HOST;
  return `http://${host}:${config.DAPR_HTTP_PORT}`;
}

export async function callSidecar(
  config: TDaprConfig,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<SidecarResponse> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (config.DAPR_API_TOKEN) headers["dapr-api-token"] = config.DAPR_API_TOKEN;
  const response = await fetch(`${sidecarBaseUrl(config)}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.text() };
}

/** daprd's error body is `{ errorCode, message }`; fall back to the raw text. */
export function describeSidecarError(response: SidecarResponse): string {
  try {
    const parsed = JSON.parse(response.body) as { errorCode?: string; message?: string };
    if (parsed.errorCode || parsed.message) {
      return `HTTP ${response.status} ${parsed.errorCode ?? ""}: ${parsed.message ?? ""}`.trim();
    }
  } catch {
    // not JSON
  }
  return `HTTP ${response.status}${response.body ? `: ${response.body.slice(0, 300)}` : ""}`;
}

/**
 * Waits for GET /v1.0/healthz/outbound (components ready; does not wait for this app), the probe
 * Dapr documents for apps that call the sidecar at start-up. It gives up only once the whole wait
 * has passed, so "not ready after N ms" is true: the last pause is cut to the time left instead
 * of ending the wait early, and a timer that fires a millisecond early only earns one more try.
 */
export async function waitForSidecar(config: TDaprConfig, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  let delay = 50;
  for (;;) {
    try {
      // At least 250 ms per probe: a last probe cut to a millisecond would only report its own
      // timeout and hide daprd's real answer.
      const probeMs = Math.min(2_000, Math.max(250, deadline - Date.now()));
      const response = await callSidecar(config, "GET", "/v1.0/healthz/outbound", undefined, probeMs);
      if (response.status >= 200 && response.status < 300) return;
      lastProblem = describeSidecarError(response);
    } catch (error) {
      lastProblem = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new SidecarUnavailableError(
        `Dapr sidecar at ${sidecarBaseUrl(config)} not ready after ${timeoutMs} ms ` +
          `(GET /v1.0/healthz/outbound: ${lastProblem}). Is the pod annotated with dapr.io/enabled ` +
          `and DAPR_HTTP_PORT right?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    delay = Math.min(delay * 2, 1_000);
  }
}
