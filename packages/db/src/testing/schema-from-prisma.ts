// What schema.prisma says the database looks like, read through Prisma's own parser (the
// prisma-schema-wasm build of prisma-fmt, whose get_dmmf needs no native engine) rather than
// with regexes, and named the way Prisma Migrate would name things.
import { createRequire } from "node:module";
import type { DatabaseShape, ForeignKeyShape, IndexShape, ReferentialAction, TableShape } from "./schema-structure.ts";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: ReferentialAction;
  relationOnUpdate?: ReferentialAction;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}
export interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
}

const require = createRequire(import.meta.url);

export function dmmfFromText(prismaSchema: string): Dmmf {
  // CommonJS wasm-bindgen output; loaded lazily so only this test pays for it.
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
}

// Defaults Prisma's client generates itself: the column has no database default.
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);
const POSTGRES_MAX_IDENTIFIER = 63;

/** Prisma's constraint names: "<table>_<columns>_<suffix>", shortened to PostgreSQL's 63 bytes. */
export function prismaConstraintName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  const base = columns.length > 0 && suffix !== "pkey" ? `${table}_${columns.join("_")}` : table;
  return `${base.slice(0, POSTGRES_MAX_IDENTIFIER - suffix.length - 1)}_${suffix}`;
}

function columnType(field: DmmfField, enums: Map<string, DmmfEnum>): string {
  if (field.kind === "enum") {
    const definition = enums.get(field.type);
    return `enum:${definition?.dbName ?? field.type}`;
  }
  const [native, args = []] = field.nativeType ?? [];
  const withArgs = (name: string) => (args.length > 0 ? `${name}(${args.join(",")})` : name);
  switch (native) {
    case "VarChar": return withArgs("varchar");
    case "Char": return withArgs("char");
    case "Text": return "text";
    case "Uuid": return "uuid";
    case "Timestamptz": return withArgs("timestamptz");
    case "Timestamp": return withArgs("timestamp");
    case "SmallInt": return "smallint";
    case "Integer": return "integer";
    case "BigInt": return "bigint";
    case "DoublePrecision": return "double precision";
    case "Real": return "real";
    case "JsonB": return "jsonb";
    case "Json": return "json";
    case undefined: break;
    default: return withArgs(native.toLowerCase());
  }
  const defaults: Record<string, string> = {
    String: "text", Int: "integer", BigInt: "bigint", Float: "double precision", Boolean: "boolean",
    DateTime: "timestamp(3)", Json: "jsonb", Decimal: "numeric(65,30)", Bytes: "bytea",
  };
  return `${defaults[field.type] ?? `unknown:${field.type}`}${field.isList ? "[]" : ""}`;
}

function hasDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const fn = typeof field.default === "object" && field.default !== null && "name" in field.default ? String(field.default.name) : null;
  return fn === null || !CLIENT_SIDE_DEFAULTS.has(fn);
}

export function structureFromDmmf(dmmf: Dmmf): DatabaseShape {
  const { models, enums, indexes } = dmmf.datamodel;
  const enumsByName = new Map(enums.map((e) => [e.name, e]));
  const modelsByName = new Map(models.map((m) => [m.name, m]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  const tables = new Map<string, TableShape>();
  for (const model of models) {
    const table: TableShape = { columns: new Map(), indexes: new Map(), foreignKeys: new Map() };
    const tableName = tableOf(model);
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        const target = modelsByName.get(field.type);
        if (from.length === 0 || !target) continue;
        const columns = from.map((f) => columnOf(model, f));
        const optional = from.some((f) => !model.fields.find((x) => x.name === f)?.isRequired);
        const key: ForeignKeyShape = {
          name: prismaConstraintName(tableName, columns, "fkey"),
          columns,
          referencedTable: tableOf(target),
          referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
          // Prisma's defaults when the schema says nothing.
          onDelete: field.relationOnDelete ?? (optional ? "SetNull" : "Restrict"),
          onUpdate: field.relationOnUpdate ?? "Cascade",
        };
        table.foreignKeys.set(key.name, key);
        continue;
      }
      table.columns.set(field.dbName ?? field.name, {
        type: columnType(field, enumsByName),
        nullable: !field.isRequired,
        hasDefault: hasDatabaseDefault(field),
      });
    }
    for (const index of indexes.filter((i) => i.model === model.name && i.type !== "fulltext")) {
      const columns = index.fields.map((f) => columnOf(model, f.name));
      const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
      const shape: IndexShape = {
        name: index.dbName ?? prismaConstraintName(tableName, columns, suffix),
        columns,
        unique: index.type !== "normal",
        primary: index.type === "id",
      };
      table.indexes.set(shape.name, shape);
    }
    tables.set(tableName, table);
  }

  return {
    tables,
    enums: new Map(enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)])),
  };
}
