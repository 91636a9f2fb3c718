// One lint configuration for every workspace. Besides code style it enforces the map in
// ARCHITECTURE.md ("Rules"): which package may import which, Prisma only in packages/db, the
// environment read only in an app's env.ts, no import cycles, React's and Next.js's own rules.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Import patterns refused in a part of the tree, each with the rule it breaks. */
const prismaOutsideDb = {
  group: ["@prisma/*", "**/generated/prisma/**"],
  message: "Prisma is packages/db's: use a query from @taskboard/db (ARCHITECTURE.md, Rules).",
};
const appsFromPackages = {
  group: ["@taskboard/web", "@taskboard/web/*", "@taskboard/workers", "@taskboard/workers/*", "**/apps/**"],
  message: "packages/* never import apps/* (ARCHITECTURE.md, Rules).",
};
const restrictImports = (...patterns) => ["error", { patterns }];

// A Prisma model call (`tx.task.findMany(...)`, `db.$queryRaw`) outside packages/db: the query
// belongs in packages/db/src/queries, shared by both apps, with its explicit select.
const PRISMA_METHODS = "findMany|findFirst|findUnique|findFirstOrThrow|findUniqueOrThrow|create|createMany|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy";
const prismaCallOutsideDb = [
  {
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${PRISMA_METHODS})$/][callee.object.type='MemberExpression'][callee.object.object.name=/^(db|tx|prisma)$/]`,
    message: "Prisma queries live in packages/db/src/queries (ARCHITECTURE.md, Rules): add or use a query function there.",
  },
  {
    selector: "MemberExpression[object.name=/^(db|tx|prisma)$/][property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
    message: "Raw SQL lives in packages/db/src/queries (ARCHITECTURE.md, Rules).",
  },
];

const processEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read configuration in the app's env.ts (validated once at start-up), not process.env here.",
};

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/generated/**", "**/next-env.d.ts", "**/test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: ["tsconfig.base.json", "*/*/tsconfig.json", "*/tsconfig.json"] })] },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "no-restricted-imports": restrictImports(prismaOutsideDb),
    },
  },
  // packages/db owns Prisma.
  { files: ["packages/db/**"], rules: { "no-restricted-imports": "off" } },
  // packages/* never reach into apps/*; packages/events knows nothing of the database either.
  { files: ["packages/**"], ignores: ["packages/db/**", "packages/events/**"], rules: { "no-restricted-imports": restrictImports(prismaOutsideDb, appsFromPackages) } },
  { files: ["packages/db/**"], rules: { "no-restricted-imports": restrictImports(appsFromPackages) } },
  {
    files: ["packages/events/**"],
    rules: {
      "no-restricted-imports": restrictImports(prismaOutsideDb, appsFromPackages, {
        group: ["@taskboard/db", "@taskboard/db/*", "pg", "graphile-worker"],
        message: "packages/events is transport-neutral schemas and contracts: no database (ARCHITECTURE.md, Rules).",
      }),
    },
  },
  // The two apps never import each other.
  {
    files: ["apps/web/**"],
    rules: { "no-restricted-imports": restrictImports(prismaOutsideDb, { group: ["@taskboard/workers", "@taskboard/workers/*", "**/workers/src/**"], message: "apps/web never imports apps/workers (ARCHITECTURE.md, Rules)." }) },
  },
  {
    files: ["apps/workers/**"],
    rules: { "no-restricted-imports": restrictImports(prismaOutsideDb, { group: ["@taskboard/web", "@taskboard/web/*", "**/web/src/**"], message: "apps/workers never imports apps/web (ARCHITECTURE.md, Rules)." }) },
  },
  // Product code reads the environment only in env.ts; tests, scripts and tools may read it.
  {
    files: ["apps/*/src/**", "packages/*/src/**"],
    // instrumentation.ts: Next.js tells the runtime apart only through NEXT_RUNTIME, before env.ts
    // may load. *-cli.ts: operator commands, entry points like scripts/.
    ignores: ["**/env.ts", "**/*.test.ts", "**/testing/**", "**/e2e/**", "packages/devtools/**", "apps/web/src/instrumentation.ts", "**/*-cli.ts"],
    rules: { "no-restricted-syntax": ["error", processEnv] },
  },
  // Apps reach the database only through packages/db's query functions (tests may seed directly).
  {
    files: ["apps/*/src/**"],
    ignores: ["**/*.test.ts", "**/testing/**", "**/e2e/**", "**/env.ts", "apps/web/src/instrumentation.ts", "**/*-cli.ts"],
    rules: { "no-restricted-syntax": ["error", processEnv, ...prismaCallOutsideDb] },
  },
  // React's rules of hooks and Next.js's own rules for the web app.
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    settings: { next: { rootDir: "apps/web" } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React Compiler's advisory rules (new in react-hooks 7) warn; the rules of hooks and
      // exhaustive deps fail the build.
      "react-hooks/set-state-in-effect": "warn",
      "react-hooks/refs": "warn",
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
);
