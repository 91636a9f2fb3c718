// IANA time-zone check through the runtime's own Intl data, so what we accept is what the
// recurrence and reminder code can compute with.
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === "" || zone !== zone.trim()) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
