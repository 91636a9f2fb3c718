// One shape for "what the database should look like" and "what it does look like", so the
// schema-sync test can diff them field by field. Types are spelled as PostgreSQL's format_type()
// would, normalised (varchar(500), timestamptz(3), enum:task_status).

export interface ColumnShape {
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface IndexShape {
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export interface TableShape {
  columns: Map<string, ColumnShape>;
  indexes: Map<string, IndexShape>;
  foreignKeys: Map<string, ForeignKeyShape>;
}

export interface DatabaseShape {
  tables: Map<string, TableShape>;
  enums: Map<string, string[]>;
}

/** Every difference, one readable line each; empty when the two agree. */
export function diffStructures(expected: DatabaseShape, actual: DatabaseShape): string[] {
  const problems: string[] = [];
  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) problems.push(`enum ${name}: missing in the database`);
    else if (found.join(",") !== values.join(",")) {
      problems.push(`enum ${name}: schema has (${values.join(", ")}), database has (${found.join(", ")})`);
    }
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) problems.push(`enum ${name}: in the database but not in schema.prisma`);
  }
  for (const [tableName, table] of expected.tables) {
    const found = actual.tables.get(tableName);
    if (!found) {
      problems.push(`table ${tableName}: missing in the database`);
      continue;
    }
    problems.push(...diffTable(tableName, table, found));
  }
  for (const tableName of actual.tables.keys()) {
    if (!expected.tables.has(tableName)) problems.push(`table ${tableName}: in the database but not in schema.prisma`);
  }
  return problems;
}

function diffTable(tableName: string, expected: TableShape, actual: TableShape): string[] {
  const problems: string[] = [];
  const where = (what: string) => `${tableName}.${what}`;
  for (const [name, column] of expected.columns) {
    const found = actual.columns.get(name);
    if (!found) {
      problems.push(`${where(name)}: column missing in the database`);
      continue;
    }
    if (found.type !== column.type) problems.push(`${where(name)}: schema type ${column.type}, database type ${found.type}`);
    if (found.nullable !== column.nullable) {
      problems.push(`${where(name)}: schema says ${column.nullable ? "NULL" : "NOT NULL"}, database says ${found.nullable ? "NULL" : "NOT NULL"}`);
    }
    if (found.hasDefault !== column.hasDefault) {
      problems.push(`${where(name)}: schema ${column.hasDefault ? "has" : "has no"} database default, database ${found.hasDefault ? "has" : "has none"}`);
    }
  }
  for (const name of actual.columns.keys()) {
    if (!expected.columns.has(name)) problems.push(`${where(name)}: column in the database but not in schema.prisma`);
  }
  const describeIndex = (i: IndexShape) => `${i.primary ? "primary key" : i.unique ? "unique index" : "index"} (${i.columns.join(", ")})`;
  for (const [name, index] of expected.indexes) {
    const found = actual.indexes.get(name);
    if (!found) problems.push(`${tableName}: ${describeIndex(index)} named ${name} missing in the database`);
    else if (describeIndex(found) !== describeIndex(index)) {
      problems.push(`${tableName}: ${name} is ${describeIndex(index)} in the schema, ${describeIndex(found)} in the database`);
    }
  }
  for (const [name, index] of actual.indexes) {
    if (!expected.indexes.has(name)) problems.push(`${tableName}: ${describeIndex(index)} named ${name} in the database but not in schema.prisma`);
  }
  const describeKey = (k: ForeignKeyShape) =>
    `(${k.columns.join(", ")}) → ${k.referencedTable} (${k.referencedColumns.join(", ")}) ON DELETE ${k.onDelete} ON UPDATE ${k.onUpdate}`;
  for (const [name, key] of expected.foreignKeys) {
    const found = actual.foreignKeys.get(name);
    if (!found) problems.push(`${tableName}: foreign key ${name} ${describeKey(key)} missing in the database`);
    else if (describeKey(found) !== describeKey(key)) {
      problems.push(`${tableName}: foreign key ${name} is ${describeKey(key)} in the schema, ${describeKey(found)} in the database`);
    }
  }
  for (const [name, key] of actual.foreignKeys) {
    if (!expected.foreignKeys.has(name)) problems.push(`${tableName}: foreign key ${name} ${describeKey(key)} in the database but not in schema.prisma`);
  }
  return problems;
}
