// The slice of pino the Dapr transport logs through, so the caller passes the workers' logger and
// tests can pass a silent one.
import pino from "pino";

export interface BusLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function defaultBusLogger(): BusLogger {
  return pino({ name: "dapr-bus", level: "info" });
}
