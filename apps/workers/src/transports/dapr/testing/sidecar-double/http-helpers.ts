// Small HTTP helpers shared by the sidecar double's API handlers.
import http from "node:http";

export async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  return tooLarge ? "too-large" : Buffer.concat(chunks);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** daprd's error shape: `{ "errorCode": "ERR_...", "message": "..." }`. */
export function sendDaprError(res: http.ServerResponse, status: number, errorCode: string, message: string) {
  sendJson(res, status, { errorCode, message });
}

export function sendEmpty(res: http.ServerResponse, status: number) {
  res.writeHead(status);
  res.end();
}

/** The router's answer for an unknown path: plain text, no Dapr error JSON (Go's http.NotFound). */
export function sendRouterNotFound(res: http.ServerResponse) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("404 page not found\n");
}

export interface AppResponse {
  status: number;
  body: string;
  /** Nothing listens on the app port (the app is restarting). */
  refused?: boolean;
}

/** POSTs to the app like daprd's app channel; network failures come back as status 0. */
export async function postToApp(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<AppResponse> {
  try {
    const response = await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    return {
      status: 0,
      body: error instanceof Error ? error.message : String(error),
      refused: cause?.code === "ECONNREFUSED",
    };
  }
}
