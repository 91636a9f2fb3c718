// Quick add: natural-language task entry, parsed client-side for the live preview.
export { parseQuickAdd, parseQuickAddStrict, type QuickAddOptions } from "./parse-quick-add.ts";
export {
  ZQuickAddResultSchema,
  ZQuickAddTokenSchema,
  type TQuickAddResult,
  type TQuickAddToken,
  type TQuickAddPriority,
} from "./quick-add-result.schema.ts";
