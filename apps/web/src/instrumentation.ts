// Runs once when the server boots: validating the configuration here makes a bad value stop
// `next start` at once with a message naming the variable, instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("./env");
  } catch {
    // env.ts has already printed which variables are wrong.
    process.exit(1);
  }
}
