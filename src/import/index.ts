export { flowOf } from './flow.js';
export {
  type DraftEntry,
  detectFormat,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  type ImportSummary,
  importTable,
  type Suggestion,
} from './import.js';
export { columnTag, detectTag } from './lang.js';
export { chineseScript, detectLang, scriptCounts } from './script.js';
export { type DraftYamlOptions, toDraftYaml } from './yaml.js';
