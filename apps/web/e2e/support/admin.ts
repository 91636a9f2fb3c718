// The e2e product runs with this address in ADMIN_EMAILS (playwright.config.ts): whoever signs up
// with it is an instance administrator. Only admin specs use it; every other account is fresh.
export const E2E_ADMIN_EMAIL = "e2e-admin@example.test";
