// Quick add: natural-language task entry, parsed client-side for the live preview.
export { parseQuickAdd } from "./parse-quick-add.ts";
