// Runs once when the server boots. The Node-only part lives in its own module so that the Edge
// bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}
