// A name-based, version-5-style UUID: the same name always gives the same id. Used where a
// notification must exist once per event however often the event is delivered (notifications'
// event_id is unique) and where two firings of one job must write one event.
import { createHash } from "node:crypto";

export function nameBasedId(name: string): string {
  const bytes = createHash("sha1").update(name).digest().subarray(0, 16);
  // RFC 9562 version (5) and variant (10xx) bits, so it is a valid UUID wherever one is checked.
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
