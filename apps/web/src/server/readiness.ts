// Readiness: can this process serve requests, i.e. reach its database within a short time?
import { pingDatabase, type Db } from "@taskboard/db";

export type TReadiness =
  | { status: "ready"; database: "ok" }
  | { status: "unavailable"; database: "unreachable"; message: string };

export async function checkReadiness(db: Db, timeoutMs = 3_000): Promise<TReadiness> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pingDatabase(db),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "ready", database: "ok" };
  } catch (error) {
    return {
      status: "unavailable",
      database: "unreachable",
      message: `The database cannot be reached: ${(error as Error).message}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
