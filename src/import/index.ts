export { flowOf } from './flow.js';
export {
  type DraftEntry,
  detectFormat,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  importTable,
  type Suggestion,
} from './import.js';
export { chineseScript, detectLang, scriptCounts } from './script.js';
export { type DraftYamlOptions, toDraftYaml } from './yaml.js';
