// Everything that crosses the socket between the workers' Socket.IO server and the browser,
// browser-safe (zod only). The token's signing and checking is Node-only: "@taskboard/realtime/token".
export * from "./change-message.ts";
export * from "./client-messages.ts";
export * from "./rooms.ts";
export * from "./socket-events.ts";
