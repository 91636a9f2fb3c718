// Validating the configuration at boot makes a bad value stop `next start` at once with a message
// naming the variable, instead of failing the first request.
try {
  await import("./env");
} catch {
  // env.ts has already printed which variables are wrong.
  process.exit(1);
}

export {};
