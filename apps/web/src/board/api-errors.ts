// Turns a tRPC client error into what the UI shows: a code, one message, and per-field messages.
// Field errors come from the server's flattened zod error; for nested inputs ({ patch: {...} })
// the issue paths in the message are used so "patch.title" lands next to the title field.

export type ApiErrorView = {
  code: string | null;
  message: string;
  fields: Record<string, string>;
};

type ErrorLike = {
  message?: unknown;
  data?: { code?: unknown; zodError?: { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | null } | null;
};

export function readApiError(error: unknown): ApiErrorView {
  const e = (error ?? {}) as ErrorLike;
  const code = typeof e.data?.code === "string" ? e.data.code : null;
  const rawMessage = typeof e.message === "string" ? e.message : "Something went wrong";
  const fields: Record<string, string> = {};

  for (const [key, messages] of Object.entries(e.data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[key.replace(/^patch\./, "")] = messages[0];
  }
  const issues = parseIssues(rawMessage);
  for (const issue of issues) {
    const path = issue.path.filter((p) => p !== "patch").join(".");
    if (path && !fields[path]) fields[path] = issue.message;
  }
  const message =
    issues.length > 0
      ? issues.map((i) => i.message).join(" ")
      : e.data?.zodError?.formErrors?.[0] ?? rawMessage;
  return { code, message, fields };
}

function parseIssues(message: string): { path: (string | number)[]; message: string }[] {
  if (!message.trimStart().startsWith("[")) return [];
  try {
    const parsed: unknown = JSON.parse(message);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((i): i is { path: (string | number)[]; message: string } => typeof i?.message === "string" && Array.isArray(i?.path))
      .map((i) => ({ path: i.path, message: i.message }));
  } catch {
    return [];
  }
}

export function isUnauthorized(error: unknown): boolean {
  return (error as ErrorLike | null)?.data?.code === "UNAUTHORIZED";
}
