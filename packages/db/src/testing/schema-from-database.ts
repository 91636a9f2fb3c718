// What the migrated database actually looks like, read from the PostgreSQL catalogs.
import pg from "pg";
import type { DatabaseShape, ReferentialAction, TableShape } from "./schema-structure.ts";

/** Tables that are not part of the data model: migration bookkeeping. */
export const BOOKKEEPING_TABLES = new Set(["schema_migrations"]);
/** Schemas owned by job libraries (they migrate themselves) or by PostgreSQL. */
export const FOREIGN_SCHEMAS = new Set(["graphile_worker", "pgboss", "pg_catalog", "information_schema", "pg_toast"]);

const ACTIONS: Record<string, ReferentialAction> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

function normaliseType(formatted: string, isEnum: boolean, typeName: string): string {
  if (isEnum) return `enum:${typeName}`;
  return formatted
    .replace(/^character varying/, "varchar")
    .replace(/^character\b/, "char")
    .replace(/^timestamp(\(\d+\))? with time zone$/, "timestamptz$1")
    .replace(/^timestamp(\(\d+\))? without time zone$/, "timestamp$1");
}

export async function readDatabaseStructure(databaseUrl: string): Promise<{ structure: DatabaseShape; otherSchemaTables: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = new Map<string, TableShape>();
    const tableRows = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    for (const { name } of tableRows.rows) {
      if (!BOOKKEEPING_TABLES.has(name)) tables.set(name, { columns: new Map(), indexes: new Map(), foreignKeys: new Map() });
    }

    const columns = await client.query<{ table: string; column: string; formatted: string; type_name: string; is_enum: boolean; not_null: boolean; has_default: boolean }>(
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS formatted,
              t.typname AS type_name, t.typtype = 'e' AS is_enum, a.attnotnull AS not_null, a.atthasdef AS has_default
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    for (const row of columns.rows) {
      tables.get(row.table)?.columns.set(row.column, {
        type: normaliseType(row.formatted, row.is_enum, row.type_name),
        nullable: !row.not_null,
        hasDefault: row.has_default,
      });
    }

    const indexes = await client.query<{ table: string; name: string; columns: string[]; unique: boolean; primary: boolean }>(
      `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
              ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       -- Partial unique indexes (one Inbox per person, one owner per project) are rules Prisma's
       -- schema cannot express; the migrations own them and their tests prove them.
       WHERE n.nspname = 'public' AND x.indpred IS NULL`,
    );
    for (const row of indexes.rows) {
      tables.get(row.table)?.indexes.set(row.name, { name: row.name, columns: row.columns, unique: row.unique, primary: row.primary });
    }

    const keys = await client.query<{ table: string; name: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string; on_update: string }>(
      `SELECT t.relname AS table, k.conname AS name, r.relname AS ref_table,
              k.confdeltype AS on_delete, k.confupdtype AS on_update,
              ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS c(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = c.attnum ORDER BY c.ord)::text[] AS columns,
              ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS c(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = c.attnum ORDER BY c.ord)::text[] AS ref_columns
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND k.contype = 'f'`,
    );
    for (const row of keys.rows) {
      tables.get(row.table)?.foreignKeys.set(row.name, {
        name: row.name,
        columns: row.columns,
        referencedTable: row.ref_table,
        referencedColumns: row.ref_columns,
        onDelete: ACTIONS[row.on_delete] ?? "NoAction",
        onUpdate: ACTIONS[row.on_update] ?? "NoAction",
      });
    }

    const enumRows = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const enums = new Map(enumRows.rows.map((row) => [row.name, row.values]));

    const others = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'public' AND n.nspname NOT LIKE 'pg_%'
         AND NOT (n.nspname = ANY($1::text[]))`,
      [[...FOREIGN_SCHEMAS]],
    );
    return { structure: { tables, enums }, otherSchemaTables: others.rows.map((r) => r.name) };
  } finally {
    await client.end();
  }
}
