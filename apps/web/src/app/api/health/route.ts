// Liveness of the web app (the database is checked by /api/ready).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
